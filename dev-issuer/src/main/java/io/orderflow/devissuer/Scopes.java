package io.orderflow.devissuer;

import java.util.Set;

/** The suite's scopes as this issuer grants them (docs/security.md). */
public final class Scopes {

    public static final String ADMIN = "orderflow.admin";
    public static final String METRICS = "orderflow.metrics";
    public static final String CUSTOMER = "orderflow.customer";
    /** OpenID Connect's own scopes: a signed-in user keeps them whatever role they hold. */
    public static final Set<String> OIDC = Set.of("openid", "profile");
    /** The one audience of every access token: the services accept tokens meant for "orderflow", not a client id. */
    public static final String AUDIENCE = "orderflow";

    private Scopes() {
    }
}
