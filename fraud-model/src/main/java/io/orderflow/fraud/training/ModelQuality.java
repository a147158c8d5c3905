package io.orderflow.fraud.training;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well scores separate fraud from the rest on rows the model was not trained on.
 *
 * @param auc       area under the ROC curve: the chance a fraud row scores above a legitimate one (ties half)
 * @param precision of the rows scored over the threshold, the share that is fraud (1 when none is)
 * @param recall    of the fraud rows, the share scored over the threshold
 */
public record ModelQuality(double auc, double precision, double recall) {

    public static ModelQuality of(double[] scores, boolean[] fraud, double threshold) {
        if (scores.length != fraud.length || scores.length == 0) {
            throw new IllegalArgumentException("one label per score, at least one");
        }
        int truePositives = 0;
        int flagged = 0;
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean over = scores[i] > threshold;
            flagged += over ? 1 : 0;
            positives += fraud[i] ? 1 : 0;
            truePositives += over && fraud[i] ? 1 : 0;
        }
        double precision = flagged == 0 ? 1 : (double) truePositives / flagged;
        double recall = positives == 0 ? 1 : (double) truePositives / positives;
        return new ModelQuality(auc(scores, fraud, positives), precision, recall);
    }

    /** Mann-Whitney: the positives' rank sum over all pairs, with average ranks for ties. */
    private static double auc(double[] scores, boolean[] fraud, int positives) {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRanks = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                positiveRanks += fraud[order[k]] ? rank : 0;
            }
            start = end + 1;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
