package io.orderflow.fraud.training;

import io.orderflow.fraud.features.OrderFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled data set of orders, the same for the same seed. Real labels would come from chargebacks; this
 * generator stands in for them with one documented pattern (docs/fraud-model.md):
 *
 * <ul>
 *   <li><b>Legitimate</b> (about 97%): totals around 60 (log-normal), one to five lines of one to three units,
 *       mostly in the day, rarely more than one order an hour, days between orders, accounts funded weeks
 *       ago; 5% of them order in bursts too (a shopping spree).</li>
 *   <li><b>Fraud</b> (about 3%), a taken-over or freshly opened account emptied fast: totals around 500, one or
 *       two lines of many units (goods to resell), often at night (UTC), several orders within the hour minutes
 *       apart, an account funded hours ago. A fifth of it hides: daytime, older accounts, single orders.</li>
 *   <li><b>Noise</b>, as chargebacks have it: 10% of the fraud is never reported (labelled legitimate) and 0.2%
 *       of the legitimate orders are disputed anyway (labelled fraud), so no model can be perfect.</li>
 * </ul>
 */
public final class FraudDataSet {

    public static final double FRAUD_SHARE = 0.03;
    /** Share of the fraud labelled legitimate. */
    public static final double UNREPORTED_FRAUD = 0.10;
    /** Share of the legitimate orders labelled fraud. */
    public static final double DISPUTED_LEGITIMATE = 0.002;

    private static final Instant DAY_ZERO = Instant.parse("2026-01-01T00:00:00Z");

    private FraudDataSet() {
    }

    public static List<LabelledOrder> generate(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledOrder> orders = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            boolean fraud = random.nextDouble() < FRAUD_SHARE;
            OrderFacts facts = fraud ? fraud(random) : legitimate(random);
            boolean flipped = random.nextDouble() < (fraud ? UNREPORTED_FRAUD : DISPUTED_LEGITIMATE);
            boolean label = flipped != fraud;
            orders.add(new LabelledOrder(facts, label));
        }
        return orders;
    }

    private static OrderFacts legitimate(SplittableRandom random) {
        int lines = 1 + random.nextInt(5);
        int units = lines + random.nextInt(lines * 2 + 1);
        BigDecimal total = money(logNormal(random, Math.log(60), 0.8) * Math.sqrt(units));
        int hour = random.nextDouble() < 0.9 ? 8 + random.nextInt(15) : random.nextInt(24);
        boolean spree = random.nextDouble() < 0.05;
        int ordersLastHour = spree ? 1 + random.nextInt(4) : (random.nextDouble() < 0.1 ? 1 : 0);
        BigDecimal amountLastHour = money(ordersLastHour * logNormal(random, Math.log(80), 0.8));
        Duration sincePrevious = random.nextDouble() < 0.1 ? null
                : spree || ordersLastHour > 0 ? minutes(1 + random.nextDouble() * 59)
                : minutes(60 + exponential(random, 3 * 24 * 60));
        Duration sinceFunded = random.nextDouble() < 0.05 ? null : hours(exponential(random, 2000));
        return facts(total, lines, units, hour, random, ordersLastHour, amountLastHour, sincePrevious, sinceFunded);
    }

    private static OrderFacts fraud(SplittableRandom random) {
        boolean hiding = random.nextDouble() < 0.2;
        int lines = 1 + random.nextInt(2);
        int units = lines * (3 + random.nextInt(18));
        BigDecimal total = money(logNormal(random, Math.log(500), 0.7));
        int hour = !hiding && random.nextDouble() < 0.6 ? random.nextInt(6) : random.nextInt(24);
        int ordersLastHour = hiding ? random.nextInt(2) : 1 + random.nextInt(6);
        BigDecimal amountLastHour = money(ordersLastHour * logNormal(random, Math.log(450), 0.7));
        Duration sincePrevious = hiding ? minutes(exponential(random, 24 * 60))
                : minutes(exponential(random, 6));
        Duration sinceFunded = hiding ? hours(exponential(random, 1000)) : hours(exponential(random, 12));
        return facts(total, lines, units, hour, random, ordersLastHour, amountLastHour, sincePrevious, sinceFunded);
    }

    private static OrderFacts facts(BigDecimal total, int lines, int units, int hour, SplittableRandom random,
            int ordersLastHour, BigDecimal amountLastHour, Duration sincePrevious, Duration sinceFunded) {
        Instant createdAt = DAY_ZERO.plus(Duration.ofDays(random.nextInt(300)))
                .plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
        return new OrderFacts(total, lines, units, createdAt, ordersLastHour, amountLastHour, sincePrevious,
                sinceFunded);
    }

    private static double logNormal(SplittableRandom random, double mu, double sigma) {
        return Math.exp(mu + sigma * gaussian(random));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis((long) (minutes * 60_000));
    }

    private static Duration hours(double hours) {
        return Duration.ofMillis((long) (hours * 3_600_000));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(Math.max(0.01, amount)).setScale(2, RoundingMode.HALF_UP);
    }
}
