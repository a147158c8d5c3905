package io.orderflow.fraud.tool;

import io.orderflow.fraud.model.ModelCodec;
import io.orderflow.fraud.model.ModelRelease;
import io.orderflow.fraud.training.FraudTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code ./fraud-model.sh train [--seed N] [--rows N] [--rounds N] [--max-depth N] [--eta X] [--version N]
 * [--threshold X] [--out FILE]}: generates the data set, trains, prints the held-out figures and writes the
 * release (JSON, the value a {@code fraud-models} record carries) to {@code FILE}
 * (default {@code fraud-model/target/fraud-model-v<version>.json}).
 */
public final class FraudModelTool {

    private FraudModelTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !"train".equals(args[0])) {
            usage("the command is 'train'");
        }
        FraudTrainer.Settings d = FraudTrainer.Settings.DEFAULT;
        long seed = d.seed();
        int rows = d.rows();
        int rounds = d.rounds();
        int maxDepth = d.maxDepth();
        double eta = d.eta();
        int version = d.version();
        double threshold = d.threshold();
        Path out = null;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            try {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--rows" -> rows = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--max-depth" -> maxDepth = Integer.parseInt(value);
                    case "--eta" -> eta = Double.parseDouble(value);
                    case "--version" -> version = Integer.parseInt(value);
                    case "--threshold" -> threshold = Double.parseDouble(value);
                    case "--out" -> out = Path.of(value);
                    default -> usage("unknown option " + args[i]);
                }
            } catch (NumberFormatException e) {
                usage(args[i] + ": '" + value + "' is not a number");
            }
            i++;
        }
        FraudTrainer.Settings settings;
        try {
            settings = new FraudTrainer.Settings(seed, rows, rounds, maxDepth, eta, version, threshold);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        Path file = out != null ? out : Path.of("fraud-model", "target", "fraud-model-v" + version + ".json");
        System.out.printf(Locale.ROOT, "training: %d rows (seed %d), %d trees of depth %d, eta %.2f...%n",
                rows, seed, rounds, maxDepth, eta);
        long started = System.nanoTime();
        ModelRelease release = new FraudTrainer(Clock.systemUTC()).train(settings);
        ModelRelease.Training how = release.training();
        System.out.printf(Locale.ROOT, "trained in %d ms; held-out %d rows: AUC %.4f, at threshold %.2f"
                + " precision %.4f recall %.4f%n", (System.nanoTime() - started) / 1_000_000, how.heldOut(),
                how.auc(), release.threshold(), how.precision(), how.recall());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, ModelCodec.encode(release));
        System.out.printf(Locale.ROOT, "wrote model version %d (%d bytes of trees) to %s%n", release.version(),
                release.model().length, file);
    }

    private static void usage(String problem) {
        System.err.println("fraud-model: " + problem);
        System.err.println("usage: ./fraud-model.sh train [--seed N] [--rows N] [--rounds N] [--max-depth N]"
                + " [--eta X] [--version N] [--threshold X] [--out FILE]");
        System.exit(2);
    }
}
