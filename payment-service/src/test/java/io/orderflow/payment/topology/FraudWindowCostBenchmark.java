package io.orderflow.payment.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.events.topics.Topics;
import io.orderflow.payment.domain.FraudPolicy;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.testsupport.streams.TopologyHarness;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

/**
 * What the fraud check costs per order when the customer already has 10, 1,000 or 10,000 orders in the last
 * hour: the payment topology on TopologyTestDriver (its real RocksDB stores), timing holds one customer sends
 * after that many. Not a test the build runs (the name keeps it out of surefire's default includes) and it
 * asserts no timing, only that every hold was decided: a benchmark, run with
 * {@code ./mvnw -o -q -B -pl payment-service test -Dtest=FraudWindowCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (after {@code ./mvnw -q -B -DskipTests install}); it prints microseconds per hold, the median of three rounds,
 * to {@code payment-service/target/surefire-reports/*FraudWindowCostBenchmark-output.txt} (about 7 minutes). The
 * driver commits after every record, so the absolute figure is mostly its commit; what it shows is the ratio.
 */
class FraudWindowCostBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final int MEASURED = 3_000;
    private static final int WARM_UP = 3_000;
    private static final int ROUNDS = 3;

    @Test
    void aHoldCostsTheSameWhateverTheCustomersLastHourHolds() throws Exception {
        List<String> lines = new ArrayList<>();
        double first = 0;
        for (int history : new int[] {10, 1_000, 10_000}) {
            List<Double> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(microsPerHold(history));
            }
            rounds.sort(Double::compare);
            double median = rounds.get(ROUNDS / 2);
            first = first == 0 ? median : first;
            lines.add(String.format("  %,6d orders in the last hour: %6.1f us per hold (rounds %s), %.2fx of 10",
                    history, median, rounds.stream().map(r -> String.format("%.1f", r)).toList(), median / first));
        }
        System.out.println("Fraud check, one customer, " + MEASURED + " holds timed after " + WARM_UP
                + " warm-up holds (TopologyTestDriver, RocksDB stores, median of " + ROUNDS + "):");
        lines.forEach(System.out::println);
    }

    /** Microseconds per hold for a customer with {@code history} orders already in the window. */
    private static double microsPerHold(int history) throws Exception {
        Path dir = Files.createTempDirectory("fraud-window-cost");
        OrderflowProperties settings = OrderflowProperties.defaults("unused:9092", dir);
        // A limit no test order reaches: every hold passes, so each one adds to the window and is kept.
        PaymentRules rules = new PaymentRules(new FraudPolicy(new BigDecimal("1000000000000.00")));
        try (TopologyHarness harness = TopologyHarness.of(StreamsSettings.of(settings, "payment-service", null),
                builder -> new PaymentTopology(rules, Clock.fixed(NOW, ZoneOffset.UTC)).build(builder))) {
            TestInputTopic<String, AccountCommand> commands = harness.input(Topics.ACCOUNT_COMMANDS);
            TestInputTopic<String, PaymentRequest> requests = harness.input(Topics.PAYMENT_REQUESTS);
            TestOutputTopic<String, OrderCheckCompleted> verdicts = harness.output(Topics.ORDER_VALIDATIONS);
            TestOutputTopic<String, CommandResult> replies = harness.output(Topics.ACCOUNT_COMMAND_RESULTS);
            commands.pipeInput("c-1", new SetBalance("set-c-1", "c-1", new BigDecimal("1000000000.00")));
            assertThat(replies.readValue().status()).isEqualTo(CommandStatus.APPLIED);

            // The history: spread over the last 50 minutes, so none leaves the window while we measure.
            Duration step = Duration.ofMinutes(50).dividedBy(history + WARM_UP + MEASURED);
            Instant at = NOW.minus(Duration.ofMinutes(50));
            int n = 0;
            for (; n < history + WARM_UP; n++, at = at.plus(step)) {
                requests.pipeInput("c-1", hold(n, at));
            }
            verdicts.readRecordsToList();
            long started = System.nanoTime();
            for (int end = n + MEASURED; n < end; n++, at = at.plus(step)) {
                requests.pipeInput("c-1", hold(n, at));
            }
            long elapsed = System.nanoTime() - started;
            List<OrderCheckCompleted> decided = verdicts.readValuesToList();
            assertThat(decided).hasSize(MEASURED).allMatch(OrderCheckCompleted::passed);
            return elapsed / 1_000.0 / MEASURED;
        }
    }

    private static HoldPayment hold(int n, Instant createdAt) {
        return new HoldPayment("o-" + n, "c-1", new BigDecimal("1.00"), createdAt, 1, 1);
    }
}
