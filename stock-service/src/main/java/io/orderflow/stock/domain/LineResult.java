package io.orderflow.stock.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;

/**
 * The answer to one reservation: travels re-keyed by order id to the check that gathers an order's lines.
 *
 * @param rejection why the line failed; null when it is reserved
 */
public record LineResult(String orderId, String productId, boolean ok, Rejection rejection, int lineCount) {

    public LineResult {
        Ids.require(orderId, "orderId");
        Ids.require(productId, "productId");
        if (ok != (rejection == null)) {
            throw new IllegalArgumentException("a reserved line has no rejection; a failed one has one");
        }
    }

    static LineResult reserved(LineRequest request) {
        return new LineResult(request.orderId(), request.productId(), true, null, request.lineCount());
    }

    static LineResult failed(LineRequest request, RejectionReason reason, String detail) {
        return new LineResult(request.orderId(), request.productId(), false,
                new Rejection(CheckType.STOCK, reason, detail), request.lineCount());
    }
}
