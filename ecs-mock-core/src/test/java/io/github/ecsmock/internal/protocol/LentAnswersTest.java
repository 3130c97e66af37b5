package io.github.ecsmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/**
 * Answers lent rather than copied: an array given back is written in again, so that a thread answering
 * call after call keeps one array, and an array not given back is never written in again.
 */
class LentAnswersTest {
    private final AwsJsonCodec codec = new AwsJsonCodec();

    @Test
    void anArrayGivenBackCarriesTheNextAnswer() {
        ModelWriter.Lent first = codec.lend(clusters("one"));
        codec.giveBack(first.array());

        ModelWriter.Lent second = codec.lend(clusters("two"));

        assertThat(second.array()).isSameAs(first.array());
        assertThat(text(second)).isEqualTo("{\"clusters\":[{\"clusterName\":\"two\"}]}");
    }

    @Test
    void anArrayNotGivenBackKeepsItsAnswer() {
        ModelWriter.Lent first = codec.lend(clusters("one"));

        ModelWriter.Lent second = codec.lend(clusters("two"));

        assertThat(second.array()).isNotSameAs(first.array());
        assertThat(text(first)).isEqualTo("{\"clusters\":[{\"clusterName\":\"one\"}]}");
        assertThat(text(second)).isEqualTo("{\"clusters\":[{\"clusterName\":\"two\"}]}");
    }

    private static DescribeClustersResponse clusters(String name) {
        return DescribeClustersResponse.builder().clusters(Cluster.builder().clusterName(name).build()).build();
    }

    private static String text(ModelWriter.Lent lent) {
        return new String(Arrays.copyOf(lent.array(), lent.length()), StandardCharsets.UTF_8);
    }
}
