package io.orderflow.payment.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.events.Ids;
import io.orderflow.payment.domain.Account;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.WebSetup;
import io.orderflow.testsupport.security.AdminByDefault;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account REST edge on MockMvc (a {@code @WebMvcTest} slice: the controller and the shared web set-up, no
 * Kafka): bad input is a problem that reaches neither the commands nor the reads; good input is passed on.
 */
@WebMvcTest
@ContextConfiguration(classes = {AccountsController.class, WebSetup.class, AccountAccessRules.class, AdminByDefault.class})
class AccountsControllerTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountCommands commands;

    @MockitoBean
    KeyedReads<Account> reads;

    @Test
    void aReadIsAnsweredByTheReads() throws Exception {
        ResponseEntity<?> account = ResponseEntity.ok(new AccountView("c-1", new BigDecimal("100.00"),
                new BigDecimal("30.00"), new BigDecimal("70.00")));
        doReturn(account).when(reads).get(eq("c-1"), any());

        mvc.perform(get("/accounts/c-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(70.00));
    }

    @Test
    void aBalanceIsPassedOnExactly() throws Exception {
        mvc.perform(put("/accounts/c-1").contentType(MediaType.APPLICATION_JSON).content("{\"balance\": 100.10}"));

        verify(commands).setBalance(eq("c-1"), eq(new BigDecimal("100.10")), any());
    }

    @Test
    void anIdTooLongIsA400ProblemNamingThePathVariable() throws Exception {
        mvc.perform(get("/accounts/{id}", "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("customerId"))
                .andExpect(jsonPath("$.errors[0].message").value(Ids.MESSAGE));
        mvc.perform(put("/accounts/{id}", "c 1").contentType(MediaType.APPLICATION_JSON).content("{\"balance\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        verifyNoInteractions(reads, commands);
    }

    @Test
    void aNegativeAFractionOfACentAndAMissingBalanceAre400ProblemsThatChangeNothing() throws Exception {
        for (String body : new String[] {"{\"balance\": -0.01}", "{\"balance\": 1.001}", "{}"}) {
            mvc.perform(put("/accounts/c-1").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.errors[0].field").value("balance"));
        }
        mvc.perform(put("/accounts/c-1").contentType(MediaType.APPLICATION_JSON).content("{\"balance\": \"5\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("balance"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonOrNotDeclaredJsonIsAProblem() throws Exception {
        mvc.perform(put("/accounts/c-1").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(put("/accounts/c-1").contentType(MediaType.TEXT_PLAIN).content("{\"balance\": 1}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(commands);
    }
}
