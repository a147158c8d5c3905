package io.orderflow.service.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Clock} every service injects: the system clock in UTC, unless the context defines its own (a test's
 * fixed clock). {@link io.orderflow.service.ServiceSupport} brings it in with {@code @ImportAutoConfiguration}
 * rather than {@code @Import}: that import is deferred until every other configuration, a test's included, has
 * registered its beans, so {@code @ConditionalOnMissingBean} sees them; in a plain {@code @Import} it could be
 * decided first, and a test's Clock would then clash with this one (bean overriding is off).
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
