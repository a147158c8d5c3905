package io.orderflow.service.query;

import io.orderflow.service.security.Caller;
import io.orderflow.service.security.Scopes;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** One key of one store: the answer built here from the key and its value, the holder asked at the route's path. */
class KeyedReadsTest {

    private static final String STORE = "levels-store";

    private final StoreQueries stores = mock(StoreQueries.class);
    private final InstanceForwarder forwarder = mock(InstanceForwarder.class);
    private final KeyedReads<Integer> reads = new KeyedReads<>(stores, forwarder, STORE, "/levels/{id}",
            (key, level) -> ResponseEntity.ok(key + "=" + level));

    @Test
    void aKeyHeldHereIsAnsweredFromItsKeyAndValueUnknownOnesWithNull() {
        when(stores.<Integer>lookup(STORE, "p-1")).thenReturn(new KeyLookup.Local<>(5));
        when(stores.<Integer>lookup(STORE, "p-2")).thenReturn(new KeyLookup.Local<>(null));
        InstanceForwarder real = new InstanceForwarder(Duration.ofSeconds(1));
        KeyedReads<Integer> here = new KeyedReads<>(stores, real, STORE, "/levels/{id}",
                (key, level) -> ResponseEntity.ok(key + "=" + level));

        assertThat(here.get("p-1", new MockHttpServletRequest("GET", "/levels/p-1")).getBody()).isEqualTo("p-1=5");
        assertThat(here.current("p-2", Caller.NOBODY).getBody()).isEqualTo("p-2=null");
    }

    @Test
    void aValueTheCallerMayNotSeeIsAnsweredAsUnknown() {
        when(stores.<Integer>lookup(STORE, "p-1")).thenReturn(new KeyLookup.Local<>(5));
        KeyedReads<Integer> onlyAdmins = new KeyedReads<>(stores, new InstanceForwarder(Duration.ofSeconds(1)), STORE,
                "/levels/{id}", (key, level) -> ResponseEntity.ok(key + "=" + level),
                (caller, level) -> caller.isAdmin());

        assertThat(onlyAdmins.current("p-1", new Caller("admin", Set.of(Scopes.ADMIN), "t")).getBody())
                .isEqualTo("p-1=5");
        assertThat(onlyAdmins.current("p-1", new Caller("c-1", Set.of(Scopes.CUSTOMER), "t")).getBody())
                .isEqualTo("p-1=null");
    }

    @Test
    void theAnswerToAWriteAsksTheHolderAtTheRouteOfTheKey() {
        KeyLookup<Integer> remote = new KeyLookup.Remote<>(new HostInfo("10.0.0.2", 8080));
        when(stores.<Integer>lookup(STORE, "p-1")).thenReturn(remote);

        Caller caller = new Caller("c-1", Set.of(Scopes.CUSTOMER), "t");
        reads.current("p-1", caller);

        verify(forwarder).answerAt(eq(remote), eq("/levels/p-1"), eq(caller), any());
    }

    @Test
    void theRouteOfAKeyIsTheTemplateWithTheKeyEncoded() {
        assertThat(reads.pathOf("a b")).isEqualTo("/levels/a%20b");
    }

    @Test
    void aPathThatDoesNotNameExactlyOneKeyIsRefused() {
        assertThatThrownBy(() -> new KeyedReads<Integer>(stores, forwarder, STORE, "/levels",
                (key, level) -> ResponseEntity.ok("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyedReads<Integer>(stores, forwarder, STORE, "/levels/{a}/{b}",
                (key, level) -> ResponseEntity.ok("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
