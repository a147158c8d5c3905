package io.orderflow.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SCRAM-SHA-512 users of a secured broker and their passwords: {@value #ADMIN} (super user: topics, ACLs,
 * the tools) and one per service, named after its module. Generated when the storage is formatted and kept
 * beside it, owner-only, in {@code <data-dir>/kafka/credentials.properties}; the broker learns them at format
 * time ({@link #formatArguments()}), clients get them as {@link #clientProperties} or {@link #serviceEnvironment}.
 */
public final class KafkaCredentials {

    public static final String ADMIN = "admin";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";
    static final String FILE_NAME = "credentials.properties";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(passwords));
    }

    /** Fresh random passwords for {@value #ADMIN} and {@code users}. */
    public static KafkaCredentials generate(Collection<String> users) {
        Map<String, String> passwords = new TreeMap<>();
        passwords.put(ADMIN, newPassword());
        users.forEach(user -> passwords.put(user, newPassword()));
        return new KafkaCredentials(passwords);
    }

    /** These and fresh passwords for {@code users} that have none yet. */
    KafkaCredentials plus(Collection<String> users) {
        Map<String, String> more = new TreeMap<>(passwords);
        users.forEach(user -> more.putIfAbsent(user, newPassword()));
        return new KafkaCredentials(more);
    }

    static KafkaCredentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> passwords = new TreeMap<>();
        properties.stringPropertyNames().forEach(user -> passwords.put(user, properties.getProperty(user)));
        if (!passwords.containsKey(ADMIN)) {
            throw new IllegalStateException(file + " has no password for " + ADMIN);
        }
        return new KafkaCredentials(passwords);
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# SCRAM-SHA-512 passwords of this broker's users, set when its storage was formatted.\n");
        new TreeMap<>(passwords).forEach((user, password) -> text.append(user).append('=').append(password).append('\n'));
        writeOwnerOnly(file, text.toString());
    }

    public Set<String> users() {
        return passwords.keySet();
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user + " (known: " + new TreeMap<>(passwords).keySet() + ")");
        }
        return password;
    }

    /** The settings a Kafka client of {@code user} adds to its bootstrap servers. */
    public Map<String, String> clientProperties(String user) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", SECURITY_PROTOCOL);
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", scramJaas(user, password(user)));
        return properties;
    }

    /** The same for a service, as the environment variables its {@code orderflow.kafka.client.*} binds. */
    public Map<String, String> serviceEnvironment(String user) {
        Map<String, String> env = new LinkedHashMap<>();
        clientProperties(user).forEach((name, value) ->
                env.put("ORDERFLOW_KAFKA_CLIENT_" + name.toUpperCase().replace('.', '_'), value));
        return env;
    }

    /** {@code StorageTool format} arguments that create every user's SCRAM credential in the new cluster. */
    List<String> formatArguments() {
        return new TreeMap<>(passwords).entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of("--add-scram",
                        MECHANISM + "=[name=" + e.getKey() + ",password=" + e.getValue() + "]"))
                .toList();
    }

    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Writes {@code text} so that only the owner can read it (it holds passwords). */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Hex: no character that would need quoting in JAAS, a properties file or the StorageTool's {@code [..]} syntax. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
