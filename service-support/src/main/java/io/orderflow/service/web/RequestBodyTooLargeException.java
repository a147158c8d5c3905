package io.orderflow.service.web;

import java.io.IOException;

/** Thrown while reading a request body past the limit; becomes a 413 problem. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
