package io.orderflow.devissuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The dev OAuth2 issuer of the local stack (contract: "Authentication and authorization"). Never for production. */
@SpringBootApplication
public class DevIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIssuerApplication.class, args);
    }
}
