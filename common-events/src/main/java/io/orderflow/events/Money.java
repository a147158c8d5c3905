package io.orderflow.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is an exact decimal with two places. One place for the rule so every service rounds alike. */
public final class Money {

    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** Normalises to two places; refuses a value that would need rounding (1.500 is fine, 1.505 is not). */
    public static BigDecimal of(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** True when the amount has at most two significant decimals. */
    public static boolean hasAtMostTwoDecimals(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }
}
