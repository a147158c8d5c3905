package io.orderflow.bench;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.RejectionReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The customers, products and order mix of a run, chosen so that every order's outcome is known in advance
 * whatever order the suite processes them in:
 * <ul>
 *   <li>most orders: a rich customer buys 1-3 lines of plentiful products: SHIPPED;</li>
 *   <li>scarce products (little stock, one unit per order, rich buyers): exactly {@code min(stock, orders)} ship,
 *       the rest are REJECTED for INSUFFICIENT_STOCK (a reservation is never given back, so the count is exact);</li>
 *   <li>poor customers (funds for a few 10.00 orders of plentiful products): exactly {@code min(k, orders)} ship,
 *       the rest are REJECTED for INSUFFICIENT_FUNDS;</li>
 *   <li>a never-stocked product, a never-funded customer, a fraud suspect (one order above the hourly limit):
 *       always REJECTED for UNKNOWN_PRODUCT, UNKNOWN_CUSTOMER, FRAUD_SUSPECTED.</li>
 * </ul>
 * Order {@code n} is a function of (seed, n) only, so two runs with the same seed place the same orders.
 */
final class Workload {

    static final long PLENTIFUL_STOCK = 1_000_000_000L;
    static final long SCARCE_STOCK = 25;
    static final BigDecimal RICH_BALANCE = new BigDecimal("1000000000.00");
    static final BigDecimal POOR_ORDER_TOTAL = new BigDecimal("10.00");
    static final int POOR_ORDERS_FUNDED = 5;
    static final BigDecimal POOR_BALANCE = POOR_ORDER_TOTAL.multiply(BigDecimal.valueOf(POOR_ORDERS_FUNDED));
    static final BigDecimal FRAUD_BALANCE = new BigDecimal("100000000000.00");
    /** Passed to payment-service: far above what a rich customer orders in a run, far below one fraud order. */
    static final String FRAUD_HOURLY_LIMIT = "50000000.00";
    static final BigDecimal FRAUD_UNIT_PRICE = new BigDecimal("9999.99");
    static final int FRAUD_QUANTITY = 10_000;

    /** What kind of order, which fixes its expected outcome. */
    enum Kind {
        NORMAL, SCARCE_PRODUCT, POOR_CUSTOMER, UNKNOWN_PRODUCT, UNKNOWN_CUSTOMER, FRAUD;

        /** The only rejection reason an order of this kind may get; null when it must ship. */
        RejectionReason rejection() {
            switch (this) {
                case SCARCE_PRODUCT:
                    return RejectionReason.INSUFFICIENT_STOCK;
                case POOR_CUSTOMER:
                    return RejectionReason.INSUFFICIENT_FUNDS;
                case UNKNOWN_PRODUCT:
                    return RejectionReason.UNKNOWN_PRODUCT;
                case UNKNOWN_CUSTOMER:
                    return RejectionReason.UNKNOWN_CUSTOMER;
                case FRAUD:
                    return RejectionReason.FRAUD_SUSPECTED;
                default:
                    return null;
            }
        }
    }

    /** One order to place: its id, kind, customer and lines. */
    record OrderSpec(String id, Kind kind, String customerId, List<OrderLine> lines) {

        BigDecimal total() {
            return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        String json() {
            StringBuilder body = new StringBuilder(160).append("{\"id\":\"").append(id).append("\",\"customerId\":\"")
                    .append(customerId).append("\",\"items\":[");
            for (int i = 0; i < lines.size(); i++) {
                OrderLine line = lines.get(i);
                body.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(line.productId())
                        .append("\",\"quantity\":").append(line.quantity()).append(",\"unitPrice\":")
                        .append(line.unitPrice().toPlainString()).append('}');
            }
            return body.append("]}").toString();
        }
    }

    private final long seed;
    private final List<String> richCustomers = new ArrayList<>();
    private final List<String> poorCustomers = new ArrayList<>();
    private final String fraudCustomer = "cf-1";
    private final List<String> plentifulProducts = new ArrayList<>();
    private final List<String> scarceProducts = new ArrayList<>();

    Workload(int customers, int products, long seed) {
        this.seed = seed;
        int poor = Math.max(2, customers / 50);
        for (int i = 1; i <= customers - poor - 1; i++) {
            richCustomers.add("c-" + i);
        }
        for (int i = 1; i <= poor; i++) {
            poorCustomers.add("cp-" + i);
        }
        int scarce = Math.max(2, products / 10);
        for (int i = 1; i <= products - scarce; i++) {
            plentifulProducts.add("p-" + i);
        }
        for (int i = 1; i <= scarce; i++) {
            scarceProducts.add("ps-" + i);
        }
    }

    /** Units on hand to set before the run, by product. */
    Map<String, Long> stock() {
        Map<String, Long> stock = new LinkedHashMap<>();
        plentifulProducts.forEach(p -> stock.put(p, PLENTIFUL_STOCK));
        scarceProducts.forEach(p -> stock.put(p, SCARCE_STOCK));
        return stock;
    }

    /** Balances to set before the run, by customer. */
    Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        richCustomers.forEach(c -> balances.put(c, RICH_BALANCE));
        poorCustomers.forEach(c -> balances.put(c, POOR_BALANCE));
        balances.put(fraudCustomer, FRAUD_BALANCE);
        return balances;
    }

    /** Customers an order may name that were never funded (their orders are REJECTED as UNKNOWN_CUSTOMER). */
    List<String> unknownCustomers() {
        return List.of("cx-1", "cx-2", "cx-3", "cx-4", "cx-5");
    }

    /** Every customer an order may name, funded or not: each one's token is fetched before the load. */
    List<String> customerIds() {
        List<String> customers = new ArrayList<>(balances().keySet());
        customers.addAll(unknownCustomers());
        return customers;
    }

    /** Products an order may name that were never stocked (they must stay unknown). */
    List<String> unknownProducts() {
        return List.of("px-1", "px-2");
    }

    /** The n-th order of the run. */
    OrderSpec order(long n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        String id = "o-" + n;
        int roll = random.nextInt(1000);
        if (roll < 10) {
            return new OrderSpec(id, Kind.UNKNOWN_PRODUCT, pick(richCustomers, random),
                    List.of(line(pick(unknownProducts(), random), 1, random)));
        }
        if (roll < 20) {
            return new OrderSpec(id, Kind.UNKNOWN_CUSTOMER, pick(unknownCustomers(), random),
                    List.of(line(pick(plentifulProducts, random), 1, random)));
        }
        if (roll < 25) {
            return new OrderSpec(id, Kind.FRAUD, fraudCustomer,
                    List.of(new OrderLine(pick(plentifulProducts, random), FRAUD_QUANTITY, FRAUD_UNIT_PRICE)));
        }
        if (roll < 55) {
            return new OrderSpec(id, Kind.POOR_CUSTOMER, pick(poorCustomers, random),
                    List.of(new OrderLine(pick(plentifulProducts, random), 1, POOR_ORDER_TOTAL)));
        }
        if (roll < 85) {
            return new OrderSpec(id, Kind.SCARCE_PRODUCT, pick(richCustomers, random),
                    List.of(line(pick(scarceProducts, random), 1, random)));
        }
        int lineCount = 1 + random.nextInt(3);
        List<OrderLine> lines = new ArrayList<>(lineCount);
        int first = random.nextInt(plentifulProducts.size());
        for (int i = 0; i < lineCount; i++) {
            // Distinct products: an order may not name a product twice.
            String product = plentifulProducts.get((first + i) % plentifulProducts.size());
            lines.add(line(product, 1 + random.nextInt(3), random));
        }
        return new OrderSpec(id, Kind.NORMAL, pick(richCustomers, random), lines);
    }

    private static OrderLine line(String productId, int quantity, SplittableRandom random) {
        return new OrderLine(productId, quantity, BigDecimal.valueOf(100 + random.nextInt(9_900), 2));
    }

    private static String pick(List<String> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }
}
