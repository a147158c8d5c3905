package io.orderflow.payment.topology;

import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.domain.CustomerActivity;
import io.orderflow.payment.domain.FraudPolicy;
import io.orderflow.payment.domain.PaymentAction;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.payment.domain.PaymentStep;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each input to its customer through {@link PaymentRules} and writes the {@link PaymentStep} out:
 * the account to its store, the order just checked to the recent orders, the verdict (re-keyed by order id)
 * and the command answer (keyed by command id) downstream, all in one exactly-once transaction.
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
        // The record key is the partitioning key (the customer id) of both inputs, so the stores are keyed by it.
        String customerId = record.key();
        PaymentInput input = record.value();
        if (input instanceof PaymentInput.Order order) {
            MDC.put("orderId", order.action().orderId());
            try {
                onOrder(record, customerId, order.action());
            } finally {
                MDC.remove("orderId");
            }
        } else if (input instanceof PaymentInput.Command command && command.command() instanceof SetBalance set) {
            if (!set.customerId().equals(customerId)) {
                // Stored under the wrong key it would be invisible to reads and to the orders of that customer.
                throw new IllegalArgumentException("SetBalance for customer " + set.customerId() + " keyed by " + customerId);
            }
            PaymentStep step = PaymentRules.setBalance(accounts.get(customerId), set);
            write(record, customerId, step);
            if (step.account() != null) {
                log.info("balance of customer {} set to {}", customerId, step.account().balance().toPlainString());
            } else {
                log.info("balance of customer {} not set: {}", customerId, step.reply().detail());
            }
        } else {
            throw new IllegalArgumentException("unknown input " + input);
        }
    }

    private void onOrder(Record<String, PaymentInput> record, String customerId, PaymentAction action) {
        Account before = accounts.get(customerId);
        // Only a check reads the history: the orders within the fraud window of this one's creation.
        CustomerActivity window = action.kind() == PaymentAction.Kind.CHECK
                ? recentOrders.window(customerId, action.createdAt(), FraudPolicy.WINDOW) : null;
        PaymentStep step = rules.apply(before, window, action, clock.instant());
        write(record, customerId, step);
        if (step.activity() != null) {
            recentOrders.record(customerId, step.activity().find(action.orderId()).orElseThrow(), FraudPolicy.WINDOW);
        }
        logChange(action, before, step);
    }

    private static void logChange(PaymentAction action, Account before, PaymentStep step) {
        Account after = step.account();
        switch (action.kind()) {
            case CHECK -> {
                OrderCheckCompleted verdict = step.verdict();
                if (step.activity() == null) {
                    log.info("order {} of customer {} was checked before: {} again, nothing changed", action.orderId(),
                            action.customerId(), verdict.passed() ? "passed" : "failed");
                } else if (verdict.passed()) {
                    log.info("order {} of customer {} passed the payment check: holding {} (balance {}, held {})",
                            action.orderId(), action.customerId(), action.total().toPlainString(),
                            after.balance().toPlainString(), after.held().toPlainString());
                } else {
                    Rejection rejection = verdict.rejections().get(0);
                    log.info("order {} of customer {} failed the payment check: {} ({})", action.orderId(),
                            action.customerId(), rejection.reason(), rejection.detail());
                }
            }
            case RELEASE, CAPTURE -> {
                if (after != null) {
                    log.info("order {} of customer {}: {} {} (balance {}, held {})", action.orderId(),
                            action.customerId(), action.kind() == PaymentAction.Kind.RELEASE ? "released" : "captured",
                            before.holdOf(action.orderId()).orElseThrow().toPlainString(),
                            after.balance().toPlainString(), after.held().toPlainString());
                }
            }
        }
    }

    private void write(Record<String, PaymentInput> record, String customerId, PaymentStep step) {
        if (step.account() != null) {
            accounts.put(customerId, step.account());
        }
        if (step.verdict() != null) {
            context.forward(record.withKey(step.verdict().orderId())
                    .withValue((PaymentOutput) new PaymentOutput.Verdict(step.verdict())));
        }
        if (step.reply() != null) {
            context.forward(record.withKey(step.reply().commandId())
                    .withValue((PaymentOutput) new PaymentOutput.Reply(step.reply())));
        }
    }
}
