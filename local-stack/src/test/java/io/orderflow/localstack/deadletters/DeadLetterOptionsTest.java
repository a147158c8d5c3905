package io.orderflow.localstack.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.localstack.deadletters.DeadLetterOptions.Command;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterOptionsTest {

    private static DeadLetterOptions parse(String... args) {
        return DeadLetterOptions.parse(List.of(args));
    }

    @Test
    void listReadsTheWholeTopicByDefault() {
        DeadLetterOptions options = parse("list", "stock-service");

        assertThat(options.command()).isEqualTo(Command.LIST);
        assertThat(options.service()).isEqualTo("stock-service");
        assertThat(options.deadLetterTopic()).isEqualTo("stock-service-dlq");
        assertThat(options.fromOffset()).isZero();
        assertThat(options.limit()).isEqualTo(Integer.MAX_VALUE);
        assertThat(options.bootstrap()).isNull();
        assertThat(options.commandConfig()).isNull();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsEveryListOptionInEitherForm() {
        DeadLetterOptions options = parse("list", "orders-service", "--bootstrap", "kafka:9093", "--from-offset=12",
                "--limit", "5", "--command-config", "client.properties", "--timeout=3");

        assertThat(options.bootstrap()).isEqualTo("kafka:9093");
        assertThat(options.fromOffset()).isEqualTo(12);
        assertThat(options.limit()).isEqualTo(5);
        assertThat(options.commandConfig()).isEqualTo(Path.of("client.properties"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void replayTakesChosenOffsetsOnceEachInTheOrderGiven() {
        DeadLetterOptions options = parse("replay", "stock-service", "--offsets", "2@10,0@3", "--offsets=2@10",
                "--dry-run");

        assertThat(options.command()).isEqualTo(Command.REPLAY);
        assertThat(options.offsets()).containsExactly(new DeadLetterPosition(2, 10), new DeadLetterPosition(0, 3));
        assertThat(options.all()).isFalse();
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void replayAll() {
        DeadLetterOptions options = parse("replay", "payment-service", "--all");

        assertThat(options.all()).isTrue();
        assertThat(options.offsets()).isEmpty();
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void helpAnywhereWins() {
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse("replay", "-h").help()).isTrue();
        assertThat(DeadLetterOptions.USAGE).contains("list <service>", "replay <service>", "--command-config",
                "stock-service", "Exit codes");
    }

    @Test
    void rejectsMistakesWithAMessageForTheUser() {
        assertThatThrownBy(() -> parse()).hasMessageContaining("Missing command");
        assertThatThrownBy(() -> parse("show", "stock-service")).hasMessageContaining("Unknown command: show");
        assertThatThrownBy(() -> parse("list")).hasMessageContaining("Missing service");
        assertThatThrownBy(() -> parse("list", "stock")).hasMessageContaining("Unknown service: stock");
        assertThatThrownBy(() -> parse("list", "stock-service", "extra")).hasMessageContaining("Unexpected argument: extra");
        assertThatThrownBy(() -> parse("list", "stock-service", "--frobnicate")).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> parse("list", "stock-service", "--limit")).hasMessageContaining("--limit needs a value");
        assertThatThrownBy(() -> parse("list", "stock-service", "--limit", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("list", "stock-service", "--from-offset", "x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("list", "stock-service", "--from-offset", "-1")).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> parse("list", "stock-service", "--all")).hasMessageContaining("for replay, not list");
        assertThatThrownBy(() -> parse("replay", "stock-service")).hasMessageContaining("--offsets P@O");
        assertThatThrownBy(() -> parse("replay", "stock-service", "--all", "--offsets", "0@1"))
                .hasMessageContaining("either --offsets");
        assertThatThrownBy(() -> parse("replay", "stock-service", "--all", "--limit", "3"))
                .hasMessageContaining("for list, not replay");
        assertThatThrownBy(() -> parse("replay", "stock-service", "--offsets", "3")).hasMessageContaining("partition@offset");
        assertThatThrownBy(() -> parse("replay", "stock-service", "--offsets", "0@x")).hasMessageContaining("partition@offset");
        assertThatThrownBy(() -> parse("replay", "stock-service", "--offsets", "0@-2")).hasMessageContaining("negative");
    }

    @Test
    void usageMistakesExitWithTwoAndHelpWithZeroWithoutTouchingKafka() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = DeadLetters.run(List.of("replay", "stock-service"), Map.of(), print(out), print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("dead-letters: replay needs").contains("Usage:");
        assertThat(out.size()).isZero();

        ByteArrayOutputStream helpOut = new ByteArrayOutputStream();
        assertThat(DeadLetters.run(List.of("--help"), Map.of(), print(helpOut), print(err))).isZero();
        assertThat(helpOut.toString(StandardCharsets.UTF_8)).startsWith("Usage:");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
