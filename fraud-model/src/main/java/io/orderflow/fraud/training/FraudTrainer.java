package io.orderflow.fraud.training;

import io.orderflow.fraud.features.FraudFeatures;
import io.orderflow.fraud.model.FraudModel;
import io.orderflow.fraud.model.ModelRefusedException;
import io.orderflow.fraud.model.ModelRelease;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the fraud model: gradient-boosted trees (XGBoost, binary logistic) on the first three quarters of
 * {@link FraudDataSet#generate}, measured on the last quarter. One thread, a fixed seed and no row or column
 * sampling make it repeatable: the same settings give the same trees, byte for byte.
 */
public final class FraudTrainer {

    public static final String LIBRARY = "xgboost4j " + xgboostVersion();

    private final Clock clock;

    public FraudTrainer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param seed      of the data set and the trees
     * @param rows      of the data set
     * @param rounds    trees
     * @param maxDepth  of each tree
     * @param eta       learning rate
     * @param version   the release's version
     * @param threshold the release's threshold
     */
    public record Settings(long seed, int rows, int rounds, int maxDepth, double eta, int version, double threshold) {

        public static final Settings DEFAULT = new Settings(42, 40_000, 60, 4, 0.3, 1, 0.5);

        public Settings {
            if (rows < 100 || rounds < 1 || maxDepth < 1 || !(eta > 0) || version < 1
                    || !(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("rows >= 100, rounds and maxDepth >= 1, eta > 0, version >= 1"
                        + " and a threshold in (0, 1) are required");
            }
        }
    }

    public ModelRelease train(Settings settings) {
        List<LabelledOrder> data = FraudDataSet.generate(settings.seed(), settings.rows());
        int heldOut = settings.rows() / 4;
        List<LabelledOrder> training = data.subList(0, data.size() - heldOut);
        List<LabelledOrder> test = data.subList(data.size() - heldOut, data.size());
        byte[] trees;
        try {
            Booster booster = XGBoost.train(matrix(training), parameters(settings), settings.rounds(),
                    Map.of(), null, null);
            trees = booster.toByteArray("ubj");
            booster.dispose();
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train", e);
        }
        ModelRelease unmeasured = new ModelRelease(settings.version(), FraudFeatures.NAMES, settings.threshold(),
                clock.instant(), null, ModelRelease.XGBOOST_UBJ, trees);
        ModelQuality quality = measure(unmeasured, test);
        ModelRelease.Training how = new ModelRelease.Training(LIBRARY, settings.seed(), settings.rows(), heldOut,
                settings.rounds(), settings.maxDepth(), settings.eta(), quality.auc(), quality.precision(),
                quality.recall());
        return new ModelRelease(settings.version(), FraudFeatures.NAMES, settings.threshold(),
                unmeasured.trainedAt(), how, ModelRelease.XGBOOST_UBJ, trees);
    }

    /** The release's quality on {@code rows}, at its threshold, scored as a service scores them. */
    public static ModelQuality measure(ModelRelease release, List<LabelledOrder> rows) {
        FraudModel model;
        try {
            model = FraudModel.load(release);
        } catch (ModelRefusedException e) {
            throw new IllegalStateException("the trained model does not load: " + e.getMessage(), e);
        }
        double[] scores = new double[rows.size()];
        boolean[] fraud = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            scores[i] = model.score(rows.get(i).facts());
            fraud[i] = rows.get(i).fraud();
        }
        return ModelQuality.of(scores, fraud, release.threshold());
    }

    private static String xgboostVersion() {
        try (java.io.InputStream in = Booster.class.getResourceAsStream(
                "/META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    private static Map<String, Object> parameters(Settings settings) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("tree_method", "hist");
        parameters.put("max_depth", settings.maxDepth());
        parameters.put("eta", settings.eta());
        parameters.put("seed", settings.seed());
        parameters.put("nthread", 1);
        parameters.put("verbosity", 0);
        return parameters;
    }

    private static DMatrix matrix(List<LabelledOrder> rows) throws XGBoostError {
        float[] data = new float[rows.size() * FraudFeatures.COUNT];
        float[] labels = new float[rows.size()];
        float[] row = new float[FraudFeatures.COUNT];
        for (int i = 0; i < rows.size(); i++) {
            FraudFeatures.write(rows.get(i).facts(), row);
            System.arraycopy(row, 0, data, i * FraudFeatures.COUNT, FraudFeatures.COUNT);
            labels[i] = rows.get(i).fraud() ? 1 : 0;
        }
        DMatrix matrix = new DMatrix(data, rows.size(), FraudFeatures.COUNT, FraudFeatures.MISSING);
        matrix.setLabel(labels);
        return matrix;
    }
}
