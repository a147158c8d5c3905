package io.orderflow.orders.topology;

/** Orders and units of one product in one hour window; the value of the hourly analytics store. */
public record ProductUnits(long orders, long units) {

    public static ProductUnits zero() {
        return new ProductUnits(0, 0);
    }

    public ProductUnits plus(ProductUnits other) {
        return new ProductUnits(orders + other.orders, units + other.units);
    }
}
