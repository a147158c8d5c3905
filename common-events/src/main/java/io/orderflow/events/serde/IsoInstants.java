package io.orderflow.events.serde;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Hand-written ISO-8601 for the one shape every event time has: {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}.
 * {@link java.time.format.DateTimeFormatter#ISO_INSTANT} handles far more (offsets, lower case, leap
 * seconds, any year), and parsing with it was the hottest method in the services' profiles. Both methods answer
 * null for anything outside the common shape, and the caller then uses Jackson's own code, so together
 * they read and write exactly what {@code ISO_INSTANT} does.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int NANOS_PER_MILLI = 1_000_000;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: ISO_INSTANT writes these years with exactly four digits. */
    private static final long MIN_FOUR_DIGIT_YEAR_SECOND = -62_167_219_200L;
    private static final long MAX_FOUR_DIGIT_YEAR_SECOND = 253_402_300_799L;
    private static final int[] NANOS_PER_FRACTION_DIGIT = {
            100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, or with {@code .SSS} when there are millis: what ISO_INSTANT writes for
     * an instant of millisecond precision in years 0-9999. Null for finer precision or other years.
     */
    static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (nanos % NANOS_PER_MILLI != 0
                || epochSecond < MIN_FOUR_DIGIT_YEAR_SECOND || epochSecond > MAX_FOUR_DIGIT_YEAR_SECOND) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int millis = nanos / NANOS_PER_MILLI;
        // ISO_INSTANT leaves out a zero fraction entirely: "10:00:00Z", not "10:00:00.000Z".
        byte[] text = new byte[millis == 0 ? 20 : 24];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (millis != 0) {
            text[19] = '.';
            put(text, 20, millis, 3);
        }
        text[text.length - 1] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ssZ} with an optional fraction of 1-9 digits. Null for anything else,
     * valid or not (offsets, lower case, "24:00", leap seconds, bad dates): the full parser decides those.
     */
    static Instant parse(String text) {
        int length = text.length();
        // 20 = no fraction; 22-30 = '.', 1-9 digits; 21 would be a bare '.', left to the full parser.
        if (length < 20 || length == 21 || length > 30
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fractionDigits = length > 20 ? length - 21 : 0;
        int fraction = fractionDigits > 0 ? digits(text, 20, fractionDigits) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0
                || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        int nanos = fractionDigits > 0 ? fraction * NANOS_PER_FRACTION_DIGIT[fractionDigits - 1] : 0;
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes {@code value} as exactly {@code width} zero-padded ASCII digits. */
    private static void put(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
