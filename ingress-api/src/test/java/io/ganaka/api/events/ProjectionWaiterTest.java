package io.ganaka.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.ProjectionReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProjectionWaiterTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(50);

    private final ProjectionWaiter waiter = new ProjectionWaiter(2);

    @Test
    void aReportThatArrivesBeforeTheWaitBeginsIsNotMissed() {
        try (ProjectionWaiter.Expectation expectation = waiter.expect("expenses", "e1")) {
            waiter.report(new ProjectionReport("expenses", List.of("e0", "e1")));

            assertThat(expectation.await(LONG)).isTrue();
        }
    }

    @Test
    void aReportDuringTheWaitEndsIt() throws Exception {
        try (ProjectionWaiter.Expectation expectation = waiter.expect("expenses", "e1")) {
            CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> expectation.await(LONG));

            waiter.report(new ProjectionReport("expenses", List.of("e1")));

            assertThat(waited.get(LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withoutAReportTheWaitRunsOutAndSaysNotProjected() {
        try (ProjectionWaiter.Expectation expectation = waiter.expect("expenses", "e1")) {
            waiter.report(new ProjectionReport("expenses", List.of("e2")));

            assertThat(expectation.await(SHORT)).isFalse();
        }
    }

    @Test
    void anotherSinksReportOfTheSameEventDoesNotCount() {
        try (ProjectionWaiter.Expectation expectation = waiter.expect("expenses", "e1")) {
            waiter.report(new ProjectionReport("monthly-summaries", List.of("e1")));

            assertThat(expectation.await(SHORT)).isFalse();
        }
    }

    @Test
    void beyondCapacityAnExpectationDoesNotWaitAndClosingFreesASlot() {
        ProjectionWaiter.Expectation first = waiter.expect("expenses", "e1");
        ProjectionWaiter.Expectation second = waiter.expect("expenses", "e2");

        try (ProjectionWaiter.Expectation third = waiter.expect("expenses", "e3")) {
            waiter.report(new ProjectionReport("expenses", List.of("e3")));
            assertThat(third.await(LONG)).isFalse();
        }
        assertThat(waiter.waiting()).isEqualTo(2);

        first.close();
        try (ProjectionWaiter.Expectation fourth = waiter.expect("expenses", "e4")) {
            waiter.report(new ProjectionReport("expenses", List.of("e4")));
            assertThat(fourth.await(LONG)).isTrue();
        }
        second.close();
        assertThat(waiter.waiting()).isZero();
    }

    @Test
    void aDisabledWaiterNeverWaits() {
        ProjectionWaiter disabled = ProjectionWaiter.disabled();
        try (ProjectionWaiter.Expectation expectation = disabled.expect("expenses", "e1")) {
            disabled.report(new ProjectionReport("expenses", List.of("e1")));

            assertThat(expectation.await(LONG)).isFalse();
        }
    }
}
