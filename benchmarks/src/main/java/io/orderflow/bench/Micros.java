package io.orderflow.bench;

import java.time.Instant;

/** Wall-clock times in epoch microseconds: the suite's event times and the client's send times share this clock. */
final class Micros {

    private Micros() {
    }

    static long now() {
        return of(Instant.now());
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
