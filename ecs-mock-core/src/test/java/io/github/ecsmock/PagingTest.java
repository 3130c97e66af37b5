package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;

/**
 * Every List operation pages with tokens that name the last item returned, so a set that others
 * change while it is paged neither loses nor repeats an item that was there throughout; and every
 * one refuses a bad {@code maxResults} and a token it did not issue.
 */
class PagingTest extends EcsApiTest {

    /** One List operation: a page by token and size, and how to add and remove one of its items. */
    private record Listing(String name, Pager pager, Supplier<String> add, Consumer<String> remove) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record Page(List<String> items, String nextToken) {
    }

    @FunctionalInterface
    private interface Pager {
        Page page(String token, Integer maxResults);
    }

    private int counter;

    @BeforeEach
    void clusterAndDefinition() {
        ecs.createCluster(r -> r.clusterName("dev"));
        ecs.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx")));
        counter = 0;
    }

    Stream<Listing> listings() {
        return Stream.of(
                new Listing("ListClusters",
                        (token, max) -> page(ecs.listClusters(r -> r.nextToken(token).maxResults(max)).clusterArns(),
                                ecs.listClusters(r -> r.nextToken(token).maxResults(max)).nextToken()),
                        () -> ecs.createCluster(r -> r.clusterName("c" + (++counter))).cluster().clusterArn(),
                        arn -> ecs.deleteCluster(r -> r.cluster(arn))),
                new Listing("ListTaskDefinitions",
                        (token, max) -> {
                            var response = ecs.listTaskDefinitions(r -> r.nextToken(token).maxResults(max));
                            return page(response.taskDefinitionArns(), response.nextToken());
                        },
                        () -> ecs.registerTaskDefinition(r -> r.family("f" + (++counter))
                                .containerDefinitions(c -> c.name("a").image("a").memory(64))).taskDefinition().taskDefinitionArn(),
                        arn -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn))),
                new Listing("ListTaskDefinitionFamilies",
                        (token, max) -> {
                            var response = ecs.listTaskDefinitionFamilies(r -> r.nextToken(token).maxResults(max)
                                    .status(TaskDefinitionFamilyStatus.ACTIVE));
                            return page(response.families(), response.nextToken());
                        },
                        () -> ecs.registerTaskDefinition(r -> r.family("fam" + (++counter))
                                .containerDefinitions(c -> c.name("a").image("a").memory(64))).taskDefinition().family(),
                        family -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":1"))),
                new Listing("ListServices",
                        (token, max) -> {
                            var response = ecs.listServices(r -> r.cluster("dev").nextToken(token).maxResults(max));
                            return page(response.serviceArns(), response.nextToken());
                        },
                        () -> ecs.createService(r -> r.cluster("dev").serviceName("s" + (++counter)).taskDefinition("app")
                                .desiredCount(0).launchType(LaunchType.FARGATE)
                                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))).service().serviceArn(),
                        arn -> ecs.deleteService(r -> r.cluster("dev").service(arn))),
                new Listing("ListTasks",
                        (token, max) -> {
                            var response = ecs.listTasks(r -> r.cluster("dev").nextToken(token).maxResults(max));
                            return page(response.taskArns(), response.nextToken());
                        },
                        () -> ecs.runTask(r -> r.cluster("dev").taskDefinition("app").launchType(LaunchType.FARGATE)
                                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))))
                                .tasks().get(0).taskArn(),
                        arn -> ecs.stopTask(r -> r.cluster("dev").task(arn))));
    }

    private static Page page(List<String> items, String token) {
        return new Page(items, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void pagingASetThatChangesLosesAndRepeatsNothingThatStayed(Listing listing) {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            before.add(listing.add().get());
        }
        Set<String> removed = new HashSet<>();
        List<String> seen = new ArrayList<>();
        String token = null;
        int round = 0;
        do {
            Page page = listing.pager().page(token, 4);
            seen.addAll(page.items());
            token = page.nextToken();
            // Between pages: one item added, one not yet seen and one already seen removed.
            listing.add().get();
            String ahead = before.get(Math.min(before.size() - 1, 8 + round * 3));
            if (!seen.contains(ahead) && removed.add(ahead)) {
                listing.remove().accept(ahead);
            }
            String behind = seen.get(0);
            if (removed.add(behind)) {
                listing.remove().accept(behind);
            }
            round++;
        } while (token != null);

        assertThat(seen).doesNotHaveDuplicates();
        Set<String> stayed = new LinkedHashSet<>(before);
        stayed.removeAll(removed);
        assertThat(seen).containsAll(stayed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void aBadPageSizeOrAForeignTokenIsRefused(Listing listing) {
        for (int i = 0; i < 3; i++) {
            listing.add().get();
        }
        for (int size : new int[] {0, -1, 101}) {
            InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                    () -> listing.pager().page(null, size));
            assertThat(error).as("maxResults " + size).isNotNull();
            assertThat(error.awsErrorDetails().errorMessage()).contains("maxResults");
        }
        InvalidParameterException bogus = catchThrowableOfType(InvalidParameterException.class,
                () -> listing.pager().page("bogus", null));
        assertThat(bogus.awsErrorDetails().errorMessage()).isEqualTo("Invalid token bogus");

        ecs.createCluster(r -> r.clusterName("another"));
        String foreign = ecs.listClusters(r -> r.maxResults(1)).nextToken();
        assertThat(foreign).isNotNull();
        if (!listing.name().equals("ListClusters")) {
            assertThat(catchThrowableOfType(InvalidParameterException.class, () -> listing.pager().page(foreign, null)))
                    .as("a ListClusters token").isNotNull();
        }
    }

    @Test
    void aTokenOfAnotherFamilyPrefixOrSortOrderIsRefusedNotAServerError() {
        for (String family : List.of("api", "batch", "web")) {
            for (int i = 0; i < 2; i++) {
                ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(c -> c.name("a").image("nginx").memory(128)));
            }
        }
        String ofFamilies = ecs.listTaskDefinitionFamilies(r -> r.maxResults(1)).nextToken();
        String ofApi = ecs.listTaskDefinitions(r -> r.familyPrefix("api").maxResults(1)).nextToken();
        String ascending = ecs.listTaskDefinitions(r -> r.maxResults(1)).nextToken();

        assertInvalidToken(() -> ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("web").nextToken(ofFamilies)), ofFamilies);
        assertInvalidToken(() -> ecs.listTaskDefinitions(r -> r.familyPrefix("web").nextToken(ofApi)), ofApi);
        assertInvalidToken(() -> ecs.listTaskDefinitions(r -> r.sort(SortOrder.DESC).nextToken(ascending)), ascending);
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("api").nextToken(ofApi)).taskDefinitionArns())
                .singleElement().asString().endsWith("task-definition/api:2");
    }

    private static void assertInvalidToken(ThrowingCallable call, String token) {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid token " + token);
    }
}
