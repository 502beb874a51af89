package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wait before the first digest check: steps in order, one bound for all, never forever. */
class FirstDigestCheckTest {
    private final List<String> calls = new ArrayList<>();

    private FirstDigestCheck.Step step(String name, boolean result) {
        return new FirstDigestCheck.Step(name, timeout -> {
            calls.add(name);
            return result;
        });
    }

    @Test
    void waitsForEveryStepInTurn() {
        assertThat(new FirstDigestCheck(List.of(step("fetch", true), step("tagger", true), step("view", true)), Duration.ofSeconds(5))
                .await()).isTrue();
        assertThat(calls).containsExactly("fetch", "tagger", "view");
    }

    @Test
    void aStepStillWaitingAtTheBoundLetsTheCheckGoAheadWithoutTheLaterSteps() {
        CountDownLatch never = new CountDownLatch(1);
        List<Duration> given = new ArrayList<>();
        FirstDigestCheck check = new FirstDigestCheck(List.of(
                step("fetch", true),
                new FirstDigestCheck.Step("tagger", timeout -> {
                    given.add(timeout);
                    return never.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }),
                step("view", true)), Duration.ofMillis(300));

        assertThat(check.await()).isFalse();
        assertThat(calls).containsExactly("fetch");
        assertThat(given).singleElement().satisfies(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void aStepThatFailsLetsTheCheckGoAhead() {
        FirstDigestCheck check = new FirstDigestCheck(List.of(
                new FirstDigestCheck.Step("tagger", timeout -> {
                    throw new IllegalStateException("broker gone");
                }),
                step("view", true)), Duration.ofSeconds(5));
        assertThat(check.await()).isFalse();
        assertThat(calls).isEmpty();
    }
}
