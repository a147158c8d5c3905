package io.orderflow.fulfillment.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.events.Ids;
import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.domain.ShipmentStatus;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.WebSetup;
import io.orderflow.testsupport.security.AdminByDefault;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The shipment REST edge on MockMvc (a {@code @WebMvcTest} slice: the controller and the shared web set-up, no
 * Kafka): a bad order id is a problem that reaches no read; a good one is passed on; there is nothing to write.
 */
@WebMvcTest
@ContextConfiguration(classes = {ShipmentsController.class, WebSetup.class, AdminByDefault.class})
class ShipmentsControllerTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KeyedReads<Shipment> reads;

    @Test
    void aReadIsAnsweredByTheReads() throws Exception {
        Shipment shipment = new Shipment("s-1", "o-1", "c-1", ShipmentStatus.SHIPPED, List.of(),
                Instant.parse("2026-01-02T03:04:05Z"));
        doReturn(ShipmentView.answer("o-1", shipment)).when(reads).get(eq("o-1"), any());

        mvc.perform(get("/shipments/o-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shipmentId").value("s-1"))
                .andExpect(jsonPath("$.createdAt").value("2026-01-02T03:04:05.000Z"));
    }

    @Test
    void anUnknownShipmentIsA404Problem() throws Exception {
        when(reads.get(eq("o-2"), any())).thenAnswer(call -> ShipmentView.answer("o-2", null));

        mvc.perform(get("/shipments/o-2"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("no shipment for order 'o-2'"));
    }

    @Test
    void aBadOrderIdIsA400ProblemNamingThePathVariable() throws Exception {
        mvc.perform(get("/shipments/{id}", "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("orderId"))
                .andExpect(jsonPath("$.errors[0].message").value(Ids.MESSAGE));
        verifyNoInteractions(reads);
    }

    @Test
    void aWriteIsA405Problem() throws Exception {
        mvc.perform(post("/shipments/o-1").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(reads);
    }
}
