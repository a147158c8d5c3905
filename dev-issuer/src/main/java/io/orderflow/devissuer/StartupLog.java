package io.orderflow.devissuer;

import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/** One line at start naming the issuer and its clients: what a developer needs to point a service at it. */
@Component
class StartupLog {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final AuthorizationServerSettings settings;
    private final OAuth2AuthorizationServerProperties properties;

    StartupLog(AuthorizationServerSettings settings, OAuth2AuthorizationServerProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logIssuer() {
        StringJoiner clients = new StringJoiner(", ");
        new TreeMap<>(properties.getClient()).values().forEach(client -> clients.add(
                client.getRegistration().getClientId() + " " + new TreeSet<>(client.getRegistration().getAuthorizationGrantTypes())
                        + " " + new TreeSet<>(client.getRegistration().getScopes())));
        log.info("dev issuer (never for production) at {}; clients: {}; users: admin/admin, <customer id>/customer",
                settings.getIssuer(), clients);
    }
}
