package io.orderflow.deploy;

import io.orderflow.localstack.KafkaAcls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;

/**
 * docker/kafka-init.sh, compose's one-shot step that creates the users, topics and ACLs, as the tests read it:
 * its {@code allow PRINCIPAL TYPE NAME PATTERN OPERATION...} lines, {@code scram_user NAME PASSWORD_VARIABLE}
 * lines and its topic list.
 */
final class KafkaInitScript {

    static final String PATH = "docker/kafka-init.sh";

    private static final Pattern ALLOW = Pattern.compile("(?m)^allow (\\S+) (\\S+) (\\S+) (\\S+)((?: [A-Z_]+)+)$");
    private static final Pattern USER = Pattern.compile("(?m)^scram_user (\\S+) (\\S+)$");
    private static final Pattern TOPICS = Pattern.compile("(?s)\\ntopics=\\((.*?)\\n\\)");

    private KafkaInitScript() {
    }

    static String text() {
        return Repo.read(PATH);
    }

    /** One "principal type name pattern OPERATION" per ACL the script grants. */
    static Set<String> grantedAcls() {
        Set<String> acls = new TreeSet<>();
        Matcher m = ALLOW.matcher(text());
        while (m.find()) {
            for (String operation : m.group(5).trim().split(" ")) {
                acls.add(String.join(" ", m.group(1), m.group(2), m.group(3), m.group(4), operation));
            }
        }
        return acls;
    }

    /** The same for what {@link KafkaAcls} grants the local stack's service principals. */
    static Set<String> localStackAcls(List<String> modules) {
        return KafkaAcls.forServices(modules).stream().map(KafkaInitScript::line).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The {@code allow} lines the script would need for {@code modules}, grouped as the script writes them. */
    static String expectedAllowLines(List<String> modules) {
        Map<String, List<String>> operations = new LinkedHashMap<>();
        for (AclBinding binding : KafkaAcls.forServices(modules)) {
            String resource = line(binding);
            String key = resource.substring(0, resource.lastIndexOf(' '));
            operations.computeIfAbsent(key, k -> new ArrayList<>()).add(binding.entry().operation().name());
        }
        return operations.entrySet().stream().map(e -> "allow " + e.getKey() + " " + String.join(" ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** User name -> the environment variable its password comes from. */
    static Map<String, String> scramUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        Matcher m = USER.matcher(text());
        while (m.find()) {
            users.put(m.group(1), m.group(2));
        }
        return users;
    }

    static List<String> topics() {
        Matcher m = TOPICS.matcher(text());
        if (!m.find()) {
            throw new IllegalStateException(PATH + " has no topics=( ... ) list");
        }
        return m.group(1).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String line(AclBinding binding) {
        return String.join(" ", binding.entry().principal(), binding.pattern().resourceType().name().toLowerCase(),
                binding.pattern().name(), binding.pattern().patternType().name().toLowerCase(),
                binding.entry().operation().name());
    }
}
