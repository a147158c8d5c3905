package io.orderflow.testsupport.service;

import static org.awaitility.Awaitility.await;

import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.http.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** The service a {@link ServiceIT} test started: where it listens, and clients for it. */
public record ServiceUnderTest(int port) {

    /** Longer than any service takes to join the group and restore its stores on the test broker. */
    static final Duration READY_WITHIN = Duration.ofSeconds(90);

    public HttpJson http() {
        return HttpJson.localhost(port);
    }

    /** For requests an HTTP client would fix or refuse. */
    public RawHttp raw() {
        return new RawHttp(port);
    }

    public void awaitReady() {
        HttpJson http = http();
        await().atMost(READY_WITHIN).until(() -> http.get("/actuator/health/readiness").status() == 200);
    }

    private static ServiceUnderTest of(ExtensionContext context) {
        Integer port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("server.port", Integer.class);
        return new ServiceUnderTest(port);
    }

    /** Waits for readiness before each test, and hands the test its service. */
    static final class Extension implements BeforeEachCallback, ParameterResolver {

        @Override
        public void beforeEach(ExtensionContext context) {
            of(context).awaitReady();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ServiceUnderTest.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return of(context);
        }
    }
}
