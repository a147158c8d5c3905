package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

    @Test
    void basketMayNotWriteOrderValidations() {
        List<AclBinding> basket = KafkaAcls.forService("basket-service");

        assertThat(basket).noneMatch(b -> b.pattern().name().equals("order-validations"));
        assertThat(basket).contains(topic("basket-service", "basket-checkouts", AclOperation.WRITE));
        assertThat(basket).doesNotContain(topic("basket-service", "basket-checkouts", AclOperation.READ));
    }

    @Test
    void stockReadsStockRequestsAndWritesItsVerdicts() {
        List<AclBinding> stock = KafkaAcls.forService("stock-service");

        assertThat(stock).contains(topic("stock-service", "stock-requests", AclOperation.READ),
                topic("stock-service", "stock-requests", AclOperation.DESCRIBE),
                topic("stock-service", "order-validations", AclOperation.WRITE));
        assertThat(stock).doesNotContain(topic("stock-service", "stock-requests", AclOperation.WRITE),
                topic("stock-service", "order-validations", AclOperation.READ));
    }

    @Test
    void eachServiceOwnsWhatStartsWithItsApplicationId() {
        List<AclBinding> payment = KafkaAcls.forService("payment-service");

        assertThat(payment).contains(
                topic("payment-service", "payment-service-dlq", AclOperation.WRITE),
                binding("payment-service", ResourceType.TOPIC, "payment-service-", PatternType.PREFIXED, AclOperation.ALL),
                binding("payment-service", ResourceType.GROUP, "payment-service", PatternType.PREFIXED, AclOperation.READ),
                binding("payment-service", ResourceType.TRANSACTIONAL_ID, "payment-service", PatternType.PREFIXED,
                        AclOperation.WRITE));
        assertThat(payment).allMatch(b -> b.entry().principal().equals("User:payment-service")
                && b.entry().permissionType() == AclPermissionType.ALLOW);
    }

    @Test
    void noServiceCreatesOrReadsAnotherServicesTopicsOrTouchesTheCluster() {
        List<AclBinding> all = KafkaAcls.forServices(OrderflowService.moduleNames());

        assertThat(all).noneMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER);
        assertThat(all).noneMatch(b -> b.pattern().patternType() == PatternType.LITERAL
                && (b.entry().operation() == AclOperation.CREATE || b.entry().operation() == AclOperation.ALL));
        // Only orders-service reads what fulfillment writes.
        assertThat(all).filteredOn(b -> b.pattern().name().equals("shipments") && b.entry().operation() == AclOperation.READ)
                .extracting(b -> b.entry().principal()).containsExactly("User:orders-service");
    }

    private static AclBinding topic(String module, String topic, AclOperation operation) {
        return binding(module, ResourceType.TOPIC, topic, PatternType.LITERAL, operation);
    }

    private static AclBinding binding(String module, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + module, "*", operation, AclPermissionType.ALLOW));
    }
}
