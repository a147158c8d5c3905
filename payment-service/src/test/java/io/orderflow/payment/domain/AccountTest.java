package io.orderflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void heldIsTheSumOfHoldsAndAvailableIsWhatIsLeft() {
        Account account = Account.open("c-1", new BigDecimal("100"))
                .withHold("o-1", new BigDecimal("20.5"))
                .withHold("o-2", new BigDecimal("30.25"));

        assertThat(account.balance()).isEqualTo("100.00");
        assertThat(account.held()).isEqualTo("50.75");
        assertThat(account.available()).isEqualTo("49.25");
    }

    @Test
    void anAccountWithoutHoldsHoldsZero() {
        Account account = Account.open("c-1", new BigDecimal("7.10"));

        assertThat(account.held()).isEqualTo("0.00");
        assertThat(account.available()).isEqualTo("7.10");
    }

    @Test
    void moneyWithMoreThanTwoDecimalsIsRefused() {
        assertThatThrownBy(() -> Account.open("c-1", new BigDecimal("1.005")))
                .isInstanceOf(ArithmeticException.class);
    }
}
