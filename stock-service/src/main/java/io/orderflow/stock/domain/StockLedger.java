package io.orderflow.stock.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.stock.SetStock;

/**
 * The stock rules, as plain functions of (stored level, input). The topology applies every input for one
 * product in one task, one at a time, so these functions never see a concurrent change: that is what keeps
 * {@code available} from going below zero under any load.
 */
public final class StockLedger {

    private StockLedger() {
    }

    public static StockChange apply(StockLevel current, LineRequest request) {
        switch (request.kind()) {
            case RESERVE:
                return reserve(current, request);
            case RELEASE:
                return release(current, request.orderId());
            case DEDUCT:
                return deduct(current, request.orderId());
            default:
                throw new IllegalArgumentException("unknown line request " + request.kind());
        }
    }

    /**
     * Reserves the line's units, or says why not. A reservation the order already holds is a redelivered
     * request: the line is answered as reserved again and nothing more is taken.
     */
    public static StockChange reserve(StockLevel current, LineRequest request) {
        String productId = request.productId();
        if (current == null) {
            return new StockChange(null, LineResult.failed(request, RejectionReason.UNKNOWN_PRODUCT,
                    productId + ": unknown product"), null);
        }
        if (current.holds(request.orderId())) {
            return new StockChange(null, LineResult.reserved(request), null);
        }
        if (current.available() < request.quantity()) {
            return new StockChange(null, LineResult.failed(request, RejectionReason.INSUFFICIENT_STOCK,
                    productId + ": wanted " + request.quantity() + ", available " + current.available()), null);
        }
        return new StockChange(current.withReservation(request.orderId(), request.quantity()),
                LineResult.reserved(request), null);
    }

    /** Gives back what the order holds of the product; nothing to do when it holds nothing. */
    public static StockChange release(StockLevel current, String orderId) {
        if (current == null || !current.holds(orderId)) {
            return StockChange.nothing();
        }
        return new StockChange(current.withoutReservation(orderId), null, null);
    }

    /**
     * The order shipped: its reserved units leave the shelf. Deducts only what is still reserved and drops
     * the reservation, so a second deduct for the same order finds nothing and takes nothing.
     */
    public static StockChange deduct(StockLevel current, String orderId) {
        if (current == null || !current.holds(orderId)) {
            return StockChange.nothing();
        }
        StockLevel shipped = current.withOnHand(current.onHand() - current.heldBy(orderId)).withoutReservation(orderId);
        return new StockChange(shipped, null, null);
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
}
