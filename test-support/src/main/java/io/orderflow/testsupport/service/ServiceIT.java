package io.orderflow.testsupport.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * One of the services, whole, on the test broker: a {@code @SpringBootTest} of {@link #value()} on a free port
 * known before start (Streams advertises it for interactive queries), with a fresh data directory, and ready
 * (its readiness probe answers 200) before each test. The test takes a {@link ServiceUnderTest} as its
 * constructor parameter to reach it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextCustomizerFactories(ServiceContextCustomizerFactory.class)
@ExtendWith(ServiceUnderTest.Extension.class)
public @interface ServiceIT {

    /** The service's application class. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] value();

    /** Settings this test gives the service on top of the broker, the port and the data directory. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
