package io.orderflow.fraud.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fraud.features.FraudFeatures;
import io.orderflow.fraud.model.ModelRelease;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FraudTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    private static final FraudTrainer.Settings SETTINGS = FraudTrainer.Settings.DEFAULT;

    private static ModelRelease release;

    @BeforeAll
    static void train() {
        release = new FraudTrainer(CLOCK).train(SETTINGS);
    }

    @Test
    void theSameSeedGivesTheSameTreesByteForByte() {
        ModelRelease again = new FraudTrainer(CLOCK).train(SETTINGS);

        assertThat(again.model()).isEqualTo(release.model());
        assertThat(again.training()).isEqualTo(release.training());
    }

    @Test
    void anotherSeedGivesOtherTrees() {
        ModelRelease other = new FraudTrainer(CLOCK).train(new FraudTrainer.Settings(SETTINGS.seed() + 1,
                SETTINGS.rows(), SETTINGS.rounds(), SETTINGS.maxDepth(), SETTINGS.eta(), 1, SETTINGS.threshold()));

        assertThat(other.model()).isNotEqualTo(release.model());
    }

    /** The floor docs/fraud-model.md reports against: a change to the data set or the trainer must not sink below. */
    @Test
    void theDefaultModelMeetsItsQualityFloorOnHeldOutRows() {
        ModelRelease.Training how = release.training();

        assertThat(how.heldOut()).isEqualTo(SETTINGS.rows() / 4);
        assertThat(how.auc()).isGreaterThan(0.93);
        assertThat(how.precision()).isGreaterThan(0.80);
        assertThat(how.recall()).isGreaterThan(0.80);
    }

    @Test
    void theFiguresAreThoseOfRowsTheTreesNeverSaw() {
        // A fresh data set of another seed is unseen too: the figures hold there within noise.
        List<LabelledOrder> unseen = FraudDataSet.generate(SETTINGS.seed() + 100, 10_000);

        ModelQuality quality = FraudTrainer.measure(release, unseen);

        assertThat(quality.auc()).isCloseTo(release.training().auc(), org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void theReleaseNamesTheServicesFeaturesAndItsTraining() {
        assertThat(release.features()).isEqualTo(FraudFeatures.NAMES);
        assertThat(release.version()).isEqualTo(1);
        assertThat(release.threshold()).isEqualTo(0.5);
        assertThat(release.trainedAt()).isEqualTo(CLOCK.instant());
        assertThat(release.format()).isEqualTo(ModelRelease.XGBOOST_UBJ);
        assertThat(release.training().library()).isEqualTo("xgboost4j 3.4.0");
        assertThat(release.training().seed()).isEqualTo(SETTINGS.seed());
    }
}
