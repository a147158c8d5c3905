package io.orderflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository as the descriptors see it: the build's modules, the services' configuration, the descriptor files. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("orderflow.root", "..")).toAbsolutePath().normalize();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** ${NAME} or ${NAME:default} where NAME looks like an environment variable. */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        return JSON.readTree(read(relative));
    }

    static JsonNode jsonResource(String name) {
        try (var in = Repo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(read(relative));
    }

    /** Modules the root pom builds (commented-out ones are not built, so they are not listed). */
    static List<String> modules() {
        Element project = rootPom().getDocumentElement();
        NodeList modules = ((Element) project.getElementsByTagName("modules").item(0)).getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent().trim());
        }
        return names;
    }

    /** The deployable services: modules with a Spring Boot application.properties. */
    /** The five services: the Spring Boot applications that are not the dev issuer (a laptop's tool, never deployed). */
    static List<String> serviceModules() {
        return modules().stream()
                .filter(module -> module.endsWith("-service"))
                .filter(module -> Files.isRegularFile(path(module + "/src/main/resources/application.properties")))
                .collect(Collectors.toList());
    }

    static String projectVersion() {
        Element project = rootPom().getDocumentElement();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals("version")) {
                return element.getTextContent().trim();
            }
        }
        throw new IllegalStateException("root pom has no version");
    }

    static Document rootPom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse the root pom", e);
        }
    }

    static Properties properties(String relative) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path(relative))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Properties sharedDefaults() {
        return properties("service-support/src/main/resources/orderflow-defaults.properties");
    }

    static Properties applicationProperties(String service) {
        return properties(service + "/src/main/resources/application.properties");
    }

    static int serverPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("server.port"));
    }

    /**
     * Environment variables the service reads: every ${NAME...} placeholder in the shared defaults and in its
     * application.properties, plus SERVER_PORT (Spring Boot binds it to server.port).
     */
    static Set<String> environmentRead(String service) {
        Set<String> names = new TreeSet<>();
        names.add("SERVER_PORT");
        for (Properties properties : List.of(sharedDefaults(), applicationProperties(service))) {
            for (String value : properties.stringPropertyNames().stream().map(properties::getProperty).toList()) {
                Matcher matcher = ENV_PLACEHOLDER.matcher(value);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    /**
     * {@code names} without the Kafka client settings, {@code ORDERFLOW_KAFKA_CLIENT_<NAME>}: service-support binds
     * them all to the map {@code orderflow.kafka.client} (relaxed binding), so no placeholder names them one by one.
     */
    static Set<String> withoutKafkaClientSettings(Set<String> names) {
        if (!read("service-support/src/main/resources/orderflow-defaults.properties").contains("ORDERFLOW_KAFKA_CLIENT_<NAME>")) {
            throw new IllegalStateException("service-support no longer documents ORDERFLOW_KAFKA_CLIENT_<NAME>");
        }
        return names.stream().filter(name -> !name.startsWith(KAFKA_CLIENT_PREFIX)).collect(Collectors.toCollection(TreeSet::new));
    }

    static final String KAFKA_CLIENT_PREFIX = "ORDERFLOW_KAFKA_CLIENT_";

    /** The Marathon app definition files: every JSON in dcos/ but the group and the Kafka options. */
    static Map<String, JsonNode> marathonApps() {
        Map<String, JsonNode> apps = new LinkedHashMap<>();
        try (var files = Files.list(path("dcos"))) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .filter(name -> !name.equals("orderflow-group.json") && !name.equals("kafka-options.json"))
                    .sorted()
                    .forEach(name -> apps.put(name.substring(0, name.length() - ".json".length()), json("dcos/" + name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return apps;
    }

    static JsonNode marathonGroup() {
        return json("dcos/orderflow-group.json");
    }

    static JsonNode kafkaOptions() {
        return json("dcos/kafka-options.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() {
        return (Map<String, Map<String, Object>>) yaml("docker-compose.yml").get("services");
    }
}
