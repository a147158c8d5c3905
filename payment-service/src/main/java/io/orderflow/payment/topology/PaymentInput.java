package io.orderflow.payment.topology;

import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.payment.SetBalance;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything that can happen to a customer's money, from two topics keyed by customer id, merged into one
 * stream so one processor applies them in partition order. Never serialised.
 *
 * <p>The processor dispatches with a switch on {@link #kind()}: Java 17 cannot switch over sealed types (a
 * preview until Java 21), but a switch expression (not a statement) over an enum must name every constant,
 * so a kind without a case does not compile. That every request and command type has a kind is checked
 * against the sealed types when the topology is built: a new type in common-events stops the service at
 * start-up (and fails every topology test), not one record at a time in production.
 */
sealed interface PaymentInput {

    Kind kind();

    /** The request or command itself, of {@link Kind#type()}. */
    Object event();

    /** Whose money: must be the record key, the key the stores are partitioned and kept by. */
    String customerId();

    /** The order a request is about, for the log context; null for a command. */
    String orderId();

    record Request(PaymentRequest event) implements PaymentInput {

        @Override
        public Kind kind() {
            return Kind.of(event);
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
            return Kind.of(event);
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

    enum Kind {
        HOLD(HoldPayment.class),
        RELEASE(ReleasePayment.class),
        CAPTURE(CapturePayment.class),
        SET_BALANCE(SetBalance.class);

        private static final Map<Class<?>, Kind> BY_TYPE = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(Kind::type, Function.identity()));

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        Class<?> type() {
            return type;
        }

        static Kind of(Object event) {
            return BY_TYPE.get(event.getClass());
        }

        /** Fails when a request or command type of common-events has no kind; called when the topology is built. */
        static void requireEveryType() {
            Stream.of(PaymentRequest.class, AccountCommand.class)
                    .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                    .filter(type -> !BY_TYPE.containsKey(type))
                    .findFirst()
                    .ifPresent(type -> {
                        throw new IllegalStateException("payment-service has no input kind for " + type.getName());
                    });
        }
    }
}
