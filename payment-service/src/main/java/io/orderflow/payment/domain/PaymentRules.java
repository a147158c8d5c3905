package io.orderflow.payment.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.SetBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Payment's rules, as plain functions of (stored account, stored activity, input, now). The topology feeds
 * every input about one customer through here one at a time, so no two decisions about a customer's money
 * can interleave.
 *
 * <pre>
 * CHECK   : record the order; fraud? -> FRAUD_SUSPECTED; no account? -> UNKNOWN_CUSTOMER;
 *           available &lt; total? -> INSUFFICIENT_FUNDS; else hold the total and pass
 * RELEASE : drop the order's hold, if any
 * CAPTURE : balance -= the order's hold, drop the hold, if any
 * SetBalance : refused (CONFLICT) below what is held; else set, creating the account
 * </pre>
 */
public final class PaymentRules {

    private final FraudPolicy fraud;

    public PaymentRules(FraudPolicy fraud) {
        this.fraud = fraud;
    }

    public PaymentStep apply(Account account, CustomerActivity activity, PaymentAction action, Instant now) {
        return switch (action.kind()) {
            case CHECK -> check(account, activity == null ? CustomerActivity.empty() : activity, action, now);
            case RELEASE -> release(account, action.orderId());
            case CAPTURE -> capture(account, action.orderId());
        };
    }

    /** Decides a new order. A repeat of an order already decided gets the same verdict and changes nothing. */
    PaymentStep check(Account account, CustomerActivity activity, PaymentAction order, Instant now) {
        Optional<RecentOrder> seen = activity.find(order.orderId());
        if (seen.isPresent()) {
            return new PaymentStep(null, null, verdict(order.orderId(), seen.get().rejection(), now), null);
        }
        if (account != null && account.holdOf(order.orderId()).isPresent()) {
            // Decided so long ago that the activity forgot it; the hold says it passed.
            return new PaymentStep(null, null, verdict(order.orderId(), null, now), null);
        }
        RecentOrder recent = new RecentOrder(order.orderId(), order.createdAt(), order.total(), null);
        CustomerActivity counted = activity.with(recent);
        Rejection rejection = fraud.check(counted, order.createdAt()).orElse(null);
        if (rejection == null) {
            rejection = fundsRejection(account, order);
        }
        Account next = rejection == null ? account.withHold(order.orderId(), order.total()) : null;
        CustomerActivity remembered = counted.with(recent.withVerdict(rejection)).prunedTo(FraudPolicy.WINDOW);
        return new PaymentStep(next, remembered, verdict(order.orderId(), rejection, now), null);
    }

    private static Rejection fundsRejection(Account account, PaymentAction order) {
        if (account == null) {
            return new Rejection(CheckType.PAYMENT, RejectionReason.UNKNOWN_CUSTOMER,
                    "no account for customer '" + order.customerId() + "'");
        }
        BigDecimal available = account.available();
        if (available.compareTo(order.total()) < 0) {
            return new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS,
                    "wanted " + order.total().toPlainString() + ", available " + available.toPlainString());
        }
        return null;
    }

    /** Gives back the order's hold: rejected (whichever check failed) or cancelled. Without a hold, nothing. */
    public static PaymentStep release(Account account, String orderId) {
        if (account == null || account.holdOf(orderId).isEmpty()) {
            return PaymentStep.nothing();
        }
        return new PaymentStep(account.withoutHold(orderId), null, null, null);
    }

    /** Takes the shipped order's hold from the balance. Without a hold (already captured, never held), nothing. */
    public static PaymentStep capture(Account account, String orderId) {
        if (account == null || account.holdOf(orderId).isEmpty()) {
            return PaymentStep.nothing();
        }
        BigDecimal held = account.holdOf(orderId).get();
        return new PaymentStep(account.withoutHold(orderId).withBalance(account.balance().subtract(held)),
                null, null, null);
    }

    /** Sets the balance, opening the account if needed; refused below what is held, so available stays >= 0. */
    public static PaymentStep setBalance(Account account, SetBalance command) {
        if (account == null) {
            return new PaymentStep(Account.open(command.customerId(), command.balance()), null, null,
                    CommandResult.applied(command.commandId(), command.customerId()));
        }
        BigDecimal held = account.held();
        if (command.balance().compareTo(held) < 0) {
            return new PaymentStep(null, null, null, CommandResult.of(command.commandId(), command.customerId(),
                    CommandStatus.CONFLICT, "cannot set the balance to " + command.balance().toPlainString()
                            + ": " + held.toPlainString() + " is held"));
        }
        return new PaymentStep(account.withBalance(command.balance()), null, null,
                CommandResult.applied(command.commandId(), command.customerId()));
    }

    private static OrderCheckCompleted verdict(String orderId, Rejection rejection, Instant now) {
        return rejection == null
                ? OrderCheckCompleted.passed(orderId, CheckType.PAYMENT, now)
                : OrderCheckCompleted.failed(orderId, CheckType.PAYMENT, List.of(rejection), now);
    }
}
