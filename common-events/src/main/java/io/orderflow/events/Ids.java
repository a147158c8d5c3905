package io.orderflow.events;

import java.util.regex.Pattern;

/** The one rule for every id (order, customer, product, shipment): 1-64 characters of {@code [A-Za-z0-9._:-]}. */
public final class Ids {

    public static final String REGEX = "[A-Za-z0-9._:-]{1,64}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** For record constructors: an event with a broken id is a poison message, not data. */
    public static String require(String id, String field) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(field + " must match " + REGEX + " but was '" + id + "'");
        }
        return id;
    }
}
