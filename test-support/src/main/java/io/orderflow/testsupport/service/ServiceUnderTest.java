package io.orderflow.testsupport.service;

import static org.awaitility.Awaitility.await;

import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.http.RawHttp;
import io.orderflow.testsupport.security.TestIssuer;
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

    /** A client sending the admin's token: what most tests are about is not who may ask. */
    public HttpJson http() {
        return HttpJson.localhost(port).as(issuer()::admin);
    }

    /** The issuer the service trusts, for tokens of other callers ({@code http().as(issuer().customer("c-1"))}). */
    public TestIssuer issuer() {
        return TestIssuer.shared();
    }

    /** For requests an HTTP client would fix or refuse. */
    public RawHttp raw() {
        return new RawHttp(port).with("Authorization: Bearer " + issuer().admin());
    }

    public void awaitReady() {
        HttpJson http = http();
        await().atMost(READY_WITHIN).until(() -> http.anonymous().get("/actuator/health/readiness").status() == 200);
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
