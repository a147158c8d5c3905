package io.orderflow.stock.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.SetStock;
import io.orderflow.events.stock.StockRequest;
import java.time.Instant;

/**
 * The stock rules, as plain functions of (stored level, input). The topology applies every input for one
 * product in one task, one at a time, so these functions never see a concurrent change: that is what keeps
 * {@code available} from going below zero under any load.
 *
 * <p>Only totals are kept, so a release or deduct cannot be checked against the order that sent it: the
 * rules trust orders-service to send each one once, and only for units stock said it reserved.
 */
public final class StockLedger {

    private StockLedger() {
    }

    /** Reserves the units for the order, or says why not; either way the order gets one verdict for the product. */
    public static StockChange reserve(StockLevel current, ReserveStock request, Instant at) {
        String productId = request.productId();
        if (current == null) {
            return refused(request, RejectionReason.UNKNOWN_PRODUCT, productId + ": unknown product", at);
        }
        if (current.available() < request.quantity()) {
            return refused(request, RejectionReason.INSUFFICIENT_STOCK,
                    productId + ": wanted " + request.quantity() + ", available " + current.available(), at);
        }
        return new StockChange(current.withReserved(current.reserved() + request.quantity()),
                OrderCheckCompleted.stock(request.orderId(), productId, null, at), null);
    }

    /** A rejected or cancelled order gives back what it reserved. */
    public static StockChange release(StockLevel current, ReleaseStock request) {
        requireReserved(current, request, "release");
        return StockChange.stored(current.withReserved(current.reserved() - request.quantity()));
    }

    /** A shipped order's reserved units leave the shelf: off the units on hand and off the reserved ones. */
    public static StockChange deduct(StockLevel current, DeductStock request) {
        requireReserved(current, request, "deduct");
        return StockChange.stored(new StockLevel(current.productId(), current.onHand() - request.quantity(),
                current.reserved() - request.quantity()));
    }

    /** Sets the units on hand; refused when fewer than are already promised to orders. */
    public static StockChange setStock(StockLevel current, SetStock command) {
        String productId = command.productId();
        long reserved = current == null ? 0 : current.reserved();
        if (command.quantity() < reserved) {
            return new StockChange(null, null, CommandResult.of(command.commandId(), productId,
                    CommandStatus.CONFLICT, productId + ": " + reserved + " units are reserved"));
        }
        StockLevel next = current == null ? StockLevel.of(productId, command.quantity())
                : current.withOnHand(command.quantity());
        return new StockChange(next, null, CommandResult.applied(command.commandId(), productId));
    }

    private static StockChange refused(ReserveStock request, RejectionReason reason, String detail, Instant at) {
        return new StockChange(null, OrderCheckCompleted.stock(request.orderId(), request.productId(),
                new Rejection(CheckType.STOCK, reason, detail), at), null);
    }

    /**
     * Giving back or shipping more than is reserved means a request was lost, doubled or sent for the wrong
     * product. Applying it would let the totals drift (and promise units twice), so it is refused loudly: the
     * service's processing exception handler dead-letters the request and goes on with the next.
     */
    private static void requireReserved(StockLevel current, StockRequest request, String action) {
        String what = request.productId() + ": cannot " + action + " " + request.quantity() + " units for order "
                + request.orderId();
        if (current == null) {
            throw new IllegalStateException(what + ": unknown product");
        }
        if (current.reserved() < request.quantity()) {
            throw new IllegalStateException(what + ": only " + current.reserved() + " reserved");
        }
    }
}
