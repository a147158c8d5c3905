package io.orderflow.service.web;

import io.orderflow.events.serde.EventJson;
import io.orderflow.service.idempotency.IdempotencyKeyResolver;
import io.orderflow.service.security.ApiSecurity;
import io.orderflow.service.security.CallerResolver;
import io.orderflow.service.trace.TraceFilter;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST edge every service shares: OAuth2 bearer tokens ({@link ApiSecurity}), strict JSON, a 64 KiB body
 * limit, problem details for every error, the {@code Idempotency-Key} header as a controller parameter.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, ApiSecurity.class})
public class WebSetup {

    public static final long MAX_BODY_BYTES = 64 * 1024;

    /** Same strictness as {@link EventJson}: numeric strings and fractional quantities are errors, money stays exact. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return WebSetup::strict;
    }

    /** The REST edge's JSON rules, applied to a builder; public so tests parse requests exactly as the services do. */
    public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * Controller methods of POSTs take an {@code IdempotencyKey} parameter: the request's header, checked; any
     * controller method a {@code Caller}: who asks.
     */
    @Bean
    WebMvcConfigurer idempotencyKeys() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IdempotencyKeyResolver());
                resolvers.add(new CallerResolver());
            }
        };
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper mapper) {
        return new ProblemWriter(mapper);
    }

    /** Errors Tomcat answers before Spring sees the request (an encoded slash, a bad escape, a huge header) as problems. */
    @Bean
    ProblemReportValve.Installer problemReportValve(JsonMapper mapper) {
        return new ProblemReportValve.Installer(mapper);
    }

    @Bean
    FilterRegistrationBean<TraceFilter> traceFilter() {
        FilterRegistrationBean<TraceFilter> registration = new FilterRegistrationBean<>(new TraceFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(MAX_BODY_BYTES, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
