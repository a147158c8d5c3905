package io.orderflow.bench;

import io.orderflow.events.EventType;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.serde.EventJson;
import io.orderflow.events.serde.EventSerde;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * The few fields of the suite's events that the order tracker needs, read with one streaming pass over the
 * JSON that skips everything else: binding a whole event (tree, records, validation of every id and amount,
 * ISO times) cost more CPU per order than the rest of the tracker.
 *
 * <p>An event the streaming pass does not recognise (another type, a newer version, a missing or odd field,
 * broken JSON) goes to the topic's own serde, so what it reads and refuses stays exactly what the services
 * read and refuse: a {@link SerializationException} from there is an unreadable
 * event. The pass checks the type, the version and the fields it reads; the services validate the rest.
 */
final class TrackedEvents {

    /** An {@code OrderStateChanged}: which order reached which state when, and why it was rejected. */
    record StateChange(String orderId, OrderState state, long updatedMicros, Set<RejectionReason> reasons) {
    }

    /** An {@code OrderCheckCompleted}: a stock or payment verdict on an order. */
    record Verdict(String orderId, CheckType check, long checkedMicros) {
    }

    /** A {@code ShipmentCreated}. */
    record Shipment(String orderId, long createdMicros) {
    }

    private static final TokenStreamFactory JSON = EventJson.MAPPER.tokenStreamFactory();
    private static final Map<String, OrderState> STATES = wireNames(OrderState.class);
    private static final Map<String, CheckType> CHECKS = wireNames(CheckType.class);
    private static final Map<String, RejectionReason> REASONS = wireNames(RejectionReason.class);
    private static final EventType STATE_CHANGED = OrderStateChanged.class.getAnnotation(EventType.class);
    private static final EventType CHECK_COMPLETED = OrderCheckCompleted.class.getAnnotation(EventType.class);
    private static final EventType SHIPMENT_CREATED = ShipmentCreated.class.getAnnotation(EventType.class);

    private TrackedEvents() {
    }

    static StateChange stateChange(byte[] json) {
        StateChange change = streamedStateChange(json);
        if (change != null) {
            return change;
        }
        OrderStateChanged event = bound(Topics.ORDERS, json);
        Set<RejectionReason> reasons = EnumSet.noneOf(RejectionReason.class);
        event.order().rejections().stream().map(Rejection::reason).forEach(reasons::add);
        return new StateChange(event.order().id(), event.state(), Micros.of(event.order().updatedAt()), reasons);
    }

    static Verdict verdict(byte[] json) {
        Verdict verdict = streamedVerdict(json);
        if (verdict != null) {
            return verdict;
        }
        OrderCheckCompleted event = bound(Topics.ORDER_VALIDATIONS, json);
        return new Verdict(event.orderId(), event.check(), Micros.of(event.checkedAt()));
    }

    static Shipment shipment(byte[] json) {
        Shipment shipment = streamedShipment(json);
        if (shipment != null) {
            return shipment;
        }
        ShipmentCreated event = bound(Topics.SHIPMENTS, json);
        return new Shipment(event.orderId(), Micros.of(event.createdAt()));
    }

    /** The streaming pass alone: null when it does not recognise the event. */
    static StateChange streamedStateChange(byte[] json) {
        return streamed(json, TrackedEvents::readStateChange);
    }

    static Verdict streamedVerdict(byte[] json) {
        return streamed(json, TrackedEvents::readVerdict);
    }

    static Shipment streamedShipment(byte[] json) {
        return streamed(json, TrackedEvents::readShipment);
    }

    private static StateChange readStateChange(JsonParser p) {
        boolean typeSeen = false;
        String orderId = null;
        OrderState state = null;
        long updated = TrackedOrder.NONE;
        Set<RejectionReason> reasons = Set.of();
        for (String field = p.nextName(); field != null; field = p.nextName()) {
            JsonToken value = p.nextToken();
            if (field.equals(EventSerde.TYPE_FIELD) || field.equals(EventSerde.VERSION_FIELD)) {
                if (!isOurs(field, p, STATE_CHANGED)) {
                    return null;
                }
                typeSeen |= field.equals(EventSerde.TYPE_FIELD);
            } else if (field.equals("order") && value == JsonToken.START_OBJECT) {
                for (String orderField = p.nextName(); orderField != null; orderField = p.nextName()) {
                    JsonToken orderValue = p.nextToken();
                    switch (orderField) {
                        case "id" -> orderId = string(p, orderValue);
                        case "state" -> state = orderValue == JsonToken.VALUE_STRING ? STATES.get(p.getString()) : null;
                        case "updatedAt" -> updated = micros(p, orderValue);
                        case "rejections" -> reasons = reasons(p, orderValue);
                        default -> p.skipChildren();
                    }
                    if (reasons == null) {
                        return null;
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return typeSeen && orderId != null && state != null && updated != TrackedOrder.NONE
                ? new StateChange(orderId, state, updated, reasons) : null;
    }

    private static Verdict readVerdict(JsonParser p) {
        boolean typeSeen = false;
        String orderId = null;
        CheckType check = null;
        long checked = TrackedOrder.NONE;
        for (String field = p.nextName(); field != null; field = p.nextName()) {
            JsonToken value = p.nextToken();
            switch (field) {
                case EventSerde.TYPE_FIELD, EventSerde.VERSION_FIELD -> {
                    if (!isOurs(field, p, CHECK_COMPLETED)) {
                        return null;
                    }
                    typeSeen |= field.equals(EventSerde.TYPE_FIELD);
                }
                case "orderId" -> orderId = string(p, value);
                case "check" -> check = value == JsonToken.VALUE_STRING ? CHECKS.get(p.getString()) : null;
                case "checkedAt" -> checked = micros(p, value);
                default -> p.skipChildren();
            }
        }
        return typeSeen && orderId != null && check != null && checked != TrackedOrder.NONE
                ? new Verdict(orderId, check, checked) : null;
    }

    private static Shipment readShipment(JsonParser p) {
        boolean typeSeen = false;
        String orderId = null;
        long created = TrackedOrder.NONE;
        for (String field = p.nextName(); field != null; field = p.nextName()) {
            JsonToken value = p.nextToken();
            switch (field) {
                case EventSerde.TYPE_FIELD, EventSerde.VERSION_FIELD -> {
                    if (!isOurs(field, p, SHIPMENT_CREATED)) {
                        return null;
                    }
                    typeSeen |= field.equals(EventSerde.TYPE_FIELD);
                }
                case "orderId" -> orderId = string(p, value);
                case "createdAt" -> created = micros(p, value);
                default -> p.skipChildren();
            }
        }
        return typeSeen && orderId != null && created != TrackedOrder.NONE ? new Shipment(orderId, created) : null;
    }

    /** The type this pass reads, in a version it knows (the serde's rule: newer versions are refused). */
    private static boolean isOurs(String field, JsonParser p, EventType expected) {
        if (field.equals(EventSerde.TYPE_FIELD)) {
            return p.currentToken() == JsonToken.VALUE_STRING && p.getString().equals(expected.value());
        }
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getIntValue() <= expected.version();
    }

    /** The reasons of a {@code rejections} array; null for anything else. */
    private static Set<RejectionReason> reasons(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return Set.of();
        }
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        Set<RejectionReason> reasons = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            RejectionReason reason = null;
            for (String field = p.nextName(); field != null; field = p.nextName()) {
                JsonToken fieldValue = p.nextToken();
                if (field.equals("reason") && fieldValue == JsonToken.VALUE_STRING) {
                    reason = REASONS.get(p.getString());
                } else {
                    p.skipChildren();
                }
            }
            if (reason == null) {
                return null;
            }
            if (reasons == null) {
                reasons = EnumSet.noneOf(RejectionReason.class);
            }
            reasons.add(reason);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            return null;
        }
        return reasons == null ? Set.of() : reasons;
    }

    private static String string(JsonParser p, JsonToken value) {
        return value == JsonToken.VALUE_STRING ? p.getString() : null;
    }

    /** An ISO-8601 instant as epoch µs; {@link TrackedOrder#NONE} when it is not one (the serde may know it). */
    private static long micros(JsonParser p, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            return TrackedOrder.NONE;
        }
        try {
            return Micros.ofIso(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        } catch (java.time.DateTimeException notOneWeRead) {
            return TrackedOrder.NONE;
        }
    }

    private interface FieldReader<T> {
        T read(JsonParser parser);
    }

    /** The streaming pass over one JSON object; null when it is not what {@code reader} expects. */
    private static <T> T streamed(byte[] json, FieldReader<T> reader) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            T result = reader.read(p);
            // The object must have ended where the pass stopped, with nothing after it.
            return result != null && p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null ? result : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static <V> V bound(Topic<String, V> topic, byte[] json) {
        V event = topic.valueSerde().deserializer().deserialize(topic.name(), json);
        if (event == null) {
            throw new SerializationException("a record without a value on " + topic.name());
        }
        return event;
    }

    /** Each constant by the name the suite's JSON gives it (e.g. {@code "stock"} for {@link CheckType#STOCK}). */
    private static <E extends Enum<E>> Map<String, E> wireNames(Class<E> type) {
        Map<String, E> byName = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            byName.put(EventJson.MAPPER.convertValue(constant, String.class), constant);
        }
        return Map.copyOf(byName);
    }
}
