package io.orderflow.payment.domain;

import io.orderflow.events.Money;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.payment.SetBalance;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Payment's rules, as plain functions of (stored account, input, now). The topology feeds every input about
 * one customer through here one at a time, so no two decisions about a customer's money can interleave.
 *
 * <pre>
 * Hold       : count the order in the fraud window; over the limit? -> FRAUD_SUSPECTED;
 *              no account? -> UNKNOWN_CUSTOMER; available &lt; amount? -> INSUFFICIENT_FUNDS; else held += amount
 * Release    : held -= amount
 * Capture    : balance -= amount, held -= amount
 * SetBalance : refused (CONFLICT) below what is held; else set, opening the account
 * </pre>
 *
 * Orders-service asks for each hold, release and capture exactly once and releases or captures only what it
 * was told was held, so the account keeps one running total: taking out more than is held is a broken
 * invariant, not a case to answer.
 */
public final class PaymentRules {

    private final FraudPolicy fraud;

    public PaymentRules(FraudPolicy fraud) {
        this.fraud = fraud;
    }

    /**
     * Decides a new order. {@code window} is the customer's fraud window already moved on to the order's
     * creation ({@link FraudWindow#movedTo}), so it holds the customer's orders of the hour before.
     */
    public PaymentStep hold(Account account, FraudWindow window, HoldPayment hold, Instant now) {
        if (window.end() == null || window.movesTo(hold.createdAt())) {
            throw new IllegalArgumentException("the window must be moved on to " + hold.createdAt() + " first");
        }
        // Every order counts, whatever its verdict. One created over an hour before the newest order seen
        // (clock skew between orders-service instances) is judged against the current window but not kept in
        // it: it has already left.
        boolean counted = window.contains(hold.createdAt());
        FraudWindow next = counted ? window.plus(hold.amount()) : window;
        Account current = account == null ? Account.unfunded(hold.customerId()) : account;
        Rejection rejection = fraud.check(window.total().add(hold.amount()), window.end())
                .orElseGet(() -> fundsRejection(current, hold));
        Account after = rejection == null ? current.withHeld(current.held().add(hold.amount())) : current;
        return new PaymentStep(after.withFraudWindow(next), counted,
                OrderCheckCompleted.payment(hold.orderId(), rejection, now), null);
    }

    private static Rejection fundsRejection(Account account, HoldPayment hold) {
        if (!account.funded()) {
            return new Rejection(CheckType.PAYMENT, RejectionReason.UNKNOWN_CUSTOMER,
                    "no account for customer '" + hold.customerId() + "'");
        }
        BigDecimal available = account.available();
        if (available.compareTo(hold.amount()) < 0) {
            return new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS,
                    "wanted " + hold.amount().toPlainString() + ", available " + available.toPlainString());
        }
        return null;
    }

    /** Gives back a rejected or cancelled order's hold. Null when there is nothing to store (nothing held, zero). */
    public static Account release(Account account, ReleasePayment release) {
        return takeFromHeld(account, release.amount(), "release", release.orderId(), release.customerId());
    }

    /** Takes a shipped order's hold from the balance. Null when there is nothing to store (nothing held, zero). */
    public static Account capture(Account account, CapturePayment capture) {
        Account released = takeFromHeld(account, capture.amount(), "capture", capture.orderId(),
                capture.customerId());
        // Only a funded account holds anything, and its balance covers what it holds.
        return released == null ? null : released.withBalance(released.balance().subtract(capture.amount()));
    }

    private static Account takeFromHeld(Account account, BigDecimal amount, String what, String orderId,
            String customerId) {
        BigDecimal held = account == null ? Money.ZERO : account.held();
        if (amount.compareTo(held) > 0) {
            throw new IllegalStateException("cannot " + what + " " + amount.toPlainString() + " for order " + orderId
                    + ": customer " + customerId + " holds only " + held.toPlainString());
        }
        return amount.signum() == 0 ? null : account.withHeld(held.subtract(amount));
    }

    /** Sets the balance, opening the account if needed; refused below what is held, so available stays >= 0. */
    public static PaymentStep setBalance(Account account, SetBalance command) {
        if (account == null) {
            return new PaymentStep(Account.open(command.customerId(), command.balance()), false, null,
                    CommandResult.applied(command.commandId(), command.customerId()));
        }
        if (command.balance().compareTo(account.held()) < 0) {
            return new PaymentStep(null, false, null, CommandResult.of(command.commandId(), command.customerId(),
                    CommandStatus.CONFLICT, "cannot set the balance to " + command.balance().toPlainString()
                            + ": " + account.held().toPlainString() + " is held"));
        }
        return new PaymentStep(account.withBalance(command.balance()), false, null,
                CommandResult.applied(command.commandId(), command.customerId()));
    }
}
