package io.orderflow.payment.api;

import io.orderflow.payment.domain.Account;
import io.orderflow.payment.query.AccountQueries;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** Answers reads of accounts: from this instance's store, or by asking the instance that holds the customer. */
final class AccountReads {

    private final AccountQueries queries;
    private final InstanceForwarder forwarder;

    AccountReads(AccountQueries queries, InstanceForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    /** {@code GET /accounts/{customerId}}: answered here, or passed on as is to the instance holding the customer. */
    ResponseEntity<?> get(String customerId, HttpServletRequest request) {
        return forwarder.answer(queries.account(customerId), request, account -> local(account, customerId));
    }

    /** The account now, wherever it is held; 404 problem when the customer has none. */
    ResponseEntity<?> current(String customerId) {
        return forwarder.answerAt(queries.account(customerId), "/accounts/" + customerId,
                account -> local(account, customerId));
    }

    private static ResponseEntity<?> local(Account account, String customerId) {
        // A customer who only ordered has a value (its fraud window) but no account.
        if (account == null || !account.funded()) {
            throw ApiException.notFound("Account", customerId);
        }
        return ResponseEntity.ok(AccountView.of(account));
    }
}
