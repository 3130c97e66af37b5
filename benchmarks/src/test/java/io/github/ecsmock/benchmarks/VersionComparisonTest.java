package io.github.ecsmock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of versions runs: here two copies of the code under test, each in a class loader of its own. */
class VersionComparisonTest {

    @Test
    void eachVersionGetsItsRatioToItsOwnFloor() throws Exception {
        double[] ratios = VersionComparison.compare(Operation.DESCRIBE_CLUSTERS, 0.3,
                List.of(VersionComparison.ownClassPath(), VersionComparison.ownClassPath()));

        assertThat(ratios).hasSize(2);
        assertThat(ratios[0]).isPositive().isFinite();
        assertThat(ratios[1]).isPositive().isFinite();
    }
}
