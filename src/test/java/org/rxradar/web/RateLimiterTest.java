package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T05:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void perEmailLimitsAllowOneInTenMinutesAndThreeADay() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(List.of(new RateLimiter.Limit(1, Duration.ofMinutes(10)),
                new RateLimiter.Limit(3, Duration.ofDays(1))), 100, clock);
        assertThat(limiter.tryAcquire("a@example.org")).isEmpty();
        assertThat(limiter.tryAcquire("a@example.org")).hasValue(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("b@example.org")).as("another key is not affected").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(limiter.tryAcquire("a@example.org")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(limiter.tryAcquire("a@example.org")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        // three in the last day: the first one frees the day window 24h after it was sent
        assertThat(limiter.tryAcquire("a@example.org")).hasValue(Duration.ofDays(1).minusMinutes(33));
        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(limiter.tryAcquire("a@example.org")).isEmpty();
    }

    @Test
    void fivePerMinuteThenWaitForTheOldestToLeaveTheWindow() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(List.of(new RateLimiter.Limit(5, Duration.ofMinutes(1))), 100, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("127.0.0.1")).isEmpty();
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(limiter.tryAcquire("127.0.0.1")).hasValue(Duration.ofSeconds(10));
        clock.now = clock.now.plusSeconds(10);
        assertThat(limiter.tryAcquire("127.0.0.1")).isEmpty();
    }

    @Test
    void memoryStaysBoundedByMaxKeys() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(List.of(new RateLimiter.Limit(1, Duration.ofMinutes(1))), 50, clock);
        for (int i = 0; i < 1000; i++) limiter.tryAcquire("10.0.0." + i);
        assertThat(limiter.keys()).isLessThanOrEqualTo(50);
    }
}
