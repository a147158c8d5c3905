package io.orderflow.fraud.model;

/** A model release that must not be used: why, in a sentence fit for a log line and a dead-letter header. */
public final class ModelRefusedException extends Exception {

    public ModelRefusedException(String reason) {
        super(reason);
    }

    public ModelRefusedException(String reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), cause);
    }
}
