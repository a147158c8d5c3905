package io.orderflow.payment.topology;

import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.PaymentRequest;

/**
 * Everything that can happen to a customer's money, from two topics keyed by customer id, merged into one
 * stream so one processor applies them in partition order. Never serialised.
 *
 * <p>The processor dispatches with a switch on {@link #kind()}, made from the events' own kinds by switch
 * expressions: a new request or command type in common-events fails compilation here until it has a case.
 */
sealed interface PaymentInput {

    Kind kind();

    /** The request or command itself, of the type its kind names. */
    Object event();

    /** Whose money: must be the record key, the key the stores are partitioned and kept by. */
    String customerId();

    /** The order a request is about, for the log context; null for a command. */
    String orderId();

    record Request(PaymentRequest event) implements PaymentInput {

        @Override
        public Kind kind() {
            return switch (event.kind()) {
                case HOLD -> Kind.HOLD;
                case RELEASE -> Kind.RELEASE;
                case CAPTURE -> Kind.CAPTURE;
            };
        }

        @Override
        public String customerId() {
            return event.customerId();
        }

        @Override
        public String orderId() {
            return event.orderId();
        }
    }

    record Command(AccountCommand event) implements PaymentInput {

        @Override
        public Kind kind() {
            return switch (event.kind()) {
                case SET_BALANCE -> Kind.SET_BALANCE;
            };
        }

        @Override
        public String customerId() {
            return event.customerId();
        }

        @Override
        public String orderId() {
            return null;
        }
    }

    /** The processor's cases: the requests' and the command's kinds (see {@link PaymentRequest.Kind}) in one enum. */
    enum Kind {
        HOLD, RELEASE, CAPTURE, SET_BALANCE
    }
}
