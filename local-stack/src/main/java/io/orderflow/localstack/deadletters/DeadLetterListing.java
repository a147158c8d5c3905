package io.orderflow.localstack.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** How {@code list} prints a dead letter: one line each, short enough to read, the full reason left to Kafka. */
final class DeadLetterListing {

    static final int MAX_REASON_CHARS = 200;
    static final int MAX_KEY_CHARS = 40;

    private static final String FORMAT = "%-9s %-24s %-15s %-28s %-22s %-16s %-12s %s";

    static final String HEADER = FORMAT.formatted(
            "DLQ", "TIMESTAMP", "STAGE", "SOURCE", "REPLAY TO", "KEY", "VALUE", "REASON").stripTrailing();

    private DeadLetterListing() {
    }

    static String line(DeadLetter letter) {
        String reason = oneLine(letter.reason(), MAX_REASON_CHARS);
        if (letter.replayedFrom() != null) {
            // A replay that failed again: worth seeing before replaying anything twice.
            reason = "[replay of " + letter.replayedFrom() + "] " + reason;
        }
        return FORMAT.formatted(letter.position(), Instant.ofEpochMilli(letter.timestamp()), orDash(letter.stage()),
                letter.source(), orDash(letter.replayTopic()), key(letter.key()), value(letter), reason)
                .stripTrailing();
    }

    static String value(DeadLetter letter) {
        if (letter.valueOmitted() != null) {
            return "value omitted (" + letter.valueOmitted() + ")";
        }
        return letter.value() == null ? "no value" : letter.value().length + " bytes";
    }

    /** The key as text, control characters shown as {@code ?}, cut when long (an id can be a megabyte of junk). */
    static String key(byte[] key) {
        if (key == null) {
            return "-";
        }
        // At most 4 bytes a character: no need to decode all of a huge key to show its start.
        int decoded = Math.min(key.length, MAX_KEY_CHARS * 4 + 4);
        String text = printable(new String(key, 0, decoded, StandardCharsets.UTF_8));
        return decoded == key.length && text.length() <= MAX_KEY_CHARS ? text
                : text.substring(0, Math.min(text.length(), MAX_KEY_CHARS)) + "...(" + key.length + " bytes)";
    }

    /** The first line of a reason, cut to {@code max} characters. */
    static String oneLine(String reason, int max) {
        if (reason == null || reason.isBlank()) {
            return "-";
        }
        String text = reason.strip();
        int newline = text.indexOf('\n');
        boolean more = newline >= 0;
        if (more) {
            text = text.substring(0, newline).stripTrailing();
        }
        if (text.length() > max) {
            text = text.substring(0, max);
            more = true;
        }
        return printable(text) + (more ? " ..." : "");
    }

    /** {@code 1 dead letter}, {@code 2 dead letters}. */
    static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
