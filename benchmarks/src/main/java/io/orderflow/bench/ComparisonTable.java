package io.orderflow.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Two builds side by side: for each figure, the median of each build's runs and the ratio of the current
 * build's median to the other's. Medians, because one run disturbed by whatever else the machine did must not
 * move the answer.
 */
record ComparisonTable(List<Row> rows) {

    /**
     * @param better whether a "higher" or a "lower" value is the better one
     * @param ratio  {@code current / ref}; null when either median is missing or ref's is 0
     */
    record Row(String figure, String better, Double current, Double ref, Double ratio) {
    }

    private record Figure(String name, String better, ToDoubleFunction<RunFigures> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("max orders/s (final)", "higher", RunFigures::maxOrdersPerSec),
            new Figure("CPU ms per order (suite)", "lower", RunFigures::suiteCpuMsPerOrder),
            new Figure("CPU ms per order (benchmark)", "lower", RunFigures::benchmarkCpuMsPerOrder),
            new Figure("messages per order", "lower", RunFigures::messagesPerOrder),
            new Figure("HTTP POST p50 ms (open loop)", "lower", RunFigures::postP50Ms),
            new Figure("HTTP POST p99 ms (open loop)", "lower", RunFigures::postP99Ms),
            new Figure("POST->SHIPPED p50 ms (open loop)", "lower", RunFigures::postToShippedP50Ms),
            new Figure("POST->SHIPPED p99 ms (open loop)", "lower", RunFigures::postToShippedP99Ms));

    /** @param current the current build's finished runs; {@code ref} the other build's */
    static ComparisonTable of(List<RunFigures> current, List<RunFigures> ref) {
        List<Row> rows = new ArrayList<>();
        for (Figure figure : FIGURES) {
            Double a = median(current.stream().map(f -> figure.value().applyAsDouble(f)).toList());
            Double b = median(ref.stream().map(f -> figure.value().applyAsDouble(f)).toList());
            rows.add(new Row(figure.name(), figure.better(), a, b, a == null || b == null || b == 0 ? null : a / b));
        }
        return new ComparisonTable(rows);
    }

    /** The middle value, or the mean of the two middle ones; null for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    void print(PrintStream out, String currentName, String refName) {
        out.printf("  %-34s %14s %14s %10s  %s%n", "median of the runs", shorten(currentName), shorten(refName),
                "ratio", "better");
        for (Row row : rows) {
            out.printf("  %-34s %14s %14s %10s  %s%n", row.figure(), number(row.current()), number(row.ref()),
                    row.ratio() == null ? "n/a" : String.format("%.2fx", row.ratio()), row.better());
        }
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(value >= 100 ? "%,.0f" : "%.2f", value);
    }

    private static String shorten(String name) {
        return name.length() <= 14 ? name : name.substring(0, 13) + "~";
    }
}
