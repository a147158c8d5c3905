package io.orderflow.basket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.basket.domain.Basket;
import io.orderflow.events.Ids;
import io.orderflow.service.idempotency.IdempotencyKey;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.WebSetup;
import io.orderflow.testsupport.security.AdminByDefault;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The basket REST edge on MockMvc (a {@code @WebMvcTest} slice: the controller and the shared web set-up, no
 * Kafka): bad input is a problem that reaches neither the commands nor the reads; good input is passed on.
 */
@WebMvcTest
@ContextConfiguration(classes = {BasketsController.class, WebSetup.class, BasketAccessRules.class, AdminByDefault.class})
class BasketsControllerTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String AN_ITEM = "{\"productId\": \"p-1\", \"quantity\": 2, \"unitPrice\": 9.99}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BasketCommands commands;

    @MockitoBean
    KeyedReads<Basket> reads;

    @Test
    void aReadIsAnsweredByTheReads() throws Exception {
        doReturn(BasketView.answer("c-1", null)).when(reads).get(eq("c-1"), any());

        mvc.perform(get("/baskets/c-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value("c-1"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anAddIsPassedOnWithItsBodyAndItsKey() throws Exception {
        mvc.perform(post("/baskets/c-1/items").contentType(MediaType.APPLICATION_JSON).content(AN_ITEM)
                .header(IdempotencyKey.HEADER, "k-1"));

        ArgumentCaptor<IdempotencyKey> key = ArgumentCaptor.forClass(IdempotencyKey.class);
        verify(commands).add(eq("c-1"), eq(new AddItemRequest("p-1", 2, new BigDecimal("9.99"))), key.capture(), any());
        assertThat(key.getValue().key()).isEqualTo("k-1");
        assertThat(key.getValue().route()).isEqualTo("POST /baskets/c-1/items");
    }

    @Test
    void aRemoveAndACheckoutArePassedOn() throws Exception {
        mvc.perform(delete("/baskets/c-1/items/p-1"));
        mvc.perform(post("/baskets/c-1/checkout"));

        verify(commands).remove(eq("c-1"), eq("p-1"), any());
        verify(commands).checkout(eq("c-1"), any());
    }

    @Test
    void aBadCustomerOrProductIdIsA400ProblemNamingThePathVariable() throws Exception {
        mvc.perform(get("/baskets/{id}", "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("customerId"))
                .andExpect(jsonPath("$.errors[0].message").value(Ids.MESSAGE));
        mvc.perform(delete("/baskets/c-1/items/{id}", "p 1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        verifyNoInteractions(reads, commands);
    }

    @Test
    void anItemOutOfBoundsIsA400ProblemNamingEachBadField() throws Exception {
        mvc.perform(post("/baskets/c-1/items").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\": \"p-1\", \"quantity\": 0, \"unitPrice\": 1.234}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[1].field").value("unitPrice"));
        mvc.perform(post("/baskets/c-1/items").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quantity\": 1, \"unitPrice\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonOrNotDeclaredJsonIsAProblem() throws Exception {
        mvc.perform(post("/baskets/c-1/items").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/baskets/c-1/items").contentType(MediaType.TEXT_PLAIN).content(AN_ITEM))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(commands);
    }

    @Test
    void aBadIdempotencyKeyIsA400ProblemNamingTheHeader() throws Exception {
        mvc.perform(post("/baskets/c-1/checkout").header(IdempotencyKey.HEADER, "not a key"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value(IdempotencyKey.HEADER));
        verifyNoInteractions(commands);
    }
}
