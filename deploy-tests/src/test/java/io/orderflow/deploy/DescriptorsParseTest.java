package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A descriptor that does not parse fails here, with its name, before any other test reads it. */
class DescriptorsParseTest {

    @Test
    void everyJsonAndYamlDescriptorParses() throws IOException {
        List<Path> descriptors;
        try (Stream<Path> dcos = Files.list(Repo.path("dcos"))) {
            descriptors = Stream.concat(dcos, Stream.of(Repo.path("docker-compose.yml")))
                    .filter(file -> file.toString().matches(".*\\.(json|ya?ml)$"))
                    .sorted()
                    .toList();
        }

        assertThat(descriptors).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : descriptors) {
            String relative = Repo.ROOT.relativize(file).toString();
            if (relative.endsWith(".json")) {
                assertThatCode(() -> Repo.json(relative)).as(relative).doesNotThrowAnyException();
            } else {
                assertThatCode(() -> Repo.yaml(relative)).as(relative).doesNotThrowAnyException();
                assertThat(Repo.yaml(relative)).as(relative).isNotEmpty();
            }
        }
    }
}
