package io.orderflow.bench;

import io.orderflow.localstack.Flag;
import io.orderflow.localstack.InstanceCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does; every field has a command-line flag (see {@link #USAGE}).
 *
 * @param warmup          closed-loop time before the measured closed-loop window (not measured)
 * @param closedDuration  measured closed-loop window: maximum rate
 * @param openDuration    measured open-loop window at {@code rate} (or {@code rateFraction} of the maximum)
 * @param rate            open-loop orders/s; 0 means {@code rateFraction} of the measured maximum
 * @param rateFraction    share of the measured maximum the open-loop phase asks for when {@code rate} is 0
 * @param clients         HTTP clients, each with a kept-alive connection and one request in flight at a time
 * @param maxInFlight     closed loop: orders posted but not yet final before clients wait (bounds the backlog)
 * @param maxOrders       upper bound on orders per phase, whatever the durations say
 * @param customers       funded customers (a few of them poor, one a fraud suspect)
 * @param products        stocked products (a few of them scarce)
 * @param brokerRecords   records per perf-tool run for the broker's limit; 0 skips that step
 * @param outDir          where report.json, the .hgrm files and the stack's data and logs go
 * @param serviceJvmOptions extra JVM flags for every service (JAVA_TOOL_OPTIONS), for tuning experiments
 * @param drainTimeout    how long to wait for the posted orders to reach a final state after a phase
 * @param seed            seed of the order mix, so two runs place the same orders
 * @param profile         record each service with Java Flight Recorder and summarise where its CPU went
 * @param serviceEnv      extra environment for every service (e.g. {@code KAFKA_COMMIT_INTERVAL_MS}), for tuning
 * @param instances       instances of each service by module name; orders go round-robin to the orders-service ones
 * @param buildRoot       a checkout of this project whose services' executable jars the run starts; null: this one
 * @param compareRef      a git ref to compare this build with (see {@link Comparison}); null for a single run
 * @param repeat          with {@code compareRef}: runs of each build, alternating
 */
record BenchOptions(Duration warmup, Duration closedDuration, Duration openDuration, double rate, double rateFraction,
        int clients, int maxInFlight, long maxOrders, int customers, int products, long brokerRecords, Path outDir,
        String serviceJvmOptions, Duration drainTimeout, long seed, boolean profile, Map<String, String> serviceEnv,
        Map<String, Integer> instances, Path buildRoot, String compareRef, int repeat) {

    static final String USAGE = """
            Usage: benchmarks/run.sh [--build] [options]
                   benchmarks/run.sh [--build] --compare REF [--repeat N] [options]
              --warmup 180s           closed-loop warm-up, not measured (default 180s: six JVMs on two cores
                                      compile for minutes; the report's JIT % says if it was enough)
              --duration 60s          measured closed-loop window at maximum rate (default 60s)
              --open-duration 60s     measured open-loop window (default: same as --duration)
              --rate N                open-loop orders/s (default: --rate-fraction of the measured maximum)
              --rate-fraction 0.5     share of the maximum the open-loop phase asks for (default 0.5)
              --clients 64            HTTP clients, each one kept-alive connection per orders-service
                                      instance and one request in flight (default 64)
              --max-in-flight 2000    closed loop: orders posted but not final before clients wait (default 2000)
              --max-orders N          at most N orders per phase (default 1000000)
              --customers 200         funded customers, a few poor and one fraud suspect (default 200)
              --products 50           stocked products, a few scarce (default 50; hot keys: --customers 10 --products 5)
              --broker-records N      records per perf-tool run for the broker's limit; 0 skips it (default 300000)
              --out DIR               report.json, .hgrm files, stack data and logs (default benchmarks/target)
              --service-jvm-options S extra JVM flags for every service, e.g. "-XX:+UseSerialGC"
              --service-env K=V       extra environment for every service (repeatable), e.g.
                                      KAFKA_COMMIT_INTERVAL_MS=50 or LOGGING_LEVEL_IO_ORDERFLOW=WARN
              --instances svc=N[,...] run N instances of a service, or all=N of every one (default 1);
                                      POSTs go round-robin to the orders-service instances
              --drain-timeout 120s    wait this long for posted orders to finish after each phase (default 120s)
              --seed N                seed of the order mix (default 42)
              --profile               record the services with Java Flight Recorder; the report then says
                                      where each one's CPU went during the maximum-rate window
              --build-root DIR        start the services from DIR/<service>/target/<service>-*-exec.jar, a
                                      checkout of this project built with package (default: this one)
              --compare REF           compare this build with git ref REF (commit, tag or branch): builds REF
                                      in benchmarks/target/compare/<sha> (a git worktree, mvnw package), then
                                      runs the benchmark on both, alternating, each run a fresh stack, all
                                      open loops at one rate (--rate, or the first run's), and prints the
                                      medians and their ratio; writes <out>/compare.json
              --repeat 3              with --compare: runs of each build (default 3)
              -h, --help              this text
            Durations: 90s, 2m, 500ms or plain seconds.
            """;

    BenchOptions {
        serviceEnv = Map.copyOf(serviceEnv);
        instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        // Hot keys: 10 customers and 5 products still leave rich and poor buyers, plentiful and scarce stock.
        if (clients < 1 || maxInFlight < 1 || customers < 10 || products < 5) {
            throw new IllegalArgumentException("--clients and --max-in-flight must be >= 1, --customers >= 10, --products >= 5");
        }
        if (rate < 0 || rateFraction <= 0 || rateFraction > 1) {
            throw new IllegalArgumentException("--rate must be >= 0 and --rate-fraction in (0, 1]");
        }
        if (maxOrders < 1 || brokerRecords < 0) {
            throw new IllegalArgumentException("--max-orders must be >= 1 and --broker-records >= 0");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be >= 1");
        }
        if (compareRef != null && compareRef.isBlank()) {
            throw new IllegalArgumentException("--compare needs a git ref");
        }
    }

    /** The options of one run of a comparison: these, on the services of {@code buildRoot}, at {@code rate}. */
    BenchOptions forRun(Path buildRoot, Path outDir, double rate) {
        return new BenchOptions(warmup, closedDuration, openDuration, rate, rateFraction, clients, maxInFlight,
                maxOrders, customers, products, brokerRecords, outDir, serviceJvmOptions, drainTimeout, seed, profile,
                serviceEnv, instances, buildRoot, null, 1);
    }

    static BenchOptions defaults(Path outDir) {
        return parse(List.of(), outDir);
    }

    /** @throws IllegalArgumentException with a message for the user; {@code null} means --help */
    static BenchOptions parse(List<String> args, Path defaultOutDir) {
        // Shorter warm-ups measure the JIT compilers: with 15-45 s they took 26-47% of the suite's CPU.
        Duration warmup = Duration.ofSeconds(180);
        Duration closed = Duration.ofSeconds(60);
        Duration open = null;
        double rate = 0;
        double rateFraction = 0.5;
        int clients = 64;
        int maxInFlight = 2000;
        long maxOrders = 1_000_000;
        int customers = 200;
        int products = 50;
        long brokerRecords = 300_000;
        Path outDir = defaultOutDir;
        String jvmOptions = "";
        Duration drainTimeout = Duration.ofSeconds(120);
        long seed = 42;
        boolean profile = false;
        Map<String, String> serviceEnv = new LinkedHashMap<>();
        InstanceCounts instances = InstanceCounts.one();
        Path buildRoot = null;
        String compareRef = null;
        Integer repeat = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                return null;
            }
            if (arg.equals("--profile")) {
                profile = true;
                continue;
            }
            Flag parsed = Flag.of(arg);
            String flag = parsed.name();
            String value = parsed.inlineValue();
            if (value == null && i + 1 < args.size()) {
                value = args.get(++i);
            }
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--warmup" -> warmup = duration(flag, value);
                case "--duration" -> closed = duration(flag, value);
                case "--open-duration" -> open = duration(flag, value);
                case "--rate" -> rate = number(flag, value);
                case "--rate-fraction" -> rateFraction = number(flag, value);
                case "--clients" -> clients = (int) whole(flag, value);
                case "--max-in-flight" -> maxInFlight = (int) whole(flag, value);
                case "--max-orders" -> maxOrders = whole(flag, value);
                case "--customers" -> customers = (int) whole(flag, value);
                case "--products" -> products = (int) whole(flag, value);
                case "--broker-records" -> brokerRecords = whole(flag, value);
                case "--out" -> outDir = Path.of(value).toAbsolutePath().normalize();
                case "--service-jvm-options" -> jvmOptions = value;
                case "--drain-timeout" -> drainTimeout = duration(flag, value);
                case "--seed" -> seed = whole(flag, value);
                case "--instances" -> instances = instances.plus(value);
                case "--build-root" -> buildRoot = Path.of(value).toAbsolutePath().normalize();
                case "--compare" -> compareRef = value;
                case "--repeat" -> repeat = (int) whole(flag, value);
                case "--service-env" -> {
                    int sep = value.indexOf('=');
                    if (sep < 1) {
                        throw new IllegalArgumentException("--service-env expects KEY=VALUE, got: " + value);
                    }
                    serviceEnv.put(value.substring(0, sep), value.substring(sep + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (repeat != null && compareRef == null) {
            throw new IllegalArgumentException("--repeat is for --compare");
        }
        return new BenchOptions(warmup, closed, open != null ? open : closed, rate, rateFraction, clients,
                maxInFlight, maxOrders, customers, products, brokerRecords, outDir, jvmOptions, drainTimeout, seed,
                profile, serviceEnv, instances.byModule(), buildRoot, compareRef, repeat != null ? repeat : 3);
    }

    /** {@code 90s}, {@code 2m}, {@code 500ms} or a plain number of seconds. */
    static Duration duration(String flag, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a duration: " + value);
        }
    }

    private static double number(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a number: " + value);
        }
    }

    private static long whole(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a whole number: " + value);
        }
    }
}
