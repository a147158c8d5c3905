package io.orderflow.basket.api;

import io.orderflow.testsupport.security.AccessChecks;
import io.orderflow.testsupport.kafka.ConsumerProgress;
import static io.orderflow.testsupport.http.Problems.assertIdProblem;
import static io.orderflow.testsupport.http.Problems.assertProblem;
import static io.orderflow.testsupport.http.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.basket.BasketServiceApplication;
import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.topics.Topics;
import io.orderflow.testsupport.concurrency.Concurrently;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.service.ServiceIT;
import io.orderflow.testsupport.service.ServiceUnderTest;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** basket-service alone on a real broker: the basket API, its limits, and checkout into basket-checkouts. */
@ServiceIT(BasketServiceApplication.class)
class BasketServiceIT {

    private static final String APPLICATION_ID = "basket-service";
    private static final String KEY = "Idempotency-Key";
    private final ServiceUnderTest service;
    private final HttpJson http;

    BasketServiceIT(ServiceUnderTest service) {
        this.service = service;
        this.http = service.http();
    }

    @Test
    void addingAProductTwiceAddsTheQuantityAndTakesTheNewestPrice() {
        String customer = newCustomer();

        HttpJson.Response first = http.post(items(customer), item("p-1", 2, "19.99"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("customerId").asString()).isEqualTo(customer);
        assertLines(first.json(), "p-1:2:19.99");
        assertThat(first.json().get("total").decimalValue()).isEqualByComparingTo("39.98");

        HttpJson.Response trailingZero = http.post(items(customer), item("p-2", 1, "1.500"));
        assertThat(trailingZero.status()).as("1.500 counts as 1.50: " + trailingZero).isEqualTo(200);
        HttpJson.Response again = http.post(items(customer), item("p-1", 3, "17.50"));
        assertThat(again.status()).isEqualTo(200);
        assertLines(again.json(), "p-1:5:17.50", "p-2:1:1.50");
        assertThat(again.json().get("total").decimalValue()).isEqualByComparingTo("89.00");

        HttpJson.Response read = http.get("/baskets/" + customer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().propertyNames()).containsExactly("customerId", "items", "total");
        assertLines(read.json(), "p-1:5:17.50", "p-2:1:1.50");
    }

    @Test
    void neverUsedBasketIsEmpty() {
        HttpJson.Response read = http.get("/baskets/" + newCustomer());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("items").isArray()).isTrue();
        assertThat(read.json().get("items")).isEmpty();
        assertThat(read.json().get("total").isNumber()).isTrue();
        assertThat(read.json().get("total").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void removingTakesTheLineOutAndAProductNotInTheBasketIs404() {
        String customer = newCustomer();
        http.post(items(customer), item("p-1", 1, "1.00"));
        http.post(items(customer), item("p-2", 2, "2.00"));

        HttpJson.Response removed = http.delete(items(customer) + "/p-1");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertLines(removed.json(), "p-2:2:2.00");
        assertThat(removed.json().get("total").decimalValue()).isEqualByComparingTo("4.00");

        HttpJson.Response gone = http.delete(items(customer) + "/p-1");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("status").asInt()).isEqualTo(404);
        assertThat(gone.json().get("detail").asString()).contains("p-1");

        assertThat(http.delete(items(newCustomer()) + "/p-1").status()).as("never-used basket").isEqualTo(404);
    }

    @Test
    void checkoutEmitsExactlyOneOrderRequestWithTheBasketLinesAndEmptiesTheBasket() throws Exception {
        String customer = newCustomer();
        http.post(items(customer), item("p-1", 2, "19.99"));
        http.post(items(customer), item("p-2", 1, "5.00"));

        HttpJson.Response checkout = http.post("/baskets/" + customer + "/checkout", "");
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(202);
        String orderId = checkout.json().get("orderId").asString();
        assertThat(UUID.fromString(orderId)).isNotNull();

        ConsumerProgress.awaitCaughtUp(TestKafka.bootstrapServers(), APPLICATION_ID, Topics.BASKET_COMMANDS.name());
        List<BasketCheckedOut> made = checkoutsOf(orderId);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).customerId()).isEqualTo(customer);
        assertThat(made.get(0).items()).containsExactly(
                new OrderLine("p-1", 2, new BigDecimal("19.99")), new OrderLine("p-2", 1, new BigDecimal("5.00")));

        HttpJson.Response emptied = http.get("/baskets/" + customer);
        assertThat(emptied.json().get("items")).isEmpty();
        assertThat(emptied.json().get("total").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void checkoutOfAnEmptyBasketIs409() {
        String customer = newCustomer();
        HttpJson.Response neverUsed = http.post("/baskets/" + customer + "/checkout", "");
        assertThat(neverUsed.status()).isEqualTo(409);
        assertThat(neverUsed.contentType()).startsWith("application/problem+json");
        assertThat(neverUsed.json().get("detail").asString()).isEqualTo("the basket is empty");

        http.post(items(customer), item("p-1", 1, "1.00"));
        assertThat(http.post("/baskets/" + customer + "/checkout", "").status()).isEqualTo(202);
        assertThat(http.post("/baskets/" + customer + "/checkout", "").status()).as("emptied").isEqualTo(409);
    }

    @Test
    void aLineOver10000UnitsIs409AndLeavesTheBasketAsItWas() {
        String customer = newCustomer();
        assertThat(http.post(items(customer), item("p-1", 10_000, "1.00")).status()).isEqualTo(200);

        HttpJson.Response over = http.post(items(customer), item("p-1", 1, "1.00"));

        assertThat(over.status()).isEqualTo(409);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.json().get("status").asInt()).isEqualTo(409);
        assertLines(http.get("/baskets/" + customer).json(), "p-1:10000:1.00");
    }

    @Test
    void theHundredAndFirstLineIs409EvenWhenTheFirstHundredRaceEachOther() {
        String customer = newCustomer();
        List<Integer> adds = Concurrently.call(100, 10, i -> http.post(items(customer), item("p-" + (i + 1), 1, "1.00")).status());
        assertThat(adds).containsOnly(200);

        HttpJson.Response extra = http.post(items(customer), item("p-101", 1, "1.00"));

        assertThat(extra.status()).isEqualTo(409);
        assertThat(extra.contentType()).startsWith("application/problem+json");
        JsonNode basket = http.get("/baskets/" + customer).json();
        assertThat(basket.get("items")).hasSize(100);
        assertThat(basket.get("total").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(http.post(items(customer), item("p-7", 1, "1.00")).status()).as("an existing line grows").isEqualTo(200);
    }

    @Test
    void aRedeliveredCheckoutCommandMakesNoSecondOrder() throws Exception {
        String customer = newCustomer();
        http.post(items(customer), item("p-1", 2, "3.00"));
        String orderId = "o-" + UUID.randomUUID();
        CheckoutBasket checkout = new CheckoutBasket(UUID.randomUUID().toString(), customer, orderId, Instant.now());

        TopicProbe.send(TestKafka.bootstrapServers(), Topics.BASKET_COMMANDS, customer, (BasketCommand) checkout);
        TopicProbe.send(TestKafka.bootstrapServers(), Topics.BASKET_COMMANDS, customer, (BasketCommand) checkout);
        ConsumerProgress.awaitCaughtUp(TestKafka.bootstrapServers(), APPLICATION_ID, Topics.BASKET_COMMANDS.name());

        assertThat(checkoutsOf(orderId)).hasSize(1);
        List<CommandResult> answers = TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.BASKET_COMMAND_RESULTS)
                .stream().map(ConsumerRecord::value).filter(r -> r.commandId().equals(checkout.commandId())).toList();
        assertThat(answers).extracting(CommandResult::status).containsExactly(CommandStatus.APPLIED, CommandStatus.APPLIED);
    }

    @Test
    void aRetriedAddWithItsKeyGetsTheFirstAnswerAndAddsOnce() {
        String customer = newCustomer();

        HttpJson.Response first = http.post(items(customer), item("p-1", 2, "19.99"), KEY, "add-1");
        HttpJson.Response retry = http.post(items(customer), "{ \"unitPrice\": 19.990, \"quantity\": 2, \"productId\": \"p-1\" }",
                KEY, "add-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertLines(http.get("/baskets/" + customer).json(), "p-1:2:19.99");
        assertThat(commandsOf(customer)).as("the retry is written, and answered from the first").hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String customer = newCustomer();
        assertThat(http.post(items(customer), item("p-1", 2, "1.00"), KEY, "add-1").status()).isEqualTo(200);

        HttpJson.Response other = http.post(items(customer), item("p-1", 3, "1.00"), KEY, "add-1");

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        JsonNode problem = other.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://orderflow.io/problems/idempotency-key-reused");
        assertThat(problem.get("title").asString()).isEqualTo("Idempotency-Key reused");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key reused with a different request");
        assertLines(http.get("/baskets/" + customer).json(), "p-1:2:1.00");
        assertThat(http.post(items(customer), item("p-1", 3, "1.00"), KEY, "add-2").status())
                .as("a fresh key").isEqualTo(200);
    }

    @Test
    void eightConcurrentRetriesOfOneAddAddOnce() {
        String customer = newCustomer();

        List<HttpJson.Response> answers = Concurrently.call(8, () -> http.post(items(customer), item("p-1", 3, "2.00"), KEY, "add-1"));

        assertThat(answers).extracting(HttpJson.Response::status).containsOnly(200);
        assertThat(answers).extracting(HttpJson.Response::body).containsOnly(answers.get(0).body());
        assertLines(http.get("/baskets/" + customer).json(), "p-1:3:2.00");
    }

    @Test
    void aRetriedCheckoutNamesTheFirstOrderAndMakesNoSecond() throws Exception {
        String customer = newCustomer();
        http.post(items(customer), item("p-1", 2, "19.99"));

        HttpJson.Response first = http.post("/baskets/" + customer + "/checkout", "", KEY, "checkout-1");
        http.post(items(customer), item("p-2", 1, "5.00"));
        HttpJson.Response retry = http.post("/baskets/" + customer + "/checkout", "", KEY, "checkout-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        ConsumerProgress.awaitCaughtUp(TestKafka.bootstrapServers(), APPLICATION_ID, Topics.BASKET_COMMANDS.name());
        assertThat(checkoutsFor(customer)).extracting(BasketCheckedOut::orderId)
                .containsExactly(first.json().get("orderId").asString());
        assertLines(http.get("/baskets/" + customer).json(), "p-2:1:5.00");
    }

    @Test
    void eightConcurrentRetriesOfOneCheckoutMakeOneOrder() throws Exception {
        String customer = newCustomer();
        http.post(items(customer), item("p-1", 1, "1.00"));

        List<HttpJson.Response> answers = Concurrently.call(8,
                () -> http.post("/baskets/" + customer + "/checkout", "", KEY, "checkout-1"));

        assertThat(answers).extracting(HttpJson.Response::status).containsOnly(202);
        assertThat(answers).extracting(HttpJson.Response::body).containsOnly(answers.get(0).body());
        ConsumerProgress.awaitCaughtUp(TestKafka.bootstrapServers(), APPLICATION_ID, Topics.BASKET_COMMANDS.name());
        assertThat(checkoutsFor(customer)).extracting(BasketCheckedOut::orderId)
                .containsExactly(answers.get(0).json().get("orderId").asString());
    }

    @Test
    void aKeyIsScopedByRouteSoOneKeyServesAnAddAndACheckout() {
        String customer = newCustomer();

        assertThat(http.post(items(customer), item("p-1", 1, "1.00"), KEY, "k-1").status()).isEqualTo(200);
        assertThat(http.post("/baskets/" + customer + "/checkout", "", KEY, "k-1").status()).isEqualTo(202);
        assertThat(http.post(items(newCustomer()), item("p-1", 1, "1.00"), KEY, "k-1").status())
                .as("another customer's basket is another route").isEqualTo(200);
    }

    @Test
    void aKeyOutsideTheIdAlphabetIs400NamingTheHeaderAndWritesNothing() {
        assertProblemNaming(http.post(items("bad-key-1"), item("p-1", 1, "1.00"), KEY, "not a key"), 400, KEY);
        assertProblemNaming(http.post("/baskets/bad-key-2/checkout", "", KEY, "x".repeat(65)), 400, KEY);
        assertNothingWrittenForBadCustomers();
    }


    private static List<BasketCommand> commandsOf(String customer) {
        return TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.BASKET_COMMANDS).stream()
                .map(ConsumerRecord::value).filter(c -> c.customerId().equals(customer)).toList();
    }

    private static List<BasketCheckedOut> checkoutsFor(String customer) {
        return TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.BASKET_CHECKOUTS).stream()
                .map(ConsumerRecord::value).filter(c -> c.customerId().equals(customer)).toList();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "bad-1", "{\"productId\":\"p-1\",", "body"),
                Arguments.of("missing productId", "bad-2", "{\"quantity\":1,\"unitPrice\":1.00}", "productId"),
                Arguments.of("bad productId", "bad-3", item("p 1", "1", "1.00"), "productId"),
                Arguments.of("quantity 0", "bad-4", item("p-1", "0", "1.00"), "quantity"),
                Arguments.of("quantity 10001", "bad-5", item("p-1", "10001", "1.00"), "quantity"),
                Arguments.of("fractional quantity", "bad-6", item("p-1", "1.5", "1.00"), "quantity"),
                Arguments.of("quantity as string", "bad-7", item("p-1", "\"2\"", "1.00"), "quantity"),
                Arguments.of("missing quantity", "bad-8", "{\"productId\":\"p-1\",\"unitPrice\":1.00}", "quantity"),
                Arguments.of("negative price", "bad-9", item("p-1", "1", "-1.00"), "unitPrice"),
                Arguments.of("three decimals", "bad-10", item("p-1", "1", "1.005"), "unitPrice"),
                Arguments.of("price as string", "bad-11", item("p-1", "1", "\"19.99\""), "unitPrice"),
                Arguments.of("missing price", "bad-12", "{\"productId\":\"p-1\",\"quantity\":1}", "unitPrice"),
                Arguments.of("bad customer id", "bad%2013", item("p-1", "1", "1.00"), "customerId"),
                Arguments.of("customer id too long", "bad-" + "x".repeat(61), item("p-1", "1", "1.00"), "customerId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badAddIs400ProblemNamingTheField(String name, String customer, String json, String field) {
        HttpJson.Response answer = http.post(items(customer), json);

        assertProblemNaming(answer, 400, field);
        assertNothingWrittenForBadCustomers();
    }

    @Test
    void badIdsInOtherPathsAre400Problems() {
        assertIdProblem(http.get("/baskets/bad%20id"), "customerId");
        assertIdProblem(http.delete("/baskets/bad%20id/items/p-1"), "customerId");
        assertIdProblem(http.delete("/baskets/c-1/items/bad%20id"), "productId");
        assertIdProblem(http.post("/baskets/bad%20id/checkout", ""), "customerId");
        assertIdProblem(http.post(items("bad-15"), item("p 1", "1", "1.00")), "productId");
        assertNothingWrittenForBadCustomers();
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        HttpJson.Response answer = http.post(items("bad-14"), "text/plain", item("p-1", 1, "1.00").getBytes());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertNothingWrittenForBadCustomers();
    }

    private static void assertProblemNaming(HttpJson.Response answer, int status, String field) {
        assertProblem(answer, status);
        assertThat(errorFields(answer)).as(answer.body()).contains(field);
    }

    private static void assertNothingWrittenForBadCustomers() {
        List<String> customers = TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.BASKET_COMMANDS).stream()
                .map(r -> r.value().customerId()).filter(c -> c.startsWith("bad")).toList();
        assertThat(customers).as("nothing written to Kafka for rejected requests").isEmpty();
    }

    private static void assertLines(JsonNode basket, String... expected) {
        List<String> lines = basket.get("items").valueStream()
                .map(l -> l.get("productId").asString() + ":" + l.get("quantity").asInt() + ":"
                        + l.get("unitPrice").decimalValue().setScale(2))
                .toList();
        assertThat(lines).containsExactly(expected);
    }

    private static List<BasketCheckedOut> checkoutsOf(String orderId) {
        return TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.BASKET_CHECKOUTS).stream()
                .filter(r -> r.key().equals(orderId)).map(ConsumerRecord::value).toList();
    }

    private static String newCustomer() {
        return "c-" + UUID.randomUUID();
    }

    private static String items(String customer) {
        return "/baskets/" + customer + "/items";
    }

    private static String item(String productId, int quantity, String price) {
        return item(productId, String.valueOf(quantity), price);
    }

    private static String item(String productId, String quantity, String price) {
        return "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + price + "}";
    }

    /** The 401/403 matrix: a basket is its customer's and the admin's; a path naming another customer is a 403. */
    @Test
    void aCustomerUsesTheirOwnBasketOnly() throws Exception {
        AccessChecks access = new AccessChecks(http, service.issuer());
        String customer = newCustomer();
        String other = newCustomer();
        String item = item("p-1", 1, "2.50");
        access.refusesWithoutAGoodToken("POST", "/baskets/" + customer + "/items", item);
        access.refusesWithoutAGoodToken("GET", "/baskets/" + customer, null);
        access.refusesWithoutAGoodToken("POST", "/baskets/" + customer + "/checkout", null);

        String own = service.issuer().customer(customer);
        assertThat(access.as(own, "POST", "/baskets/" + customer + "/items", item).status()).isEqualTo(200);
        assertThat(access.as(own, "GET", "/baskets/" + customer, null).json().get("items")).hasSize(1);
        access.forbids(own, "GET", "/baskets/" + other, null);
        access.forbids(own, "POST", "/baskets/" + other + "/items", item);
        access.forbids(own, "DELETE", "/baskets/" + other + "/items/p-1", null);
        access.forbids(own, "POST", "/baskets/" + other + "/checkout", null);
        access.forbids(service.issuer().metrics(), "GET", "/baskets/" + customer, null);
        assertThat(http.get("/baskets/" + other).status()).as("the admin reads any basket").isIn(200, 404);
        assertThat(http.get("/baskets/" + customer).json().get("items")).hasSize(1);
    }
}
