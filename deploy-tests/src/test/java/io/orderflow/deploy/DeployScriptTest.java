package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcos/deploy.sh creates exactly the topics the code uses, the way the code needs them, and fails clearly without a CLI. */
class DeployScriptTest {

    @TempDir
    Path temp;

    @Test
    void itCreatesEverySharedTopicAndEachServicesDeadLetterTopicAndNothingElse() {
        List<String> expected = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            expected.add(topic.name());
        }
        for (String service : Repo.serviceModules()) {
            expected.add(Topics.deadLetterTopic(Repo.applicationProperties(service).getProperty("spring.application.name")));
        }

        assertThat(DeployScript.topics()).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void itCreatesTopicsWithTheCodesPartitionCountAndTheClustersReplication() {
        assertThat(Integer.parseInt(DeployScript.variable("PARTITIONS"))).isEqualTo(Topics.PARTITIONS);
        assertThat(DeployScript.variable("REPLICATION"))
                .isEqualTo(Repo.kafkaOptions().path("kafka").path("default_replication_factor").asString());
    }

    @Test
    void itInstallsTheKafkaServiceTheAppsConnectTo() {
        assertThat(DeployScript.variable("KAFKA_SERVICE_NAME"))
                .isEqualTo(Repo.kafkaOptions().path("service").path("name").asString());
        // Confluent Platform 5.5 is Apache Kafka 2.5, the first broker version exactly_once_v2 works with.
        assertThat(DeployScript.variable("KAFKA_PACKAGE")).isEqualTo("confluent-kafka");
        assertThat(DeployScript.variable("KAFKA_PACKAGE_VERSION")).endsWith("-5.5.1");
    }

    @Test
    void withoutTheDcosCliItStopsBeforeDoingAnythingAndSaysWhy() throws Exception {
        Result result = run(List.of(), "/usr/bin:/bin");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("the dcos CLI is not on PATH");
    }

    @Test
    void withACliItInstallsKafkaWaitsCreatesTheTopicsAndAddsTheGroup() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path calls = temp.resolve("calls.log");
        Path addedGroup = temp.resolve("group.json");
        // A stand-in for the dcos CLI: records every call and answers like a cluster with nothing installed yet.
        String fake = """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case "$*" in
                  "cluster list --attached") exit 0 ;;
                  "marathon app show /kafka") exit 1 ;;
                  "marathon group show /orderflow") exit 1 ;;
                  *"plan status deploy") echo "deploy (serial strategy) (COMPLETE)" ;;
                  *"topic list") echo '["orders"]' ;;
                  "marathon group add "*) cp "$4" "%s" ;;
                  "marathon deployment list --json") echo '[]' ;;
                esac
                exit 0
                """.formatted(calls, addedGroup);
        Path dcos = bin.resolve("dcos");
        Files.writeString(dcos, fake);
        Files.setPosixFilePermissions(dcos, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = run(List.of("IMAGE_REGISTRY=registry.example.com/", "IMAGE_TAG=1.2.3", "POLL_SECONDS=0"),
                bin + ":/usr/bin:/bin");

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> log = Files.readAllLines(calls);
        assertThat(log).contains("package install confluent-kafka --package-version=2.10.0-5.5.1 --options=kafka-options.json --yes");
        List<String> created = log.stream().filter(call -> call.contains(" topic create ")).toList();
        assertThat(created).hasSize(DeployScript.topics().size() - 1).allMatch(call -> call.endsWith("--partitions=6 --replication=3"));
        assertThat(created).noneMatch(call -> call.contains("topic create orders "));
        assertThat(log.indexOf("confluent-kafka --name=kafka plan status deploy"))
                .isLessThan(log.indexOf(created.get(0)));
        String group = Files.readString(addedGroup);
        assertThat(group).contains("\"image\": \"registry.example.com/orderflow/orders-service:1.2.3\"")
                .doesNotContain("0.1.0-SNAPSHOT");
        assertThat(group.replace("registry.example.com/", "").replace(":1.2.3\"", ":" + Repo.projectVersion() + "\""))
                .isEqualTo(Repo.read("dcos/orderflow-group.json"));
    }

    private Result run(List<String> environment, String path) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=" + path, "HOME=" + temp));
        command.addAll(environment);
        command.addAll(List.of("bash", Repo.path("dcos/deploy.sh").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("deploy.sh did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
