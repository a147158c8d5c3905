package io.orderflow.stock.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.events.Ids;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.WebSetup;
import io.orderflow.testsupport.security.AdminByDefault;
import io.orderflow.stock.domain.StockLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The stock REST edge on MockMvc (a {@code @WebMvcTest} slice: the controller and the shared web set-up, no
 * Kafka): bad input is a problem that reaches neither the commands nor the reads; good input is passed on.
 */
@WebMvcTest
@ContextConfiguration(classes = {StockController.class, WebSetup.class, StockAccessRules.class, AdminByDefault.class})
class StockControllerTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StockCommands commands;

    @MockitoBean
    KeyedReads<StockLevel> reads;

    @Test
    void aReadIsAnsweredByTheReads() throws Exception {
        ResponseEntity<?> level = ResponseEntity.ok(new StockView("p-1", 5, 2, 3));
        doReturn(level).when(reads).get(eq("p-1"), any());

        mvc.perform(get("/stock/p-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(3));
    }

    @Test
    void anIdTooLongIsA400ProblemNamingThePathVariable() throws Exception {
        mvc.perform(get("/stock/{id}", "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("productId"))
                .andExpect(jsonPath("$.errors[0].message").value(Ids.MESSAGE));
        verifyNoInteractions(reads);
    }

    @Test
    void aNegativeQuantityAndAFractionAre400ProblemsThatChangeNothing() throws Exception {
        mvc.perform(put("/stock/p-1").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        mvc.perform(put("/stock/p-1").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonOrNotDeclaredJsonIsAProblem() throws Exception {
        mvc.perform(put("/stock/p-1").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(put("/stock/p-1").contentType(MediaType.TEXT_PLAIN).content("5"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(commands);
    }
}
