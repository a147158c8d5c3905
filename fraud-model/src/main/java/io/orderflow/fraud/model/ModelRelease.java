package io.orderflow.fraud.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fraud model as it is shipped: the trained trees plus what a service needs to decide whether and how to use
 * them. This is the value of a {@code fraud-models} record (JSON, the trees base64), keyed by {@link #version}.
 *
 * @param version   positive; a service uses the highest version it can load
 * @param features  the feature names, in input order, the model was trained on (must be
 *                  {@link io.orderflow.fraud.features.FraudFeatures#NAMES})
 * @param threshold a score strictly above it is {@code FRAUD_SUSPECTED}; in (0, 1)
 * @param trainedAt when the trainer produced it
 * @param training  how it was trained and how well it did on held-out data
 * @param format    how {@link #model} is encoded; {@link #XGBOOST_UBJ} is the only one
 * @param model     the trees
 */
public record ModelRelease(int version, List<String> features, double threshold, Instant trainedAt,
        Training training, String format, byte[] model) {

    public static final String XGBOOST_UBJ = "xgboost-ubj";

    public ModelRelease {
        features = features == null ? null : List.copyOf(features);
    }

    /** The same trees under another version and threshold: what "publish v2 with a stricter threshold" ships. */
    public ModelRelease as(int newVersion, double newThreshold) {
        return new ModelRelease(newVersion, features, newThreshold, trainedAt, training, format, model);
    }

    /**
     * @param library   what trained it, with its version
     * @param seed      the data set's and the trainer's seed: the same seed gives the same trees
     * @param rows      rows of the data set, training and held-out
     * @param heldOut   rows held out from training, on which the figures below were measured
     * @param rounds    boosting rounds (trees)
     * @param maxDepth  depth of each tree
     * @param eta       learning rate
     * @param auc       area under the ROC curve on the held-out rows
     * @param precision share of the held-out rows scored over the threshold that are fraud
     * @param recall    share of the held-out fraud scored over the threshold
     */
    public record Training(String library, long seed, int rows, int heldOut, int rounds, int maxDepth, double eta,
            double auc, double precision, double recall) {

        public Training {
            Objects.requireNonNull(library, "library");
        }
    }
}
