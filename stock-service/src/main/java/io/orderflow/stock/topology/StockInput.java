package io.orderflow.stock.topology;

import io.orderflow.events.stock.StockCommand;
import io.orderflow.stock.domain.LineRequest;

/**
 * Everything that can happen to a product, from two co-partitioned inputs keyed by product id, merged so
 * one processor applies them in partition order. Never serialised: it lives only between the merge and the processor.
 */
sealed interface StockInput {

    record Line(LineRequest request) implements StockInput {
    }

    record Command(StockCommand command) implements StockInput {
    }
}
