package io.orderflow.fraud.model;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A release as the bytes of a {@code fraud-models} record value, and back: JSON, the trees base64. */
public final class ModelCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelCodec() {
    }

    public static byte[] encode(ModelRelease release) {
        return JSON.writeValueAsBytes(release);
    }

    /** Refused when the bytes are not a release at all. */
    public static ModelRelease decode(byte[] value) throws ModelRefusedException {
        if (value == null) {
            throw new ModelRefusedException("no value (a tombstone)");
        }
        try {
            return JSON.readValue(value, ModelRelease.class);
        } catch (JacksonException e) {
            throw new ModelRefusedException("not a model release", e);
        }
    }
}
