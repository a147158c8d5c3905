package io.orderflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One combined broker+controller KRaft node in a child JVM, with its storage in {@code <data-dir>/kafka}.
 *
 * <p>The storage is formatted once and the cluster id kept next to it, so a restart finds its topics,
 * offsets and Streams changelogs again. Public for the benchmarks, which start their own broker.
 *
 * <p>The same class runs one node of a static multi-node quorum ({@link ClusterNode}, see
 * {@link KafkaClusterProcess}); without one it is the standalone node the local stack uses.
 */
public final class KafkaBrokerProcess {

    static final String HOST = "127.0.0.1";
    /**
     * The launcher's log4j2.xml by name: log4j2 prefers any log4j2.yaml on the class path to it, and a test class
     * path carries Kafka's test jars, whose log4j2.yaml turns all logging off.
     */
    private static final String LOG_CONFIG = "-Dlog4j2.configurationFile=log4j2.xml";

    private final Path kafkaDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    /** Null for the standalone node. */
    private final ClusterNode clusterNode;
    /** The SCRAM users to create at format time; null for an open (PLAINTEXT) broker. */
    private final Collection<String> users;
    private KafkaCredentials credentials;
    /** Users the storage was formatted without (a service added since): created by {@link #createMissingUsers}. */
    private List<String> missingUsers = List.of();
    private Process process;

    /**
     * This node's place in a cluster with a static voter set.
     *
     * @param voters    {@code controller.quorum.voters}, the same on every node
     * @param clusterId the same on every node: they only form one cluster if their storage says so
     * @param settings  cluster-wide settings laid over the single-node ones (replication factors, heap aside)
     * @param maxHeap   e.g. {@code 384m}
     */
    record ClusterNode(int nodeId, String voters, String clusterId, Map<String, String> settings, String maxHeap) {
    }

    /**
     * @param dataDir   the stack's data dir; the broker owns {@code kafka/} and {@code logs/kafka.log} in it
     * @param classpath where kafka.Kafka and a log4j2 binding are found (the launcher passes its own)
     */
    public KafkaBrokerProcess(Path dataDir, int port, int controllerPort, String classpath) {
        this(dataDir.resolve("kafka"), dataDir.resolve("logs").resolve("kafka.log"), port, controllerPort, classpath,
                null, null);
    }

    /**
     * A node secured as the local stack runs it by default: clients authenticate with SASL/SCRAM-SHA-512 as
     * {@value KafkaCredentials#ADMIN} or one of {@code users} (passwords generated when the storage is formatted,
     * see {@link #credentials()}), and {@code StandardAuthorizer} allows only what ACLs grant ({@link KafkaAcls}).
     */
    public static KafkaBrokerProcess secured(Path dataDir, int port, int controllerPort, String classpath,
            Collection<String> users) {
        return new KafkaBrokerProcess(dataDir.resolve("kafka"), dataDir.resolve("logs").resolve("kafka.log"), port,
                controllerPort, classpath, null, List.copyOf(users));
    }

    /** A node of a cluster, owning {@code kafkaDir} and {@code logFile}. */
    KafkaBrokerProcess(Path kafkaDir, Path logFile, int port, int controllerPort, String classpath,
            ClusterNode clusterNode) {
        this(kafkaDir, logFile, port, controllerPort, classpath, clusterNode, null);
    }

    private KafkaBrokerProcess(Path kafkaDir, Path logFile, int port, int controllerPort, String classpath,
            ClusterNode clusterNode, Collection<String> users) {
        this.kafkaDir = kafkaDir;
        this.logFile = logFile;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.clusterNode = clusterNode;
        this.users = users;
    }

    /** Settings for a single node: every internal topic must fit on one replica. */
    static Map<String, String> serverProperties(Path logDirs, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // --standalone formatting writes this node as the only voter; the bootstrap servers find it.
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirs.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        // Without these, initTransactions (so every exactly-once Streams app) waits forever.
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Streams apps start one by one; waiting 3 s for more members only slows the local stack down.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from Topics.ALL; a typo in a service must fail, not create a stray topic.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /**
     * The single-node settings secured: the client (and inter-broker) listener takes SASL/SCRAM-SHA-512 on the same
     * port; the controller listener takes SASL/PLAIN with the admin as its only user (KRaft cannot check SCRAM
     * there: those credentials live in the metadata the controller serves), so nobody without the admin password
     * reaches the controller either. The admin is the only super user, and what no ACL allows is denied.
     */
    static Map<String, String> securedServerProperties(Path logDirs, int port, int controllerPort, String adminPassword) {
        Map<String, String> p = serverProperties(logDirs, port, controllerPort);
        String client = "SASL_PLAINTEXT://" + HOST + ":" + port;
        String controller = "CONTROLLER://" + HOST + ":" + controllerPort;
        p.put("listeners", client + "," + controller);
        p.put("advertised.listeners", client + "," + controller);
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                KafkaCredentials.scramJaas(KafkaCredentials.ADMIN, adminPassword));
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaCredentials.ADMIN
                        + "\" password=\"" + adminPassword + "\" user_" + KafkaCredentials.ADMIN + "=\"" + adminPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", KafkaAcls.principal(KafkaCredentials.ADMIN));
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** Settings for a node of a static quorum: the single-node ones with its id, the voters and the cluster's settings. */
    static Map<String, String> serverProperties(Path logDirs, int port, int controllerPort, ClusterNode node) {
        Map<String, String> p = serverProperties(logDirs, port, controllerPort);
        if (node == null) {
            return p;
        }
        p.put("node.id", Integer.toString(node.nodeId()));
        // A static voter set: every node knows the others from its config, no bootstrap or dynamic membership.
        p.remove("controller.quorum.bootstrap.servers");
        p.put("controller.quorum.voters", node.voters());
        p.putAll(node.settings());
        return p;
    }

    Path serverPropertiesFile() {
        return kafkaDir.resolve("server.properties");
    }

    public Path logFile() {
        return logFile;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public boolean isSecured() {
        return users != null;
    }

    /** The users and passwords of a secured broker, known once its storage is formatted (or found formatted). */
    public KafkaCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException(isSecured() ? "storage not formatted yet" : "an open broker has no credentials");
        }
        return credentials;
    }

    /** What a client of {@code user} needs: the bootstrap servers and, on a secured broker, its credentials. */
    public Map<String, Object> clientProperties(String user) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (isSecured()) {
            properties.putAll(credentials().clientProperties(user));
        }
        return properties;
    }

    /** {@link #clientProperties} of {@value KafkaCredentials#ADMIN}: topics, ACLs, the tools. */
    public Map<String, Object> adminClientProperties() {
        return clientProperties(KafkaCredentials.ADMIN);
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    Process process() {
        return process;
    }

    /**
     * Formats the storage unless an earlier run did.
     *
     * @return true if it formatted new (empty) storage
     */
    boolean formatStorageIfNeeded() throws IOException, InterruptedException {
        Path logDirs = kafkaDir.resolve("data");
        boolean formatted = Files.exists(logDirs.resolve("meta.properties"));
        if (isSecured()) {
            loadOrCreateCredentials(formatted);
        }
        writeServerProperties();
        if (formatted) {
            return false;
        }
        // Same as `StorageTool random-uuid`; kept so a half-finished format is retried with the same id.
        Path clusterIdFile = kafkaDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            String id = clusterNode == null ? Uuid.randomUuid().toString() : clusterNode.clusterId();
            Files.writeString(clusterIdFile, id + "\n");
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        List<String> command = new ArrayList<>(List.of(ProcessSupport.javaExecutable(), "-Xmx256m", LOG_CONFIG,
                "-cp", classpath, "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", serverPropertiesFile().toString()));
        if (clusterNode == null) {
            command.add("--standalone");
        }
        if (isSecured()) {
            command.addAll(credentials.formatArguments());
        }
        Process format = ProcessSupport.start(command, logFile, Map.of());
        if (!format.waitFor(60, TimeUnit.SECONDS)) {
            format.destroyForcibly();
            throw new IllegalStateException("Formatting Kafka storage took over 60 s; see " + logFile);
        }
        if (format.exitValue() != 0) {
            ProcessSupport.printTail(logFile, 20);
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + format.exitValue() + "); see " + logFile);
        }
        return true;
    }

    /**
     * The passwords kept beside the storage. Storage formatted without them (an older, open local stack) has no
     * SCRAM users, and they can only be added through a client that can already authenticate: so it is refused
     * with the way out, not started half-secured.
     */
    private void loadOrCreateCredentials(boolean formatted) throws IOException {
        Path file = kafkaDir.resolve(KafkaCredentials.FILE_NAME);
        if (formatted && !Files.exists(file)) {
            throw new IllegalStateException("the Kafka storage in " + kafkaDir + " was formatted by an older local stack,"
                    + " without SASL users; start with --clean to format it afresh (this deletes the stack's data),"
                    + " or with --insecure-kafka to run it open as before");
        }
        if (Files.exists(file)) {
            credentials = KafkaCredentials.read(file);
            List<String> missing = users.stream().filter(u -> !credentials.users().contains(u)).toList();
            if (formatted && !missing.isEmpty()) {
                // The admin can add them once the broker is up: the storage's own users are intact.
                credentials = credentials.plus(missing);
                credentials.write(file);
                missingUsers = missing;
            }
            if (formatted || missing.isEmpty()) {
                return;
            }
        }
        // Not formatted yet (or a format that did not finish): new passwords, kept before the format uses them.
        credentials = KafkaCredentials.generate(users);
        credentials.write(file);
    }

    String clusterId() throws IOException {
        return Files.readString(kafkaDir.resolve("cluster.id")).trim();
    }

    public void start() throws IOException, InterruptedException {
        if (isAlive()) {
            throw new IllegalStateException("Broker already running, pid " + process.pid());
        }
        formatStorageIfNeeded();
        String maxHeap = clusterNode == null ? "512m" : clusterNode.maxHeap();
        process = ProcessSupport.start(List.of(ProcessSupport.javaExecutable(), "-Xmx" + maxHeap,
                LOG_CONFIG, "-Dorderflow.log.level=INFO", "-Djava.awt.headless=true",
                "-cp", classpath, "kafka.Kafka", serverPropertiesFile().toString()), logFile, Map.of());
    }

    /**
     * Creates, as the admin, the SCRAM users the storage was formatted without (a service added since); nothing
     * when there are none. Call once the broker is ready.
     *
     * @return the users it created
     */
    public List<String> createMissingUsers() throws InterruptedException {
        if (missingUsers.isEmpty()) {
            return List.of();
        }
        List<UserScramCredentialAlteration> upserts = missingUsers.stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), credentials.password(user)))
                .toList();
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(upserts).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the Kafka users " + missingUsers + ": " + e.getCause(),
                    e.getCause());
        }
        List<String> created = missingUsers;
        missingUsers = List.of();
        return created;
    }

    /** Creates the ACL bindings; ones that already exist are left as they are, so running it again changes nothing. */
    public void createAcls(Collection<AclBinding> bindings) throws InterruptedException {
        try (Admin admin = admin()) {
            admin.createAcls(bindings).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the ACLs: " + e.getCause(), e.getCause());
        }
    }

    /** Waits until the broker answers metadata requests, failing early if its JVM dies. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!isAlive()) {
                    ProcessSupport.printTail(logFile, 30);
                    throw new IllegalStateException("Kafka broker exited with code " + process.exitValue() + "; see " + logFile);
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get();
                    return;
                } catch (ExecutionException notYet) {
                    if (System.nanoTime() > deadline) {
                        ProcessSupport.printTail(logFile, 30);
                        throw new IllegalStateException("Kafka broker not ready after " + timeout.toSeconds() + " s; see " + logFile);
                    }
                    // Most failures take the 2 s timeout; this only keeps an instant failure from spinning.
                    Thread.sleep(100);
                }
            }
        }
    }

    /**
     * Creates the topics that do not exist yet, RF 1.
     *
     * @return the names it created (the others already existed)
     */
    public List<String> createTopics(Collection<String> names, int partitions) throws InterruptedException {
        List<String> created = new ArrayList<>();
        try (Admin admin = admin()) {
            for (String name : names) {
                if (createTopic(admin, new NewTopic(name, partitions, (short) 1))) {
                    created.add(name);
                }
            }
        }
        return created;
    }

    private static boolean createTopic(Admin admin, NewTopic topic) throws InterruptedException {
        // A broker that just came up may briefly refuse with a retriable error (not yet unfenced).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                admin.createTopics(List.of(topic)).all().get();
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return false;
                }
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not create topic " + topic.name() + ": " + e.getCause(), e.getCause());
                }
                Thread.sleep(200);
            }
        }
    }

    /** SIGTERM (a controlled shutdown that flushes the logs), SIGKILL after {@code grace}. */
    public boolean stop(Duration grace) {
        if (process == null) {
            return true;
        }
        return ProcessSupport.stop(process, grace);
    }

    /** SIGKILL, as a crash: no controlled shutdown, nothing flushed. Waits until the JVM is gone. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            ProcessSupport.awaitOrKill(process, Duration.ofSeconds(30));
        }
    }

    /** SIGTERM without waiting, so a cluster can stop all its nodes together (see {@link #awaitStop}). */
    void signalStop() {
        if (process != null) {
            process.destroy();
        }
    }

    boolean awaitStop(Duration grace) {
        return process == null || ProcessSupport.awaitOrKill(process, grace);
    }

    private Admin admin() {
        Map<String, Object> config = adminClientProperties();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack");
        // While the broker boots every connect is refused; the default backoff (up to 1 s) would make us notice late.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(config);
    }

    private void writeServerProperties() throws IOException {
        Files.createDirectories(kafkaDir);
        StringBuilder text = new StringBuilder("# Written by local-stack on every start; edits are overwritten.\n");
        Map<String, String> properties = isSecured()
                ? securedServerProperties(kafkaDir.resolve("data"), port, controllerPort, credentials.password(KafkaCredentials.ADMIN))
                : serverProperties(kafkaDir.resolve("data"), port, controllerPort, clusterNode);
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        // The secured one holds the admin password.
        KafkaCredentials.writeOwnerOnly(serverPropertiesFile(), text.toString());
    }
}
