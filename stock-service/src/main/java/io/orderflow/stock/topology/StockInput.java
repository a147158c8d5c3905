package io.orderflow.stock.topology;

import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.stock.StockRequest;
import java.util.Objects;

/**
 * Everything that can happen to a product, from two co-partitioned inputs keyed by product id, merged so
 * one processor applies them in partition order. Never serialised: it lives only between the merge and the processor.
 */
sealed interface StockInput {

    /** The product the input is about, which must be the record's key: the key decides which task owns it. */
    String productId();

    /** The order the input is for, or null for a change of the units on hand. */
    String orderId();

    /** Which input this is, for an exhaustive switch (see {@code StockRequest.Kind}). */
    Kind kind();

    enum Kind {
        REQUEST, COMMAND
    }

    /** A reservation, release or deduction for one order, from orders-service. */
    record Request(StockRequest request) implements StockInput {

        public Request {
            Objects.requireNonNull(request, "stock request");
        }

        @Override
        public String productId() {
            return request.productId();
        }

        @Override
        public String orderId() {
            return request.orderId();
        }

        @Override
        public Kind kind() {
            return Kind.REQUEST;
        }
    }

    /** A change of the units on hand, from the REST edge. */
    record Command(StockCommand command) implements StockInput {

        public Command {
            Objects.requireNonNull(command, "stock command");
        }

        @Override
        public String productId() {
            return command.productId();
        }

        @Override
        public String orderId() {
            return null;
        }

        @Override
        public Kind kind() {
            return Kind.COMMAND;
        }
    }
}
