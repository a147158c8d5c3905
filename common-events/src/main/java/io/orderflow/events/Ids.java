package io.orderflow.events;

/** The one rule for every id (order, customer, product, shipment): 1-64 characters of {@code [A-Za-z0-9._:-]}. */
public final class Ids {

    /** The rule as a regex, for Bean Validation's {@code @Pattern}; {@link #isValid} checks the same without one. */
    public static final String REGEX = "[A-Za-z0-9._:-]{1,64}";
    /** What an API answers for an id that breaks the rule: one wording for body fields, paths and headers. */
    public static final String MESSAGE = "must be 1-64 characters of [A-Za-z0-9._:-]";
    private static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /** Runs in the constructor of every event record, so a loop rather than a regex. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }

    /** For record constructors: an event with a broken id is a poison message, not data. */
    public static String require(String id, String field) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(field + " must match " + REGEX + " but was '" + id + "'");
        }
        return id;
    }
}
