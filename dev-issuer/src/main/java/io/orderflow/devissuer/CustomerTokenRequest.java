package io.orderflow.devissuer;

/** The body of {@code POST /dev/tokens}: {@code {"customerId":"c-1"}}. */
public record CustomerTokenRequest(String customerId) {
}
