package io.orderflow.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record on the wire and gives its schema version.
 *
 * <p>{@link io.orderflow.events.serde.EventSerde} writes both as the {@code type} and {@code version}
 * fields of every JSON message, and refuses a message whose version is newer than the one this
 * code knows: reading it as if it were ours could silently drop what the newer writer meant.
 * Older versions are read, with fields they lack left to the record's defaults.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The type name written on the wire; never change it once published. */
    String value();

    /** The schema version this code writes and the newest it can read. */
    int version() default 1;
}
