package com.customerledger.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A ledger of its own whose clock stands still until a test moves it (deadlines, periods that must end). Its
 * tests share one context; each moves the clock only forward, so what another test left behind may age with it.
 */
@SpringBootTest(classes = {LedgerApplication.class, MovableClockLedgerTest.MovableTime.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MovableClockLedgerTest {

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) throws Exception {
        Path dir = TestData.newDirectory("ledger-clock-");
        registry.add("ledger.data-dir", dir::toString);
        registry.add("ledger.pool.scheduler-polling", () -> "100ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
}
