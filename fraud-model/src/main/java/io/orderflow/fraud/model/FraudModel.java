package io.orderflow.fraud.model;

import io.orderflow.fraud.features.FraudFeatures;
import io.orderflow.fraud.features.OrderFacts;
import java.time.Instant;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A loaded, checked fraud model: scores an order's facts in the calling thread. Made only by {@link #load}, so
 * every instance has been proven to load, to take exactly {@link FraudFeatures#NAMES} and to score a row.
 *
 * <p>Scoring is thread-safe (XGBoost's in-place prediction on a loaded booster) and single-threaded per call
 * ({@code nthread=1}): a service scores one order at a time per stream thread, where a thread pool per call
 * would cost more than the trees.
 */
public final class FraudModel {

    private final ModelRelease release;
    private final Booster booster;
    private final ThreadLocal<float[]> rows = ThreadLocal.withInitial(() -> new float[FraudFeatures.COUNT]);

    private FraudModel(ModelRelease release, Booster booster) {
        this.release = release;
        this.booster = booster;
    }

    /** Checks and loads a release; refused with the reason when it must not be used. */
    public static FraudModel load(ModelRelease release) throws ModelRefusedException {
        if (release == null) {
            throw new ModelRefusedException("no model release in the record");
        }
        if (release.version() < 1) {
            throw new ModelRefusedException("version " + release.version() + " is not positive");
        }
        if (!FraudFeatures.NAMES.equals(release.features())) {
            throw new ModelRefusedException("features " + release.features() + " are not the service's "
                    + FraudFeatures.NAMES);
        }
        if (!(release.threshold() > 0 && release.threshold() < 1)) {
            throw new ModelRefusedException("threshold " + release.threshold() + " is not in (0, 1)");
        }
        if (!ModelRelease.XGBOOST_UBJ.equals(release.format())) {
            throw new ModelRefusedException("format '" + release.format() + "' is not " + ModelRelease.XGBOOST_UBJ);
        }
        if (release.trainedAt() == null || release.model() == null || release.model().length == 0) {
            throw new ModelRefusedException("trainedAt and model are required");
        }
        Booster booster;
        try {
            booster = XGBoost.loadModel(release.model());
            booster.setParam("nthread", 1);
            if (booster.getNumFeature() != FraudFeatures.COUNT) {
                throw new ModelRefusedException("the trees take " + booster.getNumFeature() + " features, not "
                        + FraudFeatures.COUNT);
            }
        } catch (XGBoostError | java.io.IOException | RuntimeException | LinkageError e) {
            // LinkageError: the native library does not load on this platform (see docs/fraud-model.md).
            throw new ModelRefusedException("the trees do not load", e);
        }
        FraudModel model = new FraudModel(release, booster);
        float[] probe = new float[FraudFeatures.COUNT];
        java.util.Arrays.fill(probe, FraudFeatures.MISSING);
        double score = model.score(probe);
        if (!(score >= 0 && score <= 1)) {
            throw new ModelRefusedException("the trees score " + score + ", not a probability");
        }
        return model;
    }

    /** The probability of fraud the model gives the order, in [0, 1]. */
    public double score(OrderFacts facts) {
        float[] row = rows.get();
        FraudFeatures.write(facts, row);
        return score(row);
    }

    /** The score of a row in {@link FraudFeatures#NAMES} order. */
    public double score(float[] row) {
        try {
            return booster.inplace_predict(row, 1, FraudFeatures.COUNT, FraudFeatures.MISSING)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("fraud model " + version() + " failed to score", e);
        }
    }

    /** Whether a score is over this model's threshold: the order is suspected. */
    public boolean suspects(double score) {
        return score > release.threshold();
    }

    public int version() {
        return release.version();
    }

    public double threshold() {
        return release.threshold();
    }

    public List<String> features() {
        return release.features();
    }

    public Instant trainedAt() {
        return release.trainedAt();
    }

    public ModelRelease release() {
        return release;
    }
}
