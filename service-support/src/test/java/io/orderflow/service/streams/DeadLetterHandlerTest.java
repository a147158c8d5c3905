package io.orderflow.service.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.junit.jupiter.api.Test;

/** Decisions without a broker: a retriable send error is retried, not dead-lettered; a reason is kept short. */
class DeadLetterHandlerTest {

    // Not configured: a retriable error must not reach the dead-letter producer at all.
    private final DeadLetterHandler handler = new DeadLetterHandler();
    private final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("out", new byte[] {1}, new byte[] {2});

    @Test
    void aRetriableSendErrorIsRetried() {
        ErrorHandlerContext context = mock(ErrorHandlerContext.class);

        assertThat(handler.handle(context, record, new TimeoutException("slow broker")))
                .isEqualTo(ProductionExceptionHandlerResponse.RETRY);
        assertThat(handler.handle(context, record, new NotEnoughReplicasException("one replica down")))
                .isEqualTo(ProductionExceptionHandlerResponse.RETRY);
    }

    @Test
    void aReasonThatQuotesHugeInputIsCutSoTheDeadLetterStillFits() {
        String huge = "invalid ReserveStock: orderId must be 1-64 characters, was " + "x".repeat(900_000);

        String reason = DeadLetterHandler.reasonOf(new IllegalArgumentException(huge));

        assertThat(reason).startsWith("invalid ReserveStock: orderId must be 1-64 characters, was xxx")
                .endsWith("... (" + huge.length() + " characters)")
                .hasSizeLessThan(DeadLetterHandler.MAX_REASON_CHARS + 40);
        assertThat(DeadLetterHandler.reasonOf(new IllegalStateException("short"))).isEqualTo("short");
    }
}
