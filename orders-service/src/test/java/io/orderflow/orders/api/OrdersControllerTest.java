package io.orderflow.orders.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.events.Ids;
import io.orderflow.events.order.OrderState;
import io.orderflow.service.idempotency.IdempotencyKey;
import io.orderflow.service.web.WebSetup;
import io.orderflow.testsupport.security.AdminByDefault;
import io.orderflow.testsupport.security.Tokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order REST edge on MockMvc (a {@code @WebMvcTest} slice: the controller and the shared web set-up, no
 * Kafka): bad input is a problem that reaches neither the commands nor the reads; good input is passed on.
 * The list's parameters: {@link ListAndAnalyticsParametersTest}.
 */
@WebMvcTest
@ContextConfiguration(classes = {OrdersController.class, WebSetup.class, OrderAccessRules.class, AdminByDefault.class})
class OrdersControllerTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String LINE = "{\"productId\":\"p-1\",\"quantity\":2,\"unitPrice\":1.50}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderCommands commands;

    @MockitoBean
    OrderReads reads;

    @Test
    void anOrderIsPassedOnWithItsBodyAndItsKey() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\":\"c-1\",\"items\":[" + LINE + "]}").header(IdempotencyKey.HEADER, "k-1"));

        ArgumentCaptor<IdempotencyKey> key = ArgumentCaptor.forClass(IdempotencyKey.class);
        verify(commands).place(eq(new PlaceOrderRequest(null, "c-1",
                List.of(new OrderLineRequest("p-1", 2, new BigDecimal("1.50"))))), key.capture(), any());
        assertThat(key.getValue().key()).isEqualTo("k-1");
    }

    @Test
    void aReadIsPassedOnWithItsWait() throws Exception {
        mvc.perform(get("/orders/o-1"));
        mvc.perform(get("/orders/o-2").param("until", "SHIPPED").param("timeoutMs", "100"));

        verify(reads).get(eq("o-1"), isNull(), isNull(), any(), any());
        verify(reads).get(eq("o-2"), eq(OrderState.SHIPPED), eq(100L), any(), any());
    }

    @Test
    void aCancelIsPassedOn() throws Exception {
        mvc.perform(post("/orders/o-1/cancel"));

        verify(commands).cancel(eq("o-1"), isNull(), any());
    }

    @Test
    void aCustomerPlacesOrdersForThemselvesOnly() throws Exception {
        String body = "{\"customerId\":\"c-1\",\"items\":[" + LINE + "]}";
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(body).with(Tokens.customer("c-2")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("c-1")));
        verifyNoInteractions(commands);

        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(body).with(Tokens.customer("c-1")));
        verify(commands).place(any(), isNull(), any());
    }

    @Test
    void aCustomerListsTheirOwnOrdersOnlyAndNoAnalytics() throws Exception {
        mvc.perform(get("/orders").param("customerId", "c-1").with(Tokens.customer("c-2")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/analytics/orders/hourly").with(Tokens.customer("c-1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(reads);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of("missing customerId", "{\"items\":[" + LINE + "]}", "customerId"),
                Arguments.of("no items", "{\"customerId\":\"c-1\",\"items\":[]}", "items"),
                Arguments.of("quantity 0", order(line("p-1", "0", "1")), "items[0].quantity"),
                Arguments.of("three decimals", order(line("p-1", "1", "1.005")), "items[0].unitPrice"),
                Arguments.of("price as string", order(line("p-1", "1", "\"1\"")), "items[0].unitPrice"),
                Arguments.of("bad product id", order(line("p 1", "1", "1")), "items[0].productId"),
                Arguments.of("duplicate lines", order(LINE + "," + LINE), "items"),
                Arguments.of("id too long", "{\"id\":\"" + "x".repeat(65) + "\"," + order(LINE).substring(1), "id"),
                Arguments.of("malformed JSON", "{\"customerId\":", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void aBadOrderIsA400ProblemNamingTheFieldThatPlacesNothing(String name, String body, String field) throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
        verifyNoInteractions(commands);
    }

    private static String order(String lines) {
        return "{\"customerId\":\"c-1\",\"items\":[" + lines + "]}";
    }

    private static String line(String productId, String quantity, String unitPrice) {
        return "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + "}";
    }

    @Test
    void anOrderNotDeclaredJsonIsA415Problem() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.TEXT_PLAIN).content("{\"customerId\":\"c-1\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(commands);
    }

    @Test
    void aBadIdOrWaitIsA400ProblemNamingItThatReadsNothing() throws Exception {
        mvc.perform(get("/orders/{id}", "bad id"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value(Ids.MESSAGE));
        mvc.perform(get("/orders/o-1").param("until", "LOST"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        mvc.perform(get("/orders/o-1").param("timeoutMs", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("timeoutMs"));
        verifyNoInteractions(reads);
    }

    @Test
    void aCancelOfABadIdOrWithABadKeyIsA400ProblemThatCancelsNothing() throws Exception {
        mvc.perform(post("/orders/{id}/cancel", "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(post("/orders/o-1/cancel").header(IdempotencyKey.HEADER, "not a key"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value(IdempotencyKey.HEADER));
        verifyNoInteractions(commands);
    }
}
