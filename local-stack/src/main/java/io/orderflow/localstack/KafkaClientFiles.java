package io.orderflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files with which something outside the stack connects to its secured broker, all owner-only (they hold
 * passwords): {@value #ADMIN_CLIENT} for the admin principal, a client config as Kafka's tools take it
 * ({@code kafka-topics.sh --command-config}, {@code ./dead-letters.sh}); and {@code <service>.env} for each
 * service, the environment an extra instance of it needs to connect as that service's principal.
 */
public final class KafkaClientFiles {

    public static final String ADMIN_CLIENT = "admin-client.properties";

    private KafkaClientFiles() {
    }

    /** @return the files written, the admin client config first, then one per user of the broker's but the admin */
    public static List<Path> write(KafkaBrokerProcess broker, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Path admin = dir.resolve(ADMIN_CLIENT);
        KafkaCredentials.writeOwnerOnly(admin, adminClientConfig(broker));
        written.add(admin);
        for (String module : broker.credentials().users()) {
            if (module.equals(KafkaCredentials.ADMIN)) {
                continue;
            }
            Path env = dir.resolve(module + ".env");
            KafkaCredentials.writeOwnerOnly(env, serviceEnv(broker, module));
            written.add(env);
        }
        return written;
    }

    /** Removes what {@link #write} wrote, for a run on an open broker. */
    public static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(ADMIN_CLIENT));
        for (String module : OrderflowService.moduleNames()) {
            Files.deleteIfExists(dir.resolve(module + ".env"));
        }
    }

    static String adminClientConfig(KafkaBrokerProcess broker) {
        StringBuilder text = new StringBuilder("# The local stack's Kafka admin (super user), e.g.\n"
                + "# kafka-topics.sh --bootstrap-server " + broker.bootstrapServers()
                + " --command-config " + ADMIN_CLIENT + " --list\n");
        for (Map.Entry<String, Object> e : broker.adminClientProperties().entrySet()) {
            // Properties-file escaping: the JAAS line has '=' and '"', which load back unchanged; only '\' would not.
            text.append(e.getKey()).append('=').append(String.valueOf(e.getValue()).replace("\\", "\\\\")).append('\n');
        }
        return text.toString();
    }

    static String serviceEnv(KafkaBrokerProcess broker, String module) {
        StringBuilder text = new StringBuilder("# " + module + "'s Kafka principal, for an extra instance:"
                + " set -a; . ./" + module + ".env; set +a\n");
        text.append("KAFKA_BOOTSTRAP_SERVERS=").append(broker.bootstrapServers()).append('\n');
        broker.credentials().serviceEnvironment(module)
                .forEach((name, value) -> text.append(name).append("='").append(value).append("'\n"));
        return text.toString();
    }
}
