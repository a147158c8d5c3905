package io.orderflow.fraud.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelQualityTest {

    @Test
    void perfectSeparationIsAucOne() {
        ModelQuality quality = ModelQuality.of(new double[] {0.1, 0.2, 0.8, 0.9},
                new boolean[] {false, false, true, true}, 0.5);

        assertThat(quality).isEqualTo(new ModelQuality(1.0, 1.0, 1.0));
    }

    @Test
    void reversedScoresAreAucZeroAndTiesCountHalf() {
        assertThat(ModelQuality.of(new double[] {0.9, 0.1}, new boolean[] {false, true}, 0.5).auc()).isZero();
        assertThat(ModelQuality.of(new double[] {0.5, 0.5}, new boolean[] {false, true}, 0.4).auc()).isEqualTo(0.5);
    }

    @Test
    void precisionAndRecallCountStrictlyOverTheThreshold() {
        // Flagged: 0.7 (fraud), 0.6 (legitimate); 0.5 is at the threshold, not over: a missed fraud.
        ModelQuality quality = ModelQuality.of(new double[] {0.7, 0.6, 0.5, 0.1},
                new boolean[] {true, false, true, false}, 0.5);

        assertThat(quality.precision()).isEqualTo(0.5);
        assertThat(quality.recall()).isEqualTo(0.5);
    }
}
