package io.orderflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.payment.domain.PaymentAction.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");

    private final PaymentRules rules = new PaymentRules(new FraudPolicy(new BigDecimal("1000.00")));

    @Nested
    class Hold {

        @Test
        void anOrderWithinWhatIsAvailableIsHeldAndPasses() {
            PaymentStep step = check(account("100.00"), null, order("o-1", "60.00", NOON));

            assertPassed(step.verdict(), "o-1");
            assertThat(step.account().holdOf("o-1")).contains(new BigDecimal("60.00"));
            assertThat(step.account().available()).isEqualTo("40.00");
            assertThat(step.account().balance()).isEqualTo("100.00");
        }

        @Test
        void anOrderForExactlyWhatIsAvailablePasses() {
            PaymentStep step = check(account("100.00").withHold("o-0", new BigDecimal("40.00")), null,
                    order("o-1", "60.00", NOON));

            assertPassed(step.verdict(), "o-1");
            assertThat(step.account().available()).isEqualTo("0.00");
        }

        @Test
        void anOrderOverWhatIsAvailableFailsAndHoldsNothing() {
            Account account = account("100.00").withHold("o-0", new BigDecimal("30.00"));

            PaymentStep step = check(account, null, order("o-1", "70.01", NOON));

            assertFailed(step.verdict(), RejectionReason.INSUFFICIENT_FUNDS);
            assertThat(step.verdict().rejections().get(0).detail()).isEqualTo("wanted 70.01, available 70.00");
            assertThat(step.account()).as("account unchanged").isNull();
        }

        @Test
        void anOrderOfACustomerWithoutAccountFailsAsUnknownCustomer() {
            PaymentStep step = check(null, null, order("o-1", "1.00", NOON));

            assertFailed(step.verdict(), RejectionReason.UNKNOWN_CUSTOMER);
            assertThat(step.account()).isNull();
        }

        @Test
        void everyOrderIsRecordedInTheActivityWhateverItsOutcome() {
            PaymentStep unknown = check(null, null, order("o-1", "1.00", NOON));
            PaymentStep poor = check(account("0.00"), unknown.activity(), order("o-2", "2.00", NOON.plusSeconds(1)));

            assertThat(poor.activity().orders()).extracting(RecentOrder::orderId).containsExactly("o-1", "o-2");
            assertThat(poor.activity().orders()).noneMatch(RecentOrder::passed);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRedeliveredCreationOfAHeldOrderPassesAgainAndHoldsNothingMore() {
            PaymentStep first = check(account("100.00"), null, order("o-1", "60.00", NOON));

            PaymentStep again = check(first.account(), first.activity(), order("o-1", "60.00", NOON));

            assertPassed(again.verdict(), "o-1");
            assertThat(again.account()).as("account unchanged").isNull();
            assertThat(again.activity()).as("activity unchanged").isNull();
        }

        @Test
        void aRedeliveredCreationOfAFailedOrderFailsAgainEvenIfMoneyCameInBetween() {
            PaymentStep first = check(account("10.00"), null, order("o-1", "60.00", NOON));
            Account richer = PaymentRules.setBalance(account("10.00"), set("500.00")).account();

            PaymentStep again = check(richer, first.activity(), order("o-1", "60.00", NOON));

            assertFailed(again.verdict(), RejectionReason.INSUFFICIENT_FUNDS);
            assertThat(again.account()).as("nothing held").isNull();
        }

        @Test
        void aRedeliveredCreationAfterTheHoldWasReleasedDoesNotHoldAgain() {
            PaymentStep first = check(account("100.00"), null, order("o-1", "60.00", NOON));
            Account released = PaymentRules.release(first.account(), "o-1").account();

            PaymentStep again = check(released, first.activity(), order("o-1", "60.00", NOON));

            assertThat(again.account()).as("nothing held").isNull();
            assertThat(released.held()).isEqualTo("0.00");
        }

        @Test
        void aHeldOrderTheActivityForgotStillPassesWithoutASecondHold() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("60.00"));

            PaymentStep again = check(held, CustomerActivity.empty(), order("o-1", "60.00", NOON));

            assertPassed(again.verdict(), "o-1");
            assertThat(again.account()).isNull();
        }
    }

    @Nested
    class ReleaseAndCapture {

        @Test
        void releaseGivesTheHoldBack() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("60.00"));

            Account released = PaymentRules.release(held, "o-1").account();

            assertThat(released.held()).isEqualTo("0.00");
            assertThat(released.available()).isEqualTo("100.00");
            assertThat(released.balance()).isEqualTo("100.00");
        }

        @Test
        void releaseWithoutAHoldChangesNothing() {
            assertThat(PaymentRules.release(account("100.00"), "o-1").account()).isNull();
            assertThat(PaymentRules.release(null, "o-1").account()).isNull();
        }

        @Test
        void captureTakesTheHoldFromTheBalance() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("60.00"))
                    .withHold("o-2", new BigDecimal("10.00"));

            Account captured = PaymentRules.capture(held, "o-1").account();

            assertThat(captured.balance()).isEqualTo("40.00");
            assertThat(captured.held()).isEqualTo("10.00");
            assertThat(captured.available()).isEqualTo("30.00");
        }

        @Test
        void aSecondCaptureOfTheSameOrderChangesNothing() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("60.00"));
            Account captured = PaymentRules.capture(held, "o-1").account();

            assertThat(PaymentRules.capture(captured, "o-1").account()).isNull();
        }

        @Test
        void aReleasedOrderIsNeverCaptured() {
            Account released = PaymentRules.release(account("100.00").withHold("o-1", new BigDecimal("60.00")), "o-1")
                    .account();

            assertThat(PaymentRules.capture(released, "o-1").account()).isNull();
        }

        @Test
        void applyRoutesEachKind() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("60.00"));

            assertThat(rules.apply(held, null, action(Kind.RELEASE, "o-1"), NOW).account().held()).isEqualTo("0.00");
            assertThat(rules.apply(held, null, action(Kind.CAPTURE, "o-1"), NOW).account().balance()).isEqualTo("40.00");
        }
    }

    @Nested
    class SetBalanceCommand {

        @Test
        void settingABalanceOpensTheAccount() {
            PaymentStep step = PaymentRules.setBalance(null, set("500.00"));

            assertThat(step.account()).isEqualTo(Account.open("c-1", new BigDecimal("500.00")));
            assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(step.reply().commandId()).isEqualTo("cmd-500.00");
        }

        @Test
        void settingABalanceKeepsTheHolds() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("50.00"));

            PaymentStep step = PaymentRules.setBalance(held, set("50.00"));

            assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(step.account().balance()).isEqualTo("50.00");
            assertThat(step.account().available()).isEqualTo("0.00");
        }

        @Test
        void aBalanceBelowWhatIsHeldIsAConflictAndChangesNothing() {
            Account held = account("100.00").withHold("o-1", new BigDecimal("50.00"));

            PaymentStep step = PaymentRules.setBalance(held, set("49.99"));

            assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
            assertThat(step.reply().detail()).contains("50.00 is held");
            assertThat(step.account()).isNull();
        }
    }

    @Nested
    class Fraud {

        @Test
        void ordersTotallingExactlyTheLimitWithinAnHourPass() {
            PaymentStep first = check(account("5000.00"), null, order("o-1", "600.00", NOON));
            PaymentStep second = check(first.account(), first.activity(), order("o-2", "400.00", NOON.plusSeconds(60)));

            assertPassed(second.verdict(), "o-2");
        }

        @Test
        void oneCentOverTheLimitTripsIt() {
            PaymentStep first = check(account("5000.00"), null, order("o-1", "600.00", NOON));
            PaymentStep second = check(first.account(), first.activity(), order("o-2", "400.01", NOON.plusSeconds(60)));

            assertFailed(second.verdict(), RejectionReason.FRAUD_SUSPECTED);
            assertThat(second.verdict().rejections().get(0).detail()).contains("1000.01").contains("1000.00");
            assertThat(second.account()).as("nothing held").isNull();
        }

        @Test
        void aSingleOrderOverTheLimitTripsIt() {
            assertFailed(check(account("5000.00"), null, order("o-1", "1000.01", NOON)).verdict(),
                    RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void fraudIsCheckedBeforeTheAccountSoUnknownCustomersAreCaughtToo() {
            assertFailed(check(null, null, order("o-1", "1000.01", NOON)).verdict(), RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void failedOrdersCountTowardsTheLimit() {
            PaymentStep poor = check(account("10.00"), null, order("o-1", "900.00", NOON));
            assertFailed(poor.verdict(), RejectionReason.INSUFFICIENT_FUNDS);
            Account richer = PaymentRules.setBalance(account("10.00"), set("5000.00")).account();

            PaymentStep next = check(richer, poor.activity(), order("o-2", "100.01", NOON.plusSeconds(1)));

            assertFailed(next.verdict(), RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void anOrderCreatedExactlyAnHourEarlierHasDroppedOut() {
            PaymentStep first = check(account("5000.00"), null, order("o-1", "600.00", NOON));

            PaymentStep second = check(first.account(), first.activity(),
                    order("o-2", "600.00", NOON.plus(Duration.ofHours(1))));

            assertPassed(second.verdict(), "o-2");
            assertThat(second.activity().orders()).extracting(RecentOrder::orderId).containsExactly("o-2");
        }

        @Test
        void anOrderCreatedJustUnderAnHourEarlierStillCounts() {
            PaymentStep first = check(account("5000.00"), null, order("o-1", "600.00", NOON));

            PaymentStep second = check(first.account(), first.activity(),
                    order("o-2", "600.00", NOON.plus(Duration.ofHours(1)).minusMillis(1)));

            assertFailed(second.verdict(), RejectionReason.FRAUD_SUSPECTED);
        }

        @Test
        void theWindowEndsAtThisOrdersCreationNotAtLaterOnesSeenBefore() {
            PaymentStep later = check(account("5000.00"), null, order("o-later", "600.00", NOON.plusSeconds(30)));

            PaymentStep earlier = check(later.account(), later.activity(), order("o-earlier", "600.00", NOON));

            assertPassed(earlier.verdict(), "o-earlier");
        }

        @Test
        void anOrderCountsOnceEvenWhenRedelivered() {
            PaymentStep first = check(account("5000.00"), null, order("o-1", "600.00", NOON));
            PaymentStep redelivered = check(first.account(), first.activity(), order("o-1", "600.00", NOON));
            CustomerActivity activity = redelivered.activity() == null ? first.activity() : redelivered.activity();

            PaymentStep second = check(first.account(), activity, order("o-2", "400.00", NOON.plusSeconds(1)));

            assertPassed(second.verdict(), "o-2");
        }
    }

    private PaymentStep check(Account account, CustomerActivity activity, PaymentAction order) {
        return rules.apply(account, activity, order, NOW);
    }

    private static Account account(String balance) {
        return Account.open("c-1", new BigDecimal(balance));
    }

    private static PaymentAction order(String orderId, String total, Instant createdAt) {
        return new PaymentAction(Kind.CHECK, orderId, "c-1", new BigDecimal(total), createdAt);
    }

    private static PaymentAction action(Kind kind, String orderId) {
        return new PaymentAction(kind, orderId, "c-1", new BigDecimal("60.00"), NOON);
    }

    private static SetBalance set(String balance) {
        return new SetBalance("cmd-" + balance, "c-1", new BigDecimal(balance));
    }

    private static void assertPassed(OrderCheckCompleted verdict, String orderId) {
        assertThat(verdict.orderId()).isEqualTo(orderId);
        assertThat(verdict.check()).isEqualTo(CheckType.PAYMENT);
        assertThat(verdict.passed()).as(verdict.toString()).isTrue();
        assertThat(verdict.checkedAt()).isEqualTo(NOW);
    }

    private static void assertFailed(OrderCheckCompleted verdict, RejectionReason reason) {
        assertThat(verdict.passed()).as(verdict.toString()).isFalse();
        assertThat(verdict.rejections()).hasSize(1);
        assertThat(verdict.rejections().get(0).service()).isEqualTo(CheckType.PAYMENT);
        assertThat(verdict.rejections().get(0).reason()).isEqualTo(reason);
    }
}
