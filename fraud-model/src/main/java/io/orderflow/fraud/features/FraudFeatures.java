package io.orderflow.fraud.features;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The model's input: the one definition of the features, their names and order, shared by the trainer and the
 * scorer so the two cannot drift apart. A model names the features it was trained on; one whose list is not
 * exactly {@link #NAMES} is refused.
 *
 * <p>A feature that does not exist for an order (no previous order, an unfunded customer) is {@link #MISSING}:
 * gradient-boosted trees learn a default branch for it rather than reading a made-up value.
 */
public final class FraudFeatures {

    /** Version of the feature definition; a change of meaning is a new version, and new names. */
    public static final List<String> NAMES = List.of(
            "total",                        // the order's total, currency units
            "lines",                        // its number of lines
            "units",                        // its units over all lines
            "hour_of_day",                  // hour of its creation, UTC, 0..23
            "orders_last_hour",             // the customer's orders created in the hour before
            "amount_last_hour",             // what those total
            "minutes_since_previous_order", // MISSING for a first order
            "hours_since_funded");          // MISSING for an unfunded customer

    public static final int COUNT = NAMES.size();

    /** XGBoost's "missing" marker. */
    public static final float MISSING = Float.NaN;

    private FraudFeatures() {
    }

    /** The facts as the model's input row, in {@link #NAMES} order. */
    public static float[] vector(OrderFacts facts) {
        float[] row = new float[COUNT];
        write(facts, row);
        return row;
    }

    /** Writes the row into {@code row} (length {@link #COUNT}): the scorer reuses one array per thread. */
    public static void write(OrderFacts facts, float[] row) {
        row[0] = facts.total().floatValue();
        row[1] = facts.lines();
        row[2] = facts.units();
        row[3] = facts.createdAt().atOffset(ZoneOffset.UTC).getHour();
        row[4] = facts.ordersLastHour();
        row[5] = facts.amountLastHour().floatValue();
        row[6] = minutes(facts.sincePreviousOrder());
        row[7] = hours(facts.sinceFunded());
    }

    private static float minutes(Duration duration) {
        return duration == null ? MISSING : Math.max(0, duration.toMillis()) / 60_000f;
    }

    private static float hours(Duration duration) {
        return duration == null ? MISSING : Math.max(0, duration.toMillis()) / 3_600_000f;
    }
}
