package io.orderflow.fraud.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fraud.features.FraudFeatures;
import io.orderflow.fraud.features.OrderFacts;
import io.orderflow.fraud.training.FraudTrainer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FraudModelTest {

    private static ModelRelease release;

    @BeforeAll
    static void train() {
        release = new FraudTrainer(Clock.systemUTC()).train(FraudTrainer.Settings.DEFAULT);
    }

    /** The documented pattern: a freshly funded account emptied at night in a burst of big orders. */
    static OrderFacts takeover() {
        return new OrderFacts(new BigDecimal("640.00"), 1, 12, Instant.parse("2026-12-02T03:10:00Z"), 3,
                new BigDecimal("1500.00"), Duration.ofMinutes(4), Duration.ofHours(2));
    }

    static OrderFacts regular() {
        return new OrderFacts(new BigDecimal("59.90"), 2, 3, Instant.parse("2026-12-02T14:10:00Z"), 0,
                BigDecimal.ZERO, Duration.ofDays(6), Duration.ofDays(120));
    }

    @Test
    void scoresTheDocumentedPatternAsFraudAndARegularOrderAsNot() throws Exception {
        FraudModel model = FraudModel.load(release);

        assertThat(model.score(takeover())).isGreaterThan(0.9);
        assertThat(model.suspects(model.score(takeover()))).isTrue();
        assertThat(model.score(regular())).isLessThan(0.05);
        assertThat(model.suspects(model.score(regular()))).isFalse();
    }

    @Test
    void scoresAFirstOrderOfAnUnfundedCustomerWithMissingFeatures() throws Exception {
        FraudModel model = FraudModel.load(release);
        OrderFacts first = new OrderFacts(new BigDecimal("20.00"), 1, 1, Instant.parse("2026-12-02T10:00:00Z"), 0,
                BigDecimal.ZERO, null, null);

        assertThat(FraudFeatures.vector(first)[6]).isNaN();
        assertThat(model.score(first)).isBetween(0.0, 1.0);
    }

    @Test
    void aReleaseSurvivesItsRecordForm() throws Exception {
        ModelRelease decoded = ModelCodec.decode(ModelCodec.encode(release));

        assertThat(decoded.model()).isEqualTo(release.model());
        assertThat(decoded.as(1, release.threshold())).usingRecursiveComparison().isEqualTo(release);
        assertThat(FraudModel.load(decoded).score(takeover())).isEqualTo(FraudModel.load(release).score(takeover()));
    }

    @Test
    void refusesAReleaseWhoseFeaturesAreNotTheServicesOnes() {
        List<String> reordered = new ArrayList<>(FraudFeatures.NAMES);
        java.util.Collections.swap(reordered, 0, 1);
        ModelRelease other = new ModelRelease(2, reordered, 0.5, release.trainedAt(), release.training(),
                release.format(), release.model());

        assertThatThrownBy(() -> FraudModel.load(other)).isInstanceOf(ModelRefusedException.class)
                .hasMessageContaining("features");
    }

    @Test
    void refusesTreesThatDoNotLoad() {
        ModelRelease corrupt = new ModelRelease(3, FraudFeatures.NAMES, 0.5, release.trainedAt(),
                release.training(), release.format(), "not trees".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> FraudModel.load(corrupt)).isInstanceOf(ModelRefusedException.class)
                .hasMessageStartingWith("the trees do not load");
    }

    @Test
    void refusesAThresholdOutsideTheOpenUnitIntervalAndAnUnknownFormat() {
        assertThatThrownBy(() -> FraudModel.load(release.as(2, 1.0))).hasMessageContaining("threshold");
        assertThatThrownBy(() -> FraudModel.load(release.as(2, 0.0))).hasMessageContaining("threshold");
        assertThatThrownBy(() -> FraudModel.load(release.as(0, 0.5))).hasMessageContaining("version");
        ModelRelease onnx = new ModelRelease(2, FraudFeatures.NAMES, 0.5, release.trainedAt(), release.training(),
                "onnx", release.model());
        assertThatThrownBy(() -> FraudModel.load(onnx)).hasMessageContaining("format");
    }

    @Test
    void refusesBytesThatAreNotARelease() {
        assertThatThrownBy(() -> ModelCodec.decode("{\"version\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelRefusedException.class).hasMessageStartingWith("not a model release");
        assertThatThrownBy(() -> ModelCodec.decode(null)).hasMessageContaining("tombstone");
    }
}
