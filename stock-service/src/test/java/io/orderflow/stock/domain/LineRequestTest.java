package io.orderflow.stock.domain;

import static io.orderflow.stock.OrderEvents.created;
import static io.orderflow.stock.OrderEvents.line;
import static io.orderflow.stock.OrderEvents.moved;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.stock.domain.LineRequest.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRequestTest {

    private final OrderStateChanged created = created("o-1", line("p-1", 2), line("p-2", 1));

    @Test
    void aCreatedOrderReservesEachLineAndSaysHowManyLinesItHas() {
        assertThat(LineRequest.allFor(created)).containsExactly(
                new LineRequest(Kind.RESERVE, "o-1", "p-1", 2, 2),
                new LineRequest(Kind.RESERVE, "o-1", "p-2", 1, 2));
    }

    @Test
    void aRejectedOrCancelledOrderReleasesEachLine() {
        for (OrderState state : List.of(OrderState.REJECTED, OrderState.CANCELLED)) {
            assertThat(LineRequest.allFor(moved(created, state))).as(state.name()).containsExactly(
                    new LineRequest(Kind.RELEASE, "o-1", "p-1", 0, 2),
                    new LineRequest(Kind.RELEASE, "o-1", "p-2", 0, 2));
        }
    }

    @Test
    void aShippedOrderDeductsEachLine() {
        OrderStateChanged shipped = moved(moved(created, OrderState.VALIDATED), OrderState.SHIPPED);

        assertThat(LineRequest.allFor(shipped)).extracting(LineRequest::kind).containsExactly(Kind.DEDUCT, Kind.DEDUCT);
    }

    @Test
    void aValidatedOrderAsksNothing() {
        assertThat(LineRequest.allFor(moved(created, OrderState.VALIDATED))).isEmpty();
    }

    @Test
    void twoLinesOfOneProductAreOneRequestForTheirSum() {
        OrderStateChanged doubled = created("o-2", line("p-1", 2), line("p-2", 1), line("p-1", 3));

        assertThat(LineRequest.allFor(doubled)).containsExactly(
                new LineRequest(Kind.RESERVE, "o-2", "p-1", 5, 2),
                new LineRequest(Kind.RESERVE, "o-2", "p-2", 1, 2));
    }
}
