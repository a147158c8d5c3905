package io.orderflow.service.web;

import org.springframework.http.HttpStatus;

/** Kafka or the owning instance could not be reached in time; the client may retry. Answered 503 with Retry-After. */
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, cause);
    }

    public ServiceUnavailableException(String detail) {
        this(detail, null);
    }
}
