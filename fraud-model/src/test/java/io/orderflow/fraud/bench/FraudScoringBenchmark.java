package io.orderflow.fraud.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fraud.features.FraudFeatures;
import io.orderflow.fraud.features.OrderFacts;
import io.orderflow.fraud.model.FraudModel;
import io.orderflow.fraud.training.FraudDataSet;
import io.orderflow.fraud.training.FraudTrainer;
import io.orderflow.fraud.training.LabelledOrder;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the model costs an order, in microseconds: the feature row from the order's facts, and that plus the
 * default model's score (60 trees of depth 4, one thread, XGBoost's in-place prediction), over 4,096 orders of
 * the data set in turn. A JMH benchmark, not a test the build runs (the name keeps it out of surefire's default
 * includes); run with
 * {@code ./mvnw -o -q -B -pl fraud-model test -Dtest=FraudScoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (about 2 minutes): the figures are printed and written to
 * {@code fraud-model/target/surefire-reports/*FraudScoringBenchmark-output.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FraudScoringBenchmark {

    private FraudModel model;
    private OrderFacts[] orders;
    private final float[] row = new float[FraudFeatures.COUNT];
    private int next;

    @Setup
    public void setUp() throws Exception {
        model = FraudModel.load(new FraudTrainer(Clock.systemUTC()).train(FraudTrainer.Settings.DEFAULT));
        orders = FraudDataSet.generate(7, 4096).stream().map(LabelledOrder::facts).toArray(OrderFacts[]::new);
    }

    @Benchmark
    public float features() {
        FraudFeatures.write(orders[next++ & 4095], row);
        return row[7];
    }

    @Benchmark
    public double featuresAndScore() {
        return model.score(orders[next++ & 4095]);
    }

    @Test
    void run() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(FraudScoringBenchmark.class.getName() + "\\.").build()).run();

        List<String> names = results.stream().map(r -> r.getParams().getBenchmark()).toList();
        assertThat(names).hasSize(2);
        results.forEach(r -> System.out.printf("%s: %.2f us per order%n", r.getParams().getBenchmark(),
                r.getPrimaryResult().getScore()));
    }
}
