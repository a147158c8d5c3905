package io.orderflow.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many instances of each service to run: the {@code --instances} option of the local stack and of the
 * benchmark, {@code service=N[,service=N...]}. {@code all=N} sets every service not named on its own, so
 * {@code all=2,stock-service=3} means three stock instances and two of everything else. One by default.
 */
public final class InstanceCounts {

    public static final String ALL = "all";

    private final Map<String, Integer> named;
    private final int all;

    private InstanceCounts(Map<String, Integer> named, int all) {
        this.named = Map.copyOf(named);
        this.all = all;
    }

    /** One instance of each service. */
    public static InstanceCounts one() {
        return new InstanceCounts(Map.of(), 1);
    }

    /**
     * Adds one {@code --instances} value to these counts (the option may be repeated; later values win).
     *
     * @throws IllegalArgumentException with a message meant for the user
     */
    public InstanceCounts plus(String value) {
        Map<String, Integer> merged = new LinkedHashMap<>(named);
        int allCount = all;
        for (String pair : value.split(",")) {
            String[] parts = pair.trim().split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--instances expects service=N, got: " + pair);
            }
            int count;
            try {
                count = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--instances: not a number: " + parts[1]);
            }
            if (count < 1) {
                throw new IllegalArgumentException("--instances: at least 1 instance, got " + count);
            }
            String name = parts[0].trim();
            if (name.equals(ALL)) {
                allCount = count;
            } else {
                merged.put(service(name).moduleName(), count);
            }
        }
        return new InstanceCounts(merged, allCount);
    }

    /** Instances of the service built by Maven module {@code module}. */
    public int of(String module) {
        return named.getOrDefault(module, all);
    }

    /** Instances of every service by module name, in start order. */
    public Map<String, Integer> byModule() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        OrderflowService.moduleNames().forEach(module -> counts.put(module, of(module)));
        return counts;
    }

    /** The services named on their own (not through {@code all}). */
    public Set<String> named() {
        return named.keySet();
    }

    /** E.g. {@code all=1} or {@code all=1,stock-service=2}: how a report names the configuration. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(ALL + "=" + all);
        OrderflowService.moduleNames().stream().filter(named::containsKey)
                .forEach(module -> text.append(',').append(module).append('=').append(named.get(module)));
        return text.toString();
    }

    static OrderflowService service(String name) {
        return OrderflowService.byModuleName(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown service: " + name + " (known: " + String.join(", ", OrderflowService.moduleNames())
                        + ", or " + ALL + " for every one)"));
    }
}
