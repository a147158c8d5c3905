package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendQuotaTest {

    private static final long FAR = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);

    @Test
    void allowsItsLimitThenNothing() throws InterruptedException {
        SendQuota quota = new SendQuota(FAR, 3);

        assertThat(quota.tryTake()).isTrue();
        assertThat(quota.tryTake()).isTrue();
        assertThat(quota.over()).isFalse();
        assertThat(quota.tryTake()).isTrue();
        assertThat(quota.tryTake()).isFalse();
        assertThat(quota.over()).isTrue();
        // Used up: the phase's thread does not wait for the deadline.
        assertThat(quota.awaitEnd()).isEqualTo(3);
    }

    @Test
    void closingEndsThePhaseWithTheSendsTakenSoFar() {
        SendQuota quota = new SendQuota(FAR, 10);
        quota.tryTake();

        assertThat(quota.close()).isEqualTo(1);
        assertThat(quota.tryTake()).isFalse();
    }

    @Test
    void nothingAfterTheDeadlineOrWithoutALimit() throws InterruptedException {
        SendQuota late = new SendQuota(System.nanoTime() - 1, 10);
        assertThat(late.tryTake()).isFalse();
        assertThat(late.awaitEnd()).isZero();

        assertThat(new SendQuota(FAR, 0).tryTake()).isFalse();
    }
}
