package io.orderflow.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for on the command line.
 *
 * @param dataDir       root of all state (broker storage, service state dirs, logs); survives restarts
 * @param clean         wipe {@code dataDir} before starting
 * @param services      services to start, in start order
 * @param instances     instances per service in {@code services} (1 unless raised with --instances)
 * @param kafkaPort     the broker's client port; the controller listens on the next port
 * @param issuerPort    the dev issuer's port (its URI, {@code http://localhost:<port>}, is in every token)
 * @param startServices false with --no-services: broker and topics only
 * @param secureKafka   SASL/SCRAM and ACLs on the broker (the default); false with --insecure-kafka
 * @param help          print usage and exit
 */
record StackOptions(Path dataDir, boolean clean, List<OrderflowService> services,
                    Map<OrderflowService, Integer> instances, int kafkaPort, int issuerPort, boolean startServices,
                    boolean secureKafka, boolean help) {

    static final int DEFAULT_KAFKA_PORT = 9092;

    static final String USAGE = """
            Usage: run-local.sh [--build] [options]
              --data-dir DIR           state and logs (default: .data under the project root;
                                       a relative DIR is taken from the project root)
              --clean                  wipe the data dir first (topics, stores and logs are lost)
              --services a,b           start only these services (default: all five)
              --instances svc=N[,...]  run N instances of a service, or all=N of every one (extra
                                       ones get free ports and their own state dir, e.g.
                                       .data/stock-service-2)
              --kafka-port PORT        broker port (default 9092; the controller uses PORT+1)
              --issuer-port PORT       the dev issuer's port (default 9000); the services trust the
                                       tokens of http://localhost:PORT
              --no-services            start the broker and create the topics only (no dev issuer)
              --insecure-kafka         run the broker open (PLAINTEXT, no ACLs) instead of with
                                       SASL/SCRAM-SHA-512 users and ACLs (see docs/security.md)
              --build                  (run-local.sh) rebuild the jars before starting
              -h, --help               this text
            Services: %s
            """.formatted(String.join(", ", OrderflowService.moduleNames()));

    StackOptions {
        services = List.copyOf(services);
        instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    }

    int instancesOf(OrderflowService service) {
        return instances.getOrDefault(service, 0);
    }

    int controllerPort() {
        return kafkaPort + 1;
    }

    /**
     * @throws IllegalArgumentException with a message meant for the user
     */
    static StackOptions parse(List<String> args, Path projectRoot) {
        Path dataDir = projectRoot.resolve(".data");
        boolean clean = false;
        boolean startServices = true;
        boolean help = false;
        boolean secureKafka = true;
        int kafkaPort = DEFAULT_KAFKA_PORT;
        int issuerPort = DevIssuerProcess.DEFAULT_PORT;
        List<OrderflowService> services = List.of(OrderflowService.values());
        InstanceCounts counts = InstanceCounts.one();

        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            Flag parsed = Flag.of(arg);
            String flag = parsed.name();
            String inlineValue = parsed.inlineValue();
            switch (flag) {
                case "--clean" -> clean = true;
                case "--no-services" -> startServices = false;
                case "--insecure-kafka" -> secureKafka = false;
                case "-h", "--help" -> help = true;
                case "--data-dir", "--services", "--instances", "--kafka-port", "--issuer-port" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new IllegalArgumentException(flag + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (flag) {
                        case "--data-dir" -> dataDir = projectRoot.resolve(value).normalize();
                        case "--services" -> services = parseServices(value);
                        case "--instances" -> counts = counts.plus(value);
                        case "--kafka-port" -> kafkaPort = parsePort(flag, value, 65534);
                        default -> issuerPort = parsePort(flag, value, 65535);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }

        Map<OrderflowService, Integer> instances = new LinkedHashMap<>();
        for (OrderflowService service : services) {
            instances.put(service, counts.of(service.moduleName()));
        }
        for (String named : counts.named()) {
            OrderflowService service = service(named);
            if (!services.contains(service)) {
                throw new IllegalArgumentException(
                        "--instances names " + service.moduleName() + ", which is not in --services");
            }
        }
        if (startServices) {
            checkIssuerPortIsItsOwn(issuerPort, kafkaPort, services);
        } else {
            services = List.of();
            instances = Map.of();
        }
        return new StackOptions(dataDir.toAbsolutePath().normalize(), clean, services, instances,
                kafkaPort, issuerPort, startServices, secureKafka, help);
    }

    /** The issuer runs beside the broker and the services: a port of theirs would fail the start much later. */
    private static void checkIssuerPortIsItsOwn(int issuerPort, int kafkaPort, List<OrderflowService> services) {
        if (issuerPort == kafkaPort || issuerPort == kafkaPort + 1) {
            throw new IllegalArgumentException("--issuer-port " + issuerPort + " is one of Kafka's ports ("
                    + kafkaPort + ", " + (kafkaPort + 1) + ")");
        }
        for (OrderflowService service : services) {
            if (service.defaultPort() == issuerPort) {
                throw new IllegalArgumentException("--issuer-port " + issuerPort + " is " + service.moduleName()
                        + "'s port");
            }
        }
    }

    private static List<OrderflowService> parseServices(String value) {
        List<OrderflowService> services = new ArrayList<>();
        for (String name : value.split(",")) {
            OrderflowService service = service(name.trim());
            if (!services.contains(service)) {
                services.add(service);
            }
        }
        // Start in the canonical order whatever order the user typed.
        services.sort(null);
        return services;
    }

    private static OrderflowService service(String name) {
        return InstanceCounts.service(name);
    }

    /** @param max 65534 for Kafka, whose controller takes port + 1 */
    private static int parsePort(String flag, String value, int max) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > max) {
                throw new IllegalArgumentException(flag + " out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a number: " + value);
        }
    }
}
