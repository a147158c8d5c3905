package io.orderflow.orders.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.orders.query.OrderQueries;
import io.orderflow.orders.topology.CustomerOrderIndex;
import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.service.query.InstanceShares;
import io.orderflow.service.web.ProblemDetailsAdvice;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import io.orderflow.service.security.Caller;
import io.orderflow.service.security.Scopes;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The list's and the analytics' query parameters on the MVC layer alone: what reaches the reads, and which
 * values are 400 problems naming the parameter (nothing read for those).
 */
class ListAndAnalyticsParametersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    private final OrderReads reads = mock(OrderReads.class);
    private final OrderQueries queries = mock(OrderQueries.class);
    private final InstanceShares shares = mock(InstanceShares.class);
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new OrdersController(mock(OrderCommands.class), reads),
                    new AnalyticsController(queries, shares, Clock.fixed(NOW, ZoneOffset.UTC)))
            .setControllerAdvice(new ProblemDetailsAdvice())
            .setCustomArgumentResolvers(new AdminCaller())
            .build();

    /** Who may ask is {@code OrdersControllerTest}'s subject; here the admin asks. */
    private static final class AdminCaller implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            return new Caller("orderflow-admin", Set.of(Scopes.ADMIN), "token");
        }
    }

    @Test
    void theListReadsAHundredFromTheNewestUnlessAsked() throws Exception {
        when(reads.byCustomer(any(), any(Integer.class), any(), any())).thenAnswer(i -> ResponseEntity.ok(List.of()));

        mvc.perform(get("/orders").param("customerId", "c-1")).andExpect(status().isOk());

        verify(reads).byCustomer(eq("c-1"), eq(100), isNull(), any());
    }

    @Test
    void theListTakesALimitUpToAThousandAndTheCursorItGaveOut() throws Exception {
        when(reads.byCustomer(any(), any(Integer.class), any(), any())).thenAnswer(i -> ResponseEntity.ok(List.of()));
        String position = CustomerOrderIndex.position(NOW, "o-7");
        String cursor = new CustomerListCursor(position).encoded();

        mvc.perform(get("/orders").param("customerId", "c-1").param("limit", "1000").param("cursor", cursor))
                .andExpect(status().isOk());

        verify(reads).byCustomer(eq("c-1"), eq(1000), eq(new CustomerListCursor(position)), any());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "limit, 0, must be greater than or equal to 1",
            "limit, 1001, must be less than or equal to 1000",
            "limit, -5, must be greater than or equal to 1",
            "limit, ten, must be a whole number",
            "cursor, bm90LWEtY3Vyc29y, is not a cursor",
            "cursor, '', is not a cursor",
            "customerId, c 1, must be 1-64 characters of [A-Za-z0-9._:-]"})
    void aBadListParameterIsA400ProblemNamingIt(String name, String value, String message) throws Exception {
        mvc.perform(get("/orders").queryParam("customerId", "c-1").queryParam(name, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").isNotEmpty())
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].field").value(name))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith(message)));
        verifyNoInteractions(reads);
    }

    @Test
    void aListWithoutCustomerIsA400ProblemNamingIt() throws Exception {
        mvc.perform(get("/orders"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    @Test
    void anUnknownStateToWaitForIsA400ProblemListingTheStates() throws Exception {
        mvc.perform(get("/orders/o-1").param("until", "PAID"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("until"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("must be one of CREATED, VALIDATED")));
        verifyNoInteractions(reads);
    }

    @Test
    void analyticsReadExactlyTheRangeAskedAndAskTheOtherInstancesForIt() throws Exception {
        mvc.perform(get("/analytics/orders/hourly").param("productId", "p-1")
                        .param("from", "2026-11-24T00:00:00Z").param("to", "2026-11-25T00:00:00Z"))
                .andExpect(status().isOk());

        assertGatheredAndRead("p-1", Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void unaskedAnalyticsReadTheSevenDaysUpToTheEndOfTheCurrentHour() throws Exception {
        mvc.perform(get("/analytics/orders/hourly")).andExpect(status().isOk());

        assertGatheredAndRead(null, Instant.parse("2026-11-18T11:00:00Z"), Instant.parse("2026-11-25T11:00:00Z"));
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource({
            "yesterday, 2026-11-25T00:00:00Z, from, must be an ISO-8601 instant",
            "2026-11-24T00:00:00Z, 2026-11-25, to, must be an ISO-8601 instant",
            "2026-11-25T01:00:00Z, 2026-11-25T00:00:00Z, from, must not be after to",
            "2026-11-01T00:00:00Z, 2026-11-25T00:00:00Z, from, must be at most 7 days before to"})
    void aBadRangeIsA400ProblemNamingTheParameter(String from, String to, String field, String message) throws Exception {
        mvc.perform(get("/analytics/orders/hourly").param("from", from).param("to", to))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith(message)));
        verifyNoInteractions(shares, queries);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void assertGatheredAndRead(String productId, Instant from, Instant to) {
        ArgumentCaptor<Map<String, String>> asked = ArgumentCaptor.forClass(Map.class);
        ArgumentCaptor<Supplier> localShare = ArgumentCaptor.forClass(Supplier.class);
        verify(shares).gather(eq(OrdersTopology.HOURLY_PRODUCT_STORE), any(), asked.capture(), localShare.capture(), any());
        assertThat(asked.getValue()).containsEntry("from", from.toString()).containsEntry("to", to.toString())
                .containsEntry("productId", productId);

        localShare.getValue().get();
        verify(queries).hourlyLocal(productId, from, to);
    }
}
