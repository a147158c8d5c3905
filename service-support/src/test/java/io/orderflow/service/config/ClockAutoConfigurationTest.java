package io.orderflow.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A service gets the UTC system clock, and a test that defines its own Clock gets that one, whatever the order. */
class ClockAutoConfigurationTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    /** Brings the clock in as {@code ServiceSupport} does (which needs a broker to start, so not itself). */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ClockAutoConfiguration.class)
    static class AsServiceSupport {
    }

    @Configuration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        Clock clock() {
            return FIXED;
        }
    }

    @Test
    void withoutAClockOfItsOwnAServiceGetsTheSystemClockInUtc() {
        new ApplicationContextRunner().withUserConfiguration(AsServiceSupport.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Clock.class);
            assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
        });
    }

    @Test
    void aTestsClockWinsWhenRegisteredAfterTheImport() {
        new ApplicationContextRunner().withUserConfiguration(AsServiceSupport.class, TestClock.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Clock.class);
                    assertThat(context.getBean(Clock.class)).isSameAs(FIXED);
                });
    }

    @Test
    void aTestsClockWinsWhenRegisteredBeforeTheImport() {
        new ApplicationContextRunner().withUserConfiguration(TestClock.class, AsServiceSupport.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Clock.class);
                    assertThat(context.getBean(Clock.class)).isSameAs(FIXED);
                });
    }
}
