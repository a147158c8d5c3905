package io.orderflow.fraud.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FraudDataSetTest {

    @Test
    void theSameSeedGivesTheSameRows() {
        assertThat(FraudDataSet.generate(7, 2_000)).isEqualTo(FraudDataSet.generate(7, 2_000));
        assertThat(FraudDataSet.generate(7, 2_000)).isNotEqualTo(FraudDataSet.generate(8, 2_000));
    }

    @Test
    void aboutThreePercentIsLabelledFraudNoiseIncluded() {
        List<LabelledOrder> rows = FraudDataSet.generate(1, 50_000);

        double share = rows.stream().filter(LabelledOrder::fraud).count() / (double) rows.size();

        // 90% of the 3% fraud reported, plus 0.2% of the 97% legitimate disputed: about 2.9%.
        assertThat(share).isCloseTo(0.03 * 0.9 + 0.97 * 0.002, Offset.offset(0.004));
    }
}
