package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.serde.EventJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The load generator against stub servers: what it sends and counts, not how fast (no timed assertions). */
class LoadGeneratorTest {

    /** Long enough never to end a phase in these tests: they end by their order count. */
    private static final Duration NEVER = Duration.ofMinutes(10);

    private final Workload workload = new Workload(20, 12, 42);
    private final Queue<TrackedOrder> placed = new ConcurrentLinkedQueue<>();

    @Test
    void theClosedLoopPostsEachOrderOnceSpreadOverTheInstances() throws Exception {
        try (StubHttpServer first = new StubHttpServer(body -> 201, 7);
                StubHttpServer second = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
                LoadGenerator generator = new LoadGenerator(List.of(first.address(), second.address()), placed::add,
                        workload, BenchTokens.none(), 4, 1_000)) {
            assertThat(generator.closedLoop("max", NEVER, 60)).isEqualTo(60);
            generator.awaitAnswers();

            assertThat(generator.sent()).isEqualTo(60);
            assertThat(generator.errors()).isEmpty();
            assertThat(placed).hasSize(60).allSatisfy(o -> {
                assertThat(o.phase()).isEqualTo("max");
                assertThat(o.httpStatus()).isEqualTo(201);
                assertThat(o.httpMicros()).isGreaterThanOrEqualTo(o.postMicros());
            });
            // Order n goes to instance n % 2, with exactly the body the workload describes.
            assertThat(second.bodies()).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 60).filter(n -> n % 2 == 1).mapToObj(n -> workload.order(n).json()).toList());
            assertThat(first.bodies()).hasSize(30);
            // Tomcat-like closes every 7 answers: the generator reconnected and lost nothing.
            assertThat(first.connections()).isGreaterThan(4);
        }
    }

    @Test
    void eachPostCarriesTheTokenOfTheCustomerItIsFor() throws Exception {
        BenchTokens tokens = new BenchTokens(URI.create("http://localhost:9000"), () -> "admin",
                customer -> "token-of-" + customer);
        try (StubHttpServer server = new StubHttpServer(body -> 201, 5);
                LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload, tokens,
                        3, 1_000)) {
            assertThat(generator.closedLoop("max", NEVER, 40)).isEqualTo(40);
            generator.awaitAnswers();

            assertThat(generator.errors()).isEmpty();
            assertThat(server.requests()).hasSize(40).allSatisfy(request -> {
                String customer = EventJson.MAPPER.readTree(request.body()).get("customerId").asString();
                assertThat(request.authorization()).isEqualTo("Bearer token-of-" + customer);
            });
        }
    }

    @Test
    void withoutTokensAPostHasNoAuthorizationHeader() throws Exception {
        try (StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
                LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload,
                        BenchTokens.none(), 2, 1_000)) {
            generator.closedLoop("max", NEVER, 10);
            generator.awaitAnswers();

            assertThat(server.requests()).hasSize(10).allSatisfy(r -> assertThat(r.authorization()).isNull());
        }
    }

    @Test
    void aTokenThatCannotBeHadFailsThatOrderOnly() throws Exception {
        BenchTokens tokens = new BenchTokens(URI.create("http://localhost:9000"), () -> "admin", customer -> {
            throw new IllegalStateException("the dev issuer at http://localhost:9000 refused a token: HTTP 503");
        });
        try (StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
                LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload, tokens,
                        2, 3)) {
            assertThat(generator.closedLoop("max", NEVER, 8)).isEqualTo(8);
            generator.awaitAnswers();

            assertThat(generator.errors()).isEqualTo(Map.of("IllegalStateException", 8L));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void failedPostsAreCountedByStatusAndGiveTheirInFlightPermitBack() throws Exception {
        try (StubHttpServer server = new StubHttpServer(body -> 503, Integer.MAX_VALUE);
                LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload,
                        BenchTokens.none(), 3, 2)) {
            // Two orders in flight at most and nobody reports an order final: only the failures free permits.
            assertThat(generator.closedLoop("max", NEVER, 20)).isEqualTo(20);
            generator.awaitAnswers();

            assertThat(generator.errors()).isEqualTo(Map.of("HTTP 503", 20L));
            assertThat(generator.errorCount()).isEqualTo(20);
            assertThat(placed).allSatisfy(o -> assertThat(o.httpStatus()).isEqualTo(503));
        }
    }

    @Test
    void theClosedLoopWaitsForFinishedOrdersBeyondItsInFlightBound() throws Exception {
        try (StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE)) {
            LoadGenerator[] generator = new LoadGenerator[1];
            // The "tracker" finishes each order as soon as it is placed, so the bound of 1 never blocks for long.
            generator[0] = new LoadGenerator(List.of(server.address()), o -> {
                placed.add(o);
                generator[0].finished(o);
            }, workload, BenchTokens.none(), 4, 1);
            try (LoadGenerator g = generator[0]) {
                assertThat(g.closedLoop("max", NEVER, 25)).isEqualTo(25);
                g.awaitAnswers();
            }
            assertThat(placed).hasSize(25);
        }
    }

    @Test
    void theOpenLoopTimesEachOrderFromItsScheduledSlot() throws Exception {
        try (StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
                LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload,
                        BenchTokens.none(), 8, 1)) {
            LoadGenerator.OpenLoopCount count = generator.openLoop("open", NEVER, 2_000, 40);
            generator.awaitAnswers();

            assertThat(count.sent()).isEqualTo(40);
            assertThat(count.missed()).isZero();
            assertThat(placed).hasSize(40).allSatisfy(o -> assertThat(o.phase()).isEqualTo("open"));
            // 2,000 orders/s: the clocks start 500 µs apart whatever the moment each POST really went out.
            long[] starts = placed.stream().mapToLong(TrackedOrder::postMicros).sorted().toArray();
            for (int i = 1; i < starts.length; i++) {
                assertThat(starts[i] - starts[i - 1]).isBetween(499L, 501L);
            }
        }
    }

    @Test
    void anOpenLoopWithNoTimeLeftSendsNothingAndCountsTheMissedSlots() throws Exception {
        try (StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
                LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload,
                        BenchTokens.none(), 2, 1)) {
            LoadGenerator.OpenLoopCount count = generator.openLoop("open", Duration.ZERO, 100, 1_000);

            assertThat(count.sent()).isZero();
            assertThat(count.missed()).isZero();
            assertThat(placed).isEmpty();
        }
    }

    @Test
    void aServerThatIsGoneIsAnErrorPerOrder() throws Exception {
        StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
        server.close();
        try (LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload,
                BenchTokens.none(), 2, 10)) {
            assertThat(generator.closedLoop("max", NEVER, 5)).isEqualTo(5);
            generator.awaitAnswers();

            assertThat(generator.errors()).containsOnlyKeys("ConnectException").containsValue(5L);
            assertThat(placed).allSatisfy(o -> assertThat(o.httpStatus()).isEqualTo(-1));
        }
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        try (StubHttpServer server = new StubHttpServer(body -> 201, 1)) {
            LoadGenerator generator = new LoadGenerator(List.of(server.address()), placed::add, workload,
                    BenchTokens.none(), 2, 10);
            generator.close();
            generator.close();
        }
    }
}
