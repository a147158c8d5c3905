package io.orderflow.testsupport.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * For a MockMvc slice whose tests are about input, not about who may send it: every request is the admin's unless
 * it says {@code .with(Tokens.customer(...))} (applied after, so it wins) or is made anonymous.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdminByDefault {

    @Bean
    MockMvcBuilderCustomizer adminTokenOnEveryRequest() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(Tokens.admin()));
    }
}
