package io.orderflow.devissuer;

/** A request field that breaks its rule; answered as a 400 problem naming the field. */
class InvalidRequestException extends RuntimeException {

    private final String field;

    InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
