package io.orderflow.payment.topology;

import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.domain.FraudWindow;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.payment.domain.PaymentStep;
import java.math.BigDecimal;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each input to its customer through {@link PaymentRules} and writes the outcome out: the account to
 * its store, the order held to its customer's recent orders, the verdict (keyed by order id) or the command
 * answer (keyed by command id) downstream, all in one exactly-once transaction.
 *
 * <p>Per-order lines are DEBUG: at INFO they were a measurable share of the CPU an order costs.
 */
final class PaymentProcessor implements Processor<String, PaymentInput, String, PaymentOutput> {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PaymentRules rules;
    private final Clock clock;
    private ProcessorContext<String, PaymentOutput> context;
    private KeyValueStore<String, Account> accounts;
    private RecentOrders recentOrders;

    PaymentProcessor(PaymentRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, PaymentOutput> context) {
        this.context = context;
        this.accounts = context.getStateStore(PaymentTopology.ACCOUNTS_STORE);
        this.recentOrders = new RecentOrders(context.getStateStore(PaymentTopology.RECENT_ORDERS_STORE));
    }

    @Override
    public void process(Record<String, PaymentInput> record) {
        PaymentInput input = record.value();
        // The key is the customer the input names: a misfiled record never gets here (Topics, keyedBy).
        String customerId = record.key();
        if (input.orderId() != null) {
            MDC.put("orderId", input.orderId());
        }
        try {
            // Each cast is to the type of its kind (PaymentInput.Kind).
            PaymentOutput output = switch (input.kind()) {
                case HOLD -> hold(customerId, (HoldPayment) input.event());
                case RELEASE -> release(customerId, (ReleasePayment) input.event());
                case CAPTURE -> capture(customerId, (CapturePayment) input.event());
                case SET_BALANCE -> setBalance(customerId, (SetBalance) input.event());
            };
            if (output != null) {
                context.forward(record.withKey(output.key()).withValue(output));
            }
        } finally {
            MDC.remove("orderId");
        }
    }

    private PaymentOutput hold(String customerId, HoldPayment hold) {
        Account account = accounts.get(customerId);
        FraudWindow window = recentOrders.windowAt(customerId, account == null ? null : account.fraudWindow(),
                hold.createdAt());
        PaymentStep step = rules.hold(account, window, hold, clock.instant());
        if (step.recordOrder()) {
            recentOrders.record(customerId, hold.createdAt(), hold.orderId(), hold.amount());
        } else {
            log.warn("order {} of customer {} was created at {}, over an hour before the customer's newest order"
                    + " ({}): checked against that order's window, not kept in it", hold.orderId(), customerId,
                    hold.createdAt(), window.end());
        }
        accounts.put(customerId, step.account());
        if (log.isDebugEnabled()) {
            logVerdict(hold, step);
        }
        return new PaymentOutput.Verdict(step.verdict());
    }

    private static void logVerdict(HoldPayment hold, PaymentStep step) {
        OrderCheckCompleted verdict = step.verdict();
        Account after = step.account();
        if (verdict.passed()) {
            log.debug("order {} of customer {} passed: holding {} (balance {}, held {}, orders of the hour {})",
                    hold.orderId(), hold.customerId(), hold.amount().toPlainString(), after.balance().toPlainString(),
                    after.held().toPlainString(), after.fraudWindow().total().toPlainString());
        } else {
            Rejection rejection = verdict.rejections().get(0);
            log.debug("order {} of customer {} failed: {} ({})", hold.orderId(), hold.customerId(),
                    rejection.reason(), rejection.detail());
        }
    }

    private PaymentOutput release(String customerId, ReleasePayment release) {
        store(customerId, PaymentRules.release(accounts.get(customerId), release), "released", release.amount());
        return null;
    }

    private PaymentOutput capture(String customerId, CapturePayment capture) {
        store(customerId, PaymentRules.capture(accounts.get(customerId), capture), "captured", capture.amount());
        return null;
    }

    private void store(String customerId, Account after, String what, BigDecimal amount) {
        if (after == null) {
            return;
        }
        accounts.put(customerId, after);
        if (log.isDebugEnabled()) {
            log.debug("customer {}: {} {} (balance {}, held {})", customerId, what, amount.toPlainString(),
                    after.balance().toPlainString(), after.held().toPlainString());
        }
    }

    private PaymentOutput setBalance(String customerId, SetBalance set) {
        PaymentStep step = PaymentRules.setBalance(accounts.get(customerId), set);
        if (step.account() != null) {
            accounts.put(customerId, step.account());
            log.info("balance of customer {} set to {}", customerId, step.account().balance().toPlainString());
        } else {
            log.info("balance of customer {} not set: {}", customerId, step.reply().detail());
        }
        return new PaymentOutput.Reply(step.reply());
    }
}
