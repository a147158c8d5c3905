package io.orderflow.service.trace;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.MDC;

/**
 * Wraps every processor of a service's topology (Kafka Streams' {@code processor.wrapper.class}) so that
 * whatever a processor logs carries the trace id of the record it is processing.
 */
public final class TracingProcessorWrapper implements ProcessorWrapper {

    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return new WrappedProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new Traced<>(supplier.get());
            }

            @Override
            public java.util.Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return new WrappedFixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<KIn, VIn, VOut> get() {
                return new TracedFixedKey<>(supplier.get());
            }

            @Override
            public java.util.Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    /**
     * The header value last parsed on this thread and its trace id: a record passes through several processors
     * with the same header object, so it is parsed once per record, not once per processor.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    /** Runs {@code processing} with the record's trace id in the logging context, and takes it out after. */
    private static void traced(Headers headers, Runnable processing) {
        enter(headers);
        try {
            processing.run();
        } finally {
            MDC.remove(TraceParent.MDC_TRACE_ID);
        }
    }

    private static void enter(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(TraceParent.HEADER);
        if (header == null) {
            MDC.remove(TraceParent.MDC_TRACE_ID);
            return;
        }
        Object[] last = LAST.get();
        byte[] value = header.value();
        if (last[0] != value) {
            last[0] = value;
            last[1] = TraceParent.from(headers).map(TraceParent::traceId).orElse(null);
        }
        if (last[1] == null) {
            MDC.remove(TraceParent.MDC_TRACE_ID);
        } else {
            MDC.put(TraceParent.MDC_TRACE_ID, (String) last[1]);
        }
    }

    private record Traced<KIn, VIn, KOut, VOut>(Processor<KIn, VIn, KOut, VOut> inner)
            implements Processor<KIn, VIn, KOut, VOut> {

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            inner.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            traced(record.headers(), () -> inner.process(record));
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private record TracedFixedKey<KIn, VIn, VOut>(FixedKeyProcessor<KIn, VIn, VOut> inner)
            implements FixedKeyProcessor<KIn, VIn, VOut> {

        @Override
        public void init(FixedKeyProcessorContext<KIn, VOut> context) {
            inner.init(context);
        }

        @Override
        public void process(FixedKeyRecord<KIn, VIn> record) {
            traced(record.headers(), () -> inner.process(record));
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
