package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.localstack.KafkaBrokerProcess;
import io.orderflow.localstack.ProjectDirs;
import io.orderflow.testsupport.http.HttpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Upgrading keeps state. The release before the lean order path (commit {@value #PREVIOUS}, overridable with
 * {@code -Dorderflow.upgrade.from=REF}) is built from this repository's history, runs on the test broker and
 * takes orders; then this build starts on the same state directories and must read back every stock level,
 * balance, order, customer list and hourly figure as the old one left them, and finish its open order.
 *
 * <p>The old release has no dev issuer and ignores the {@code Authorization} header: both builds get this build's
 * issuer ({@link DevIssuer}) and the same admin tokens, which only the new one checks.
 *
 * <p>Needs the git history (a full clone) and Maven Central or a warm local repository for the old build.
 */
class UpgradeIT {

    /** The last commit of the layout before the lean order path (stores, topics and events of that release). */
    static final String PREVIOUS = "9d1eea9";
    private static final List<String> FOUR = List.of("orders-service", "basket-service", "payment-service",
            "stock-service");

    private static Path previousBuild;
    private static Path dataDir;
    /** An installation of its own: the shared test broker holds other tests' state under the same application ids. */
    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void buildThePreviousRelease() throws Exception {
        String ref = System.getProperty("orderflow.upgrade.from", PREVIOUS);
        Path root = ProjectDirs.projectRoot();
        previousBuild = root.resolve("e2e-tests/target/upgrade-from-" + ref);
        dataDir = Files.createTempDirectory("orderflow-upgrade-");
        broker = OwnBroker.start(dataDir.resolve("kafka"));
        if (!Files.exists(previousBuild.resolve("orders-service/target"))) {
            System.out.println("[upgrade] building " + ref + " in " + previousBuild + " (a git worktree)");
            run(root, "git", "worktree", "add", "--force", "--detach", previousBuild.toString(), ref);
            run(previousBuild, "./mvnw", "-q", "-B", "-ntp", "-DskipTests", "package");
        }
    }

    @AfterAll
    static void stopAndRemoveTheWorktree() throws Exception {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(30));
        }
        run(ProjectDirs.projectRoot(), "git", "worktree", "remove", "--force", previousBuild.toString());
    }

    @Test
    void theNewBuildReadsBackEverythingTheOldOneLeftAndFinishesItsOpenOrders() {
        Map<String, String> before = new LinkedHashMap<>();

        System.out.println("[upgrade] old release, all five services: a shipped and a rejected order");
        try (Suite old = Suite.start(Suite.ALL, Map.of(), broker.bootstrapServers(), previousBuild, dataDir)) {
            Fixtures given = new Fixtures(old);
            given.stock("up-p1", 100);
            given.stock("up-p2", 10);
            given.stock("up-p3", 5);
            given.fund("up-c1", "1000.00");
            given.fund("up-c2", "20.00");
            given.fund("up-c3", "500.00");
            place(old, "up-o1", "up-c1", "up-p1", 2, "10.00");
            given.awaitState("up-o1", "SHIPPED");
            place(old, "up-o2", "up-c2", "up-p1", 1, "50.00");
            given.awaitState("up-o2", "REJECTED");
            awaitBody(old.stock(), "/stock/up-p1", "\"onHand\":98", "\"reserved\":0");
            awaitBody(old.payment(), "/accounts/up-c1", "\"balance\":980.00", "\"held\":0.00");
        }

        System.out.println("[upgrade] old release without fulfillment: an order left VALIDATED, one cancelled");
        try (Suite old = Suite.start(FOUR, Map.of(), broker.bootstrapServers(), previousBuild, dataDir)) {
            Fixtures given = new Fixtures(old);
            place(old, "up-o3", "up-c3", "up-p2", 3, "5.00");
            given.awaitState("up-o3", "VALIDATED");
            place(old, "up-o4", "up-c3", "up-p3", 1, "1.00");
            given.awaitState("up-o4", "VALIDATED");
            assertThat(old.orders().post("/orders/up-o4/cancel", "").status()).isEqualTo(202);
            awaitBody(old.stock(), "/stock/up-p3", "\"reserved\":0");
            awaitBody(old.payment(), "/accounts/up-c3", "\"held\":15.00");
            before.putAll(snapshot(old));
        }

        System.out.println("[upgrade] this build on the same state");
        try (Suite upgraded = Suite.start(Suite.ALL, Map.of(), broker.bootstrapServers(), ProjectDirs.projectRoot(),
                dataDir)) {
            Fixtures given = new Fixtures(upgraded);
            // The open order ships first: reading it back must not race its shipment.
            JsonNode shipped = given.awaitState("up-o3", "SHIPPED");
            assertThat(shipped.get("total").decimalValue()).isEqualByComparingTo("15.00");
            awaitBody(upgraded.stock(), "/stock/up-p2", "\"onHand\":7", "\"reserved\":0");
            awaitBody(upgraded.payment(), "/accounts/up-c3", "\"balance\":485.00", "\"held\":0.00");

            Map<String, String> after = snapshot(upgraded);
            before.forEach((path, body) -> {
                if (!path.contains("up-o3") && !path.contains("up-p2") && !path.contains("up-c3")) {
                    assertThat(after.get(path)).as(path).isEqualTo(body);
                }
            });
            assertThat(after.get("/orders?customerId=up-c3")).contains("up-o3", "up-o4");

            place(upgraded, "up-o5", "up-c1", "up-p1", 1, "10.00");
            given.awaitState("up-o5", "SHIPPED");
            awaitBody(upgraded.stock(), "/stock/up-p1", "\"onHand\":97", "\"reserved\":0");
            awaitBody(upgraded.payment(), "/accounts/up-c1", "\"balance\":970.00", "\"held\":0.00");
        }
    }

    /** What a client can read: stock, accounts, orders, lists, analytics (bodies as the API answers them). */
    private static Map<String, String> snapshot(Suite suite) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String product : List.of("up-p1", "up-p2", "up-p3")) {
            bodies.put("/stock/" + product, ok(suite.stock(), "/stock/" + product));
        }
        for (String customer : List.of("up-c1", "up-c2", "up-c3")) {
            bodies.put("/accounts/" + customer, ok(suite.payment(), "/accounts/" + customer));
            bodies.put("/orders?customerId=" + customer, ok(suite.orders(), "/orders?customerId=" + customer));
        }
        for (String order : List.of("up-o1", "up-o2", "up-o3", "up-o4")) {
            bodies.put("/orders/" + order, ok(suite.orders(), "/orders/" + order));
        }
        bodies.put("/analytics/orders/hourly?productId=up-p1", ok(suite.orders(), "/analytics/orders/hourly?productId=up-p1"));
        return bodies;
    }

    private static void place(Suite suite, String id, String customer, String product, int quantity, String price) {
        HttpJson.Response answer = suite.orders().post("/orders", Fixtures.orderJson(id, customer, product, quantity, price));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private static String ok(HttpJson http, String path) {
        HttpJson.Response answer = http.get(path);
        assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
        return answer.body();
    }

    private static void awaitBody(HttpJson http, String path, String... parts) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ok(http, path)).contains(parts));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir
                    + (command[0].equals("git") ? " (the upgrade check needs the git history: a full clone)" : ""));
        }
    }
}
