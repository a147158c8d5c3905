package io.orderflow.devissuer;

import java.util.regex.Pattern;

/**
 * The suite's id rule for customer ids. A copy of {@code io.orderflow.events.Ids} (common-events): that module
 * brings Kafka Streams along, too heavy for an issuer that only needs this one regex. Keep the two in step.
 */
public final class CustomerIds {

    public static final String REGEX = "[A-Za-z0-9._:-]{1,64}";
    public static final String MESSAGE = "must be 1-64 characters of [A-Za-z0-9._:-]";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private CustomerIds() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
