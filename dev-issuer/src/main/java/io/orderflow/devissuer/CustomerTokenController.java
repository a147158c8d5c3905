package io.orderflow.devissuer;

import io.orderflow.events.Ids;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens}: an admin client mints a customer's token (dev only; SecurityChains guards it). The token
 * lives as long as the calling client's own access tokens.
 */
@RestController
public class CustomerTokenController {

    private final CustomerTokenIssuer issuer;
    private final RegisteredClientRepository clients;

    public CustomerTokenController(CustomerTokenIssuer issuer, RegisteredClientRepository clients) {
        this.issuer = issuer;
        this.clients = clients;
    }

    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CustomerTokenResponse> mint(@RequestBody CustomerTokenRequest request, Authentication caller) {
        if (!Ids.isValid(request.customerId())) {
            throw new InvalidRequestException("customerId", Ids.MESSAGE);
        }
        RegisteredClient client = clients.findByClientId(caller.getName());
        CustomerTokenResponse token = issuer.issue(request.customerId(),
                client.getTokenSettings().getAccessTokenTimeToLive());
        // As the token endpoint does (RFC 6749 section 5.1): a token is never cached.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
    }
}
