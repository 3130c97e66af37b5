package io.github.ecsmock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark and measurement once, briefly, so that the benchmarks build and run with every
 * change; the figures of a smoke run mean nothing and are not checked against targets.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsAndTheReportHasEveryFigure() throws Exception {
        BenchmarkReport.Results results = BenchmarkReport.run(true);

        assertThat(results.perCall()).hasSize(Operation.values().length);
        assertThat(results.perCall().values()).allSatisfy(byFloor ->
                assertThat(byFloor).hasSize(PerCallComparison.Floor.values().length).allSatisfy((floor, result) -> {
                    assertThat(result.mockMicros()).as(floor.name()).isPositive();
                    assertThat(result.floorMicros()).as(floor.name()).isPositive();
                    assertThat(result.ratio()).as(floor.name()).isPositive();
                }));
        assertThat(results.throughput()).containsOnlyKeys(1, 4, 16).allSatisfy((threads, rate) -> {
            assertThat(rate.mock()).isPositive();
            assertThat(rate.sideBySide().mockRate()).isPositive();
            assertThat(rate.sideBySide().floorRate()).isPositive();
            assertThat(rate.sideBySide().ratio()).isPositive();
        });
        assertThat(results.scale()).hasSize(ScaleComparison.Query.values().length).allSatisfy((query, result) -> {
            assertThat(result.micros()).as(query.name()).containsOnlyKeys(100, 1_000)
                    .allSatisfy((size, micros) -> assertThat(micros).isPositive());
            assertThat(result.growth()).as(query.name()).isPositive();
        });
        assertThat(results.heapPerTask()).isPositive();
        assertThat(results.warmStartMillis()).isPositive();
        assertThat(results.warmStartHttpMillis()).isPositive();
        assertThat(results.cold().mock()).isPositive();
        assertThat(results.cold().client()).isPositive();
        assertThat(results.cold().httpMock()).isPositive();
        assertThat(results.cold().httpClient()).isPositive();
        assertThat(results.cold().floor()).isPositive();
        assertThat(results.cold().sdkFloor()).isPositive();
        // One pair in the smoke run: its difference is the share.
        assertThat(results.cold().share()).isEqualTo(results.cold().mock() - results.cold().client());
        assertThat(results.cold().httpShare()).isEqualTo(results.cold().httpMock() - results.cold().httpClient());
        assertThat(results.cold().beyondSdkFloor()).isEqualTo(results.cold().mock() - results.cold().sdkFloor());
        assertThat(BenchmarkReport.markdown(results)).contains("| DescribeClusters |").contains("## Scale")
                .contains("| HTTP floor, calls/s | ratio |").contains("| cold, for reference: the mock beyond the SDK floor's first call |");
    }
}
