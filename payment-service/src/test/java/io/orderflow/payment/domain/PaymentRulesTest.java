package io.orderflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.Money;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.events.serde.StateSerde;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final PaymentRules rules = new PaymentRules(new FraudPolicy(new BigDecimal("1000.00")));

    @Nested
    class Hold {

        @Test
        void anOrderWithinWhatIsAvailableIsHeldAndPasses() {
            PaymentStep step = new Customer(account("100.00")).hold("o-1", "60.00", NOON);

            assertThat(step.verdict()).isEqualTo(OrderCheckCompleted.payment("o-1", null, NOW));
            assertThat(step.account().held()).isEqualTo("60.00");
            assertThat(step.account().available()).isEqualTo("40.00");
            assertThat(step.account().balance()).isEqualTo("100.00");
            assertThat(step.recordOrder()).isTrue();
        }

        @Test
        void anOrderForExactlyWhatIsAvailablePasses() {
            Customer customer = new Customer(account("100.00"));
            customer.hold("o-0", "40.00", NOON);

            PaymentStep step = customer.hold("o-1", "60.00", NOON.plusSeconds(1));

            assertPassed(step.verdict(), "o-1");
            assertThat(step.account().available()).isEqualTo("0.00");
        }

        @Test
        void anOrderOverWhatIsAvailableFailsAndHoldsNothing() {
            Customer customer = new Customer(account("100.00"));
            customer.hold("o-0", "30.00", NOON);

            PaymentStep step = customer.hold("o-1", "70.01", NOON.plusSeconds(1));

            assertFailed(step.verdict(), RejectionReason.INSUFFICIENT_FUNDS, "wanted 70.01, available 70.00");
            assertThat(step.account().held()).isEqualTo("30.00");
        }

        @Test
        void aCustomerNeverFundedFailsAsUnknownCustomerAndIsStillCounted() {
            PaymentStep step = new Customer(null).hold("o-1", "1.00", NOON);

            assertFailed(step.verdict(), RejectionReason.UNKNOWN_CUSTOMER, "no account for customer 'c-1'");
            assertThat(step.account().funded()).isFalse();
            assertThat(step.account().held()).isEqualTo("0.00");
            assertThat(step.account().fraudWindow().total()).isEqualTo("1.00");
            assertThat(step.recordOrder()).isTrue();
        }

        @Test
        void aZeroAmountPassesWithNothingAvailableAndHoldsNothing() {
            Customer customer = new Customer(account("10.00"));
            customer.hold("o-0", "10.00", NOON);

            PaymentStep step = customer.hold("o-1", "0.00", NOON.plusSeconds(1));

            assertPassed(step.verdict(), "o-1");
            assertThat(step.account().held()).isEqualTo("10.00");
            assertThat(step.account().available()).isEqualTo("0.00");
        }

        @Test
        void aZeroAmountStillNeedsAnAccount() {
            assertFailed(new Customer(null).hold("o-1", "0.00", NOON).verdict(), RejectionReason.UNKNOWN_CUSTOMER,
                    "no account for customer 'c-1'");
        }

        @Test
        void theWindowMustBeMovedOnToTheOrderFirst() {
            assertThatThrownBy(() -> rules.hold(account("100.00"), FraudWindow.EMPTY, hold("o-1", "1.00", NOON), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ReleaseAndCapture {

        @Test
        void releaseGivesTheAmountBack() {
            Account held = held("100.00", "70.00");

            Account released = PaymentRules.release(held, release("60.00"));

            assertThat(released.held()).isEqualTo("10.00");
            assertThat(released.available()).isEqualTo("90.00");
            assertThat(released.balance()).isEqualTo("100.00");
            assertThat(released.fraudWindow()).isEqualTo(held.fraudWindow());
        }

        @Test
        void captureTakesTheAmountFromTheBalanceAndFromHeld() {
            Account captured = PaymentRules.capture(held("100.00", "70.00"), capture("60.00"));

            assertThat(captured.balance()).isEqualTo("40.00");
            assertThat(captured.held()).isEqualTo("10.00");
            assertThat(captured.available()).isEqualTo("30.00");
        }

        @Test
        void everythingHeldCanBeReleasedOrCaptured() {
            assertThat(PaymentRules.release(held("100.00", "60.00"), release("60.00")).held()).isEqualTo("0.00");
            Account captured = PaymentRules.capture(held("100.00", "60.00"), capture("60.00"));
            assertThat(captured.held()).isEqualTo("0.00");
            assertThat(captured.balance()).isEqualTo("40.00");
        }

        @Test
        void releasingMoreThanIsHeldBreaksAnInvariant() {
            assertThatThrownBy(() -> PaymentRules.release(held("100.00", "60.00"), release("60.01")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot release 60.01 for order o-1: customer c-1 holds only 60.00");
        }

        @Test
        void capturingMoreThanIsHeldBreaksAnInvariant() {
            assertThatThrownBy(() -> PaymentRules.capture(held("100.00", "60.00"), capture("60.01")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot capture 60.01 for order o-1: customer c-1 holds only 60.00");
        }

        @Test
        void releasingOrCapturingForACustomerPaymentNeverSawBreaksAnInvariant() {
            assertThatThrownBy(() -> PaymentRules.release(null, release("0.01")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds only 0.00");
            assertThatThrownBy(() -> PaymentRules.capture(null, capture("0.01")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds only 0.00");
        }

        @Test
        void aZeroAmountChangesNothing() {
            assertThat(PaymentRules.release(held("100.00", "60.00"), release("0.00"))).isNull();
            assertThat(PaymentRules.capture(held("100.00", "60.00"), capture("0.00"))).isNull();
            assertThat(PaymentRules.release(null, release("0.00"))).isNull();
            assertThat(PaymentRules.capture(null, capture("0.00"))).isNull();
        }
    }

    @Nested
    class SetBalanceCommand {

        @Test
        void settingABalanceOpensTheAccount() {
            PaymentStep step = PaymentRules.setBalance(null, set("500.00"));

            assertThat(step.account()).isEqualTo(Account.open("c-1", new BigDecimal("500.00")));
            assertThat(step.account().held()).isEqualTo("0.00");
            assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(step.reply().commandId()).isEqualTo("cmd-500.00");
            assertThat(step.reply().entityId()).isEqualTo("c-1");
        }

        @Test
        void settingABalanceKeepsWhatIsHeld() {
            PaymentStep step = PaymentRules.setBalance(held("100.00", "50.00"), set("50.00"));

            assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(step.account().balance()).isEqualTo("50.00");
            assertThat(step.account().held()).isEqualTo("50.00");
            assertThat(step.account().available()).isEqualTo("0.00");
        }

        @Test
        void aBalanceBelowWhatIsHeldIsAConflictAndChangesNothing() {
            PaymentStep step = PaymentRules.setBalance(held("100.00", "50.00"), set("49.99"));

            assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
            assertThat(step.reply().detail()).isEqualTo("cannot set the balance to 49.99: 50.00 is held");
            assertThat(step.account()).isNull();
        }

        @Test
        void fundingACustomerWhoOnlyOrderedKeepsTheirFraudWindow() {
            Account unfunded = new Customer(null).hold("o-1", "900.00", NOON).account();

            Account funded = PaymentRules.setBalance(unfunded, set("5000.00")).account();

            assertThat(funded.funded()).isTrue();
            assertThat(funded.fraudWindow()).isEqualTo(new FraudWindow(NOON, new BigDecimal("900.00")));
        }
    }

    @Nested
    class Fraud {

        @Test
        void ordersTotallingExactlyTheLimitWithinAnHourPass() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-1", "600.00", NOON);

            assertPassed(customer.hold("o-2", "400.00", NOON.plusSeconds(60)).verdict(), "o-2");
        }

        @Test
        void oneCentOverTheLimitTripsItAndHoldsNothing() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-1", "600.00", NOON);

            PaymentStep over = customer.hold("o-2", "400.01", NOON.plusSeconds(60));

            assertFailed(over.verdict(), RejectionReason.FRAUD_SUSPECTED, "orders of 1000.01 created in the hour up to"
                    + " 2026-11-25T12:01:00Z exceed the hourly limit of 1000.00");
            assertThat(over.account().held()).isEqualTo("600.00");
        }

        @Test
        void aSingleOrderOverTheLimitTripsIt() {
            assertFailed(new Customer(account("5000.00")).hold("o-1", "1000.01", NOON).verdict(),
                    RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void fraudIsCheckedBeforeTheAccountSoUnknownCustomersAreCaughtToo() {
            assertFailed(new Customer(null).hold("o-1", "1000.01", NOON).verdict(), RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void failedOrdersCountTowardsTheLimit() {
            Customer customer = new Customer(account("10.00"));
            assertFailed(customer.hold("o-1", "899.99", NOON).verdict(), RejectionReason.INSUFFICIENT_FUNDS);
            assertFailed(customer.hold("o-2", "100.01", NOON.plusSeconds(1)).verdict(), RejectionReason.INSUFFICIENT_FUNDS);

            assertFailed(customer.hold("o-3", "0.01", NOON.plusSeconds(2)).verdict(), RejectionReason.FRAUD_SUSPECTED);
            assertFailed(customer.hold("o-4", "0.00", NOON.plusSeconds(3)).verdict(), RejectionReason.FRAUD_SUSPECTED);
            assertThat(customer.account.fraudWindow().total()).as("the refused ones count too").isEqualTo("1000.01");
        }

        @Test
        void anOrderCreatedExactlyAnHourEarlierHasLeftTheWindow() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-1", "600.00", NOON);

            PaymentStep next = customer.hold("o-2", "600.00", NOON.plus(HOUR));

            assertPassed(next.verdict(), "o-2");
            assertThat(customer.entries).extracting(FraudWindow.Entry::createdAt).containsExactly(NOON.plus(HOUR));
            assertThat(next.account().fraudWindow().total()).isEqualTo("600.00");
        }

        @Test
        void anOrderCreatedJustUnderAnHourEarlierStillCounts() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-1", "600.00", NOON);

            assertFailed(customer.hold("o-2", "600.00", NOON.plus(HOUR).minusMillis(1)).verdict(),
                    RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void aCustomerWhoseNewestOrderIsOverAnHourOldHasAnEmptyWindow() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-1", "600.00", NOON);
            customer.hold("o-2", "400.00", NOON.plusSeconds(59 * 60));

            PaymentStep next = customer.hold("o-3", "1000.00", NOON.plus(HOUR).plusSeconds(59 * 60));

            assertPassed(next.verdict(), "o-3");
            assertThat(next.account().fraudWindow().total()).isEqualTo("1000.00");
            assertThat(new FraudWindow(NOON, new BigDecimal("600.00")).movedTo(NOON.plus(HOUR), new BigDecimal("600.00")))
                    .isEqualTo(new FraudWindow(NOON.plus(HOUR), Money.ZERO));
        }

        @Test
        void anOrderArrivingAfterANewerOneIsCountedInTheNewerOnesWindow() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-newer", "600.00", NOON.plusSeconds(30));

            PaymentStep late = customer.hold("o-older", "400.01", NOON);

            assertFailed(late.verdict(), RejectionReason.FRAUD_SUSPECTED, "orders of 1000.01 created in the hour up to"
                    + " 2026-11-25T12:00:30Z exceed the hourly limit of 1000.00");
            assertThat(late.recordOrder()).isTrue();
            assertThat(late.account().fraudWindow()).isEqualTo(new FraudWindow(NOON.plusSeconds(30),
                    new BigDecimal("1000.01")));
        }

        @Test
        void anOrderOverAnHourOlderThanTheNewestIsJudgedInItsWindowButNotKept() {
            Customer customer = new Customer(account("5000.00"));
            customer.hold("o-newer", "600.00", NOON.plus(HOUR));

            PaymentStep late = customer.hold("o-older", "400.01", NOON);

            assertFailed(late.verdict(), RejectionReason.FRAUD_SUSPECTED);
            assertThat(late.recordOrder()).isFalse();
            assertThat(late.account().fraudWindow().total()).isEqualTo("600.00");
        }
    }

    @Nested
    class StoredValues {

        @Test
        void anAccountOfTheOldLayoutHoldsTheSumOfItsHoldsAndHasItsWindowStillToCompute() {
            Account old = read(Account.class,
                    "{\"customerId\":\"c-1\",\"balance\":500.00,\"holds\":{\"o-1\":39.98,\"o-2\":60.02}}");

            assertThat(old).isEqualTo(new Account("c-1", new BigDecimal("500.00"), new BigDecimal("100.00"), null));
            assertThat(old.available()).isEqualTo("400.00");
            assertThat(read(Account.class, "{\"customerId\":\"c-1\",\"balance\":7.10,\"holds\":{}}").held())
                    .isEqualTo("0.00");
        }

        @Test
        void anAccountIsWrittenInTheNewLayoutAndReadBack() {
            Account account = new Account("c-1", new BigDecimal("500"), new BigDecimal("39.98"),
                    new FraudWindow(NOON, new BigDecimal("39.98")));

            String json = write(Account.class, account);

            assertThat(json).isEqualTo("{\"customerId\":\"c-1\",\"balance\":500.00,\"held\":39.98,"
                    + "\"fraudWindow\":{\"end\":\"2026-11-25T12:00:00Z\",\"total\":39.98}}");
            assertThat(read(Account.class, json)).isEqualTo(account);
            Account unfunded = new Customer(null).hold("o-1", "1.00", NOON).account();
            assertThat(read(Account.class, write(Account.class, unfunded))).isEqualTo(unfunded);
        }

        @Test
        void aRecentOrderOfTheOldLayoutIsReadAsItsTotal() {
            assertThat(read(RecentOrder.class, "{\"orderId\":\"o-1\",\"createdAt\":\"2026-11-25T10:00:00.120Z\","
                    + "\"total\":39.98,\"rejection\":null}")).isEqualTo(new RecentOrder(new BigDecimal("39.98")));
            assertThat(read(RecentOrder.class, "{\"orderId\":\"o-2\",\"createdAt\":\"2026-11-25T10:00:00Z\","
                    + "\"total\":5,\"rejection\":{\"service\":\"payment\",\"reason\":\"INSUFFICIENT_FUNDS\","
                    + "\"detail\":\"wanted 5.00, available 0.00\"}}").amount()).isEqualTo("5.00");
            assertThat(write(RecentOrder.class, new RecentOrder(new BigDecimal("39.98"))))
                    .isEqualTo("{\"amount\":39.98}");
        }

        @Test
        void theWindowIsComputedOnceFromTheEntriesOfTheHourUpToTheNewest() {
            List<FraudWindow.Entry> entries = List.of(
                    entry(NOON.minus(HOUR), "500.00"),
                    entry(NOON.minus(HOUR).plusMillis(1), "10.00"),
                    entry(NOON, "20.00"),
                    entry(NOON.minusSeconds(60), "30.00"));

            FraudWindow window = FraudWindow.of(entries);

            assertThat(window).isEqualTo(new FraudWindow(NOON, new BigDecimal("60.00")));
            assertThat(entries).filteredOn(e -> !window.contains(e.createdAt()))
                    .as("to delete: exactly an hour before the newest").containsExactly(entries.get(0));
            assertThat(FraudWindow.of(List.of())).isEqualTo(FraudWindow.EMPTY);
        }

        @Test
        void anUpgradedCustomerKeepsHoldsAndFraudHistory() {
            Account old = read(Account.class, "{\"customerId\":\"c-1\",\"balance\":5000.00,\"holds\":{\"o-1\":600.00}}");
            Customer customer = new Customer(old);
            customer.entries.add(entry(NOON.minus(HOUR), "900.00"));
            customer.entries.add(entry(NOON.minusSeconds(60), "600.00"));

            PaymentStep atLimit = customer.hold("o-2", "400.00", NOON.plusSeconds(1));
            PaymentStep over = customer.hold("o-3", "0.01", NOON.plusSeconds(2));

            assertPassed(atLimit.verdict(), "o-2");
            assertFailed(over.verdict(), RejectionReason.FRAUD_SUSPECTED);
            assertThat(over.account().held()).isEqualTo("1000.00");
            assertThat(over.account().fraudWindow().total()).isEqualTo("1000.01");
        }

        @Test
        void moneyWithMoreThanTwoDecimalsIsRefused() {
            assertThatThrownBy(() -> Account.open("c-1", new BigDecimal("1.005")))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    /**
     * One customer through a series of holds, as the processor runs them: the fraud window computed from the
     * entries when the account has none, moved on with the entries that left it removed, the order recorded.
     * The entries are a list here and a range of the recent-orders store there.
     */
    private final class Customer {

        Account account;
        final List<FraudWindow.Entry> entries = new ArrayList<>();

        Customer(Account account) {
            this.account = account;
        }

        PaymentStep hold(String orderId, String amount, Instant createdAt) {
            FraudWindow window = account == null || account.fraudWindow() == null
                    ? FraudWindow.of(entries) : account.fraudWindow();
            entries.removeIf(e -> !window.contains(e.createdAt()));
            FraudWindow moved = window;
            if (window.movesTo(createdAt)) {
                Instant start = FraudWindow.startOf(createdAt);
                List<FraudWindow.Entry> left = entries.stream().filter(e -> !e.createdAt().isAfter(start)).toList();
                entries.removeAll(left);
                moved = window.movedTo(createdAt, left.stream().map(FraudWindow.Entry::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            PaymentStep step = rules.hold(account, moved, PaymentRulesTest.hold(orderId, amount, createdAt), NOW);
            if (step.recordOrder()) {
                entries.add(entry(createdAt, amount));
            }
            account = step.account();
            return step;
        }
    }

    private static Account account(String balance) {
        return Account.open("c-1", new BigDecimal(balance));
    }

    private static Account held(String balance, String held) {
        return account(balance).withHeld(new BigDecimal(held)).withFraudWindow(new FraudWindow(NOON, new BigDecimal(held)));
    }

    private static HoldPayment hold(String orderId, String amount, Instant createdAt) {
        return new HoldPayment(orderId, "c-1", new BigDecimal(amount), createdAt, 1, 1);
    }

    private static ReleasePayment release(String amount) {
        return new ReleasePayment("o-1", "c-1", new BigDecimal(amount));
    }

    private static CapturePayment capture(String amount) {
        return new CapturePayment("o-1", "c-1", new BigDecimal(amount));
    }

    private static SetBalance set(String balance) {
        return new SetBalance("cmd-" + balance, "c-1", new BigDecimal(balance));
    }

    private static FraudWindow.Entry entry(Instant createdAt, String amount) {
        return new FraudWindow.Entry(createdAt, new BigDecimal(amount));
    }

    private static <T> T read(Class<T> type, String json) {
        return StateSerde.of(type).deserialize("store", json.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> String write(Class<T> type, T value) {
        return new String(StateSerde.of(type).serialize("store", value), StandardCharsets.UTF_8);
    }

    private static void assertPassed(OrderCheckCompleted verdict, String orderId) {
        assertThat(verdict).isEqualTo(OrderCheckCompleted.payment(orderId, null, NOW));
    }

    private static void assertFailed(OrderCheckCompleted verdict, RejectionReason reason) {
        assertThat(verdict.passed()).as(verdict.toString()).isFalse();
        assertThat(verdict.check()).isEqualTo(CheckType.PAYMENT);
        assertThat(verdict.checkedAt()).isEqualTo(NOW);
        assertThat(verdict.rejections()).hasSize(1);
        assertThat(verdict.rejections().get(0).service()).isEqualTo(CheckType.PAYMENT);
        assertThat(verdict.rejections().get(0).reason()).isEqualTo(reason);
    }

    private static void assertFailed(OrderCheckCompleted verdict, RejectionReason reason, String detail) {
        assertFailed(verdict, reason);
        assertThat(verdict.rejections().get(0).detail()).isEqualTo(detail);
    }
}
