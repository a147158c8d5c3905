package io.orderflow.fulfillment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shipment id of an order, a pure function of the order id: a redelivered or reprocessed order maps to
 * the same shipment, and no id table is needed.
 *
 * <p>{@code s-<orderId>} while that fits the 64-character id rule. A longer order id becomes
 * {@code s:<first 40 characters>:<21 hex digits of its SHA-256>} (64 characters); the different
 * prefix keeps the two forms from ever colliding with each other.
 */
public final class ShipmentIds {

    static final int MAX_LENGTH = 64;
    private static final String PLAIN_PREFIX = "s-";
    private static final String HASHED_PREFIX = "s:";
    private static final int KEPT_CHARACTERS = 40;
    private static final int HASH_HEX_DIGITS = MAX_LENGTH - HASHED_PREFIX.length() - KEPT_CHARACTERS - 1;

    private ShipmentIds() {
    }

    public static String forOrder(String orderId) {
        if (PLAIN_PREFIX.length() + orderId.length() <= MAX_LENGTH) {
            return PLAIN_PREFIX + orderId;
        }
        String hash = HexFormat.of().formatHex(sha256(orderId)).substring(0, HASH_HEX_DIGITS);
        return HASHED_PREFIX + orderId.substring(0, KEPT_CHARACTERS) + ":" + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
