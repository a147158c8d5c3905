package io.orderflow.service.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking: the one place that says so. There is no authentication yet, so every caller is
 * {@value #ANONYMOUS}; once requests carry a token, the caller is its subject and only this method changes.
 * What is remembered per caller (an {@code Idempotency-Key}'s scope) already goes through here.
 */
public final class Callers {

    public static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    public static String current(HttpServletRequest request) {
        return ANONYMOUS;
    }
}
