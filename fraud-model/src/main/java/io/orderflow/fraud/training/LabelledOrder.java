package io.orderflow.fraud.training;

import io.orderflow.fraud.features.OrderFacts;

/** One row of the data set: an order's facts and whether it was fraud (after label noise). */
public record LabelledOrder(OrderFacts facts, boolean fraud) {
}
