package io.orderflow.testsupport.service;

import io.orderflow.testsupport.http.FreePorts;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.security.TestIssuer;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each {@link ServiceIT} class's service the test broker, a data directory of its own, a free port and the
 * test JVM's token issuer ({@link TestIssuer#shared()}).
 */
final class ServiceContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean serviceTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(ServiceIT.class);
        return serviceTest ? new OnTestBroker(testClass) : null;
    }

    /**
     * Equal only for the same test class, as a {@code @DynamicPropertySource} method of its own would be: each
     * class gets its own context (and port), two classes never share one.
     */
    private record OnTestBroker(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("orderflow-service-it", Map.of(
                    "orderflow.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                    "orderflow.data-dir", TestKafka.newDataDir(),
                    "server.port", FreePorts.next(),
                    "orderflow.jwt.issuer-uri", TestIssuer.shared().uri())));
        }
    }
}
