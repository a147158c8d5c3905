package io.orderflow.devissuer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Shaped like the token endpoint's answer (RFC 6749 section 5.1), so clients read both the same way. */
public record CustomerTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope) {
}
