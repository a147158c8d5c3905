package io.orderflow.bench;

import io.orderflow.localstack.ProjectDirs;
import io.orderflow.localstack.auth.DevTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The order-flow benchmark, one command (benchmarks/run.sh):
 * <ol>
 *   <li>starts a one-node broker on free ports in {@code <out>/stack} and measures its own limit with Kafka's
 *       perf tools on records the size of our events;</li>
 *   <li>starts the five services on it, seeds stock and funds, and places orders: a closed-loop warm-up, a
 *       measured closed-loop window at the maximum rate, then an open-loop window at a share of that maximum;
 *       every request authenticated with a token of the build's dev issuer, started beside the broker (a build
 *       without one sends none: {@link BenchTokens});</li>
 *   <li>measures throughput, latencies (from the events' own times), CPU and memory per process and every
 *       message written to the broker;</li>
 *   <li>checks every order's outcome and the stock and balances left, prints tables and writes
 *       {@code report.json} and one {@code .hgrm} file per latency and phase.</li>
 * </ol>
 * With {@code --compare REF} it does all that for this build and for another commit, alternating
 * ({@link Comparison}). Exit code 0 when every check passed (in every run), 1 when one failed, 2 for bad options,
 * 3 when a run could not finish.
 */
public final class Benchmark {

    static final String WARMUP = "warmup";
    static final String MAX = "max";
    static final String OPEN = "open";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final Path projectRoot;
    private final PrintStream out;

    Benchmark(BenchOptions options, Path projectRoot, PrintStream out) {
        this.options = options;
        this.projectRoot = projectRoot;
        this.out = out;
    }

    public static void main(String[] args) {
        Path projectRoot = ProjectDirs.projectRoot();
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args), projectRoot.resolve("benchmarks").resolve("target"));
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        int code;
        try {
            if (options.compareRef() != null) {
                code = compare(options, projectRoot);
            } else {
                code = new Benchmark(options, projectRoot, System.out).run().checks().passed() ? 0 : 1;
            }
        } catch (Exception e) {
            System.err.println("benchmark: could not finish: " + e);
            e.printStackTrace();
            code = 3;
        }
        System.exit(code);
    }

    /** {@code --compare}: this build and the ref's, alternating ({@link Comparison}). */
    private static int compare(BenchOptions options, Path projectRoot) throws IOException, InterruptedException {
        RefBuild builds = new RefBuild(projectRoot, System.out);
        RefBuild.Build ref;
        try {
            ref = builds.prepare(options.compareRef());
        } catch (IllegalArgumentException notACommit) {
            System.err.println("benchmark: " + notACommit.getMessage());
            return 2;
        }
        Comparison.Side current = new Comparison.Side("current", builds.describeCurrent(),
                options.buildRoot() != null ? options.buildRoot() : projectRoot);
        Comparison.Runner runner = runOptions -> {
            try {
                return RunFigures.of(new Benchmark(runOptions, projectRoot, System.out).run());
            } finally {
                // Every run keeps its report and logs; its broker and state-store data would fill the disk.
                dropDataKeepLogs(runOptions.outDir().resolve("stack"));
            }
        };
        Comparison.ComparisonReport report = new Comparison(options, current,
                new Comparison.Side(ref.ref(), ref.shortSha(), ref.root()), runner, System.out).run();
        return !report.allFinished() ? 3 : report.passed() ? 0 : 1;
    }

    private static void dropDataKeepLogs(Path stackDir) throws IOException {
        if (!Files.isDirectory(stackDir)) {
            return;
        }
        try (var entries = Files.list(stackDir)) {
            for (Path entry : entries.filter(p -> !p.getFileName().toString().equals("logs")).toList()) {
                if (Files.isDirectory(entry)) {
                    ProjectDirs.wipe(entry);
                } else {
                    Files.delete(entry);
                }
            }
        }
    }

    Report run() throws IOException, InterruptedException {
        String startedAt = Instant.now().toString();
        String loadAtStart = ProcStat.loadAverage();
        out.printf("orderflow benchmark: %d cores, load average %s; output in %s%n",
                Runtime.getRuntime().availableProcessors(), loadAtStart, options.outDir());
        Path stackDir = options.outDir().resolve("stack");
        ProjectDirs.wipe(stackDir);
        Workload workload = new Workload(options.customers(), options.products(), options.seed());
        Path buildRoot = options.buildRoot() != null ? options.buildRoot() : projectRoot;
        if (!buildRoot.equals(projectRoot)) {
            out.println("Services from the build in " + buildRoot);
        }
        Stack stack = new Stack(stackDir, buildRoot, out);
        Thread stopOnCtrlC = new Thread(stack::close, "benchmark-stop");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        Report report;
        try {
            // The issuer starts while Kafka does, and is idle before the broker's limit is measured.
            stack.startIssuer();
            stack.startBroker();
            BenchTokens tokens = stack.awaitIssuer().map(uri -> BenchTokens.from(DevTokens.at(uri)))
                    .orElseGet(BenchTokens::none);
            out.println("Authentication: " + tokens.describe());
            BrokerLimit.Result limit = null;
            if (options.brokerRecords() > 0) {
                limit = new BrokerLimit(stack.broker(), options.outDir().resolve("perf"), out)
                        .measure(options.brokerRecords());
            }
            out.printf("Starting the five services (instances: %s)...%n", options.instances());
            stack.startServices(serviceEnvironment(), options.instances());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            int puts = new Seeder(http, tokens).seed(url(stack, "stock-service"), workload.stock(),
                    url(stack, "payment-service"), workload.balances());
            out.printf("Seeded %d products and %d accounts (%d PUTs)%n", workload.stock().size(),
                    workload.balances().size(), puts);
            if (tokens.authenticated()) {
                long fetching = System.nanoTime();
                tokens.prefetch(workload.customerIds());
                out.printf("Fetched %d customer tokens in %.1f s%n", workload.customerIds().size(),
                        (System.nanoTime() - fetching) / 1e9);
            }
            report = load(stack, http, tokens, workload, limit, startedAt, loadAtStart);
        } finally {
            // Services first (they flush their flight recordings on the way out), then the broker.
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: nothing to remove
            }
        }
        if (options.profile()) {
            report = report.withProfile(profile(report));
        }
        report.writeJson(options.outDir().resolve("report.json"));
        report.print(out);
        out.println("Report: " + options.outDir().resolve("report.json") + "; histograms: "
                + options.outDir().resolve("hgrm") + "; logs: " + stackDir.resolve("logs"));
        return report;
    }

    /** The services' flight recordings summarised over the maximum-rate window. */
    private Map<String, CpuProfile.ServiceProfile> profile(Report report) throws IOException {
        Report.Phase max = report.phases().get(0);
        Map<Long, String> names = new java.util.HashMap<>();
        max.processes().forEach(p -> names.put(p.pid(), p.name()));
        return CpuProfile.summarise(profileDir(), names, Instant.parse(max.startedAt()), Instant.parse(max.endedAt()));
    }

    private Path profileDir() {
        return options.outDir().resolve("profile");
    }

    private Map<String, String> serviceEnvironment() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PAYMENT_FRAUD_HOURLY_LIMIT", Workload.FRAUD_HOURLY_LIMIT);
        env.putAll(options.serviceEnv());
        String jvmOptions = options.serviceJvmOptions();
        if (options.profile()) {
            ProjectDirs.wipe(profileDir());
            Files.createDirectories(profileDir());
            // An existing directory: each JVM writes hotspot-pid-<pid>-....jfr into it on exit.
            jvmOptions = (jvmOptions + " " + CpuProfile.JFR_OPTION + profileDir()).trim();
        }
        if (!jvmOptions.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        return env;
    }

    private Report load(Stack stack, HttpClient http, BenchTokens tokens, Workload workload, BrokerLimit.Result limit,
            String startedAt, String loadAtStart) throws InterruptedException, IOException {
        AtomicReference<LoadGenerator> generatorRef = new AtomicReference<>();
        List<ProcessSampler.Watched> watched = new ArrayList<>(stack.processes());
        watched.add(new ProcessSampler.Watched(MeasuredWindow.BENCHMARK, ProcessHandle.current().pid()));
        ProcessSampler sampler = new ProcessSampler(watched);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "benchmark-progress");
            t.setDaemon(true);
            return t;
        });
        List<InetSocketAddress> ordersServices = stack.instances("orders-service").stream()
                .map(s -> new InetSocketAddress("127.0.0.1", s.port())).toList();
        try (OrderTracker tracker = new OrderTracker(stack.adminClientProperties(), o -> generatorRef.get().finished(o));
                TopicTraffic traffic = new TopicTraffic(stack.adminClientProperties());
                LoadGenerator generator = new LoadGenerator(ordersServices, tracker::track, workload, tokens,
                        options.clients(), options.maxInFlight())) {
            generatorRef.set(generator);
            ProgressLine progress = new ProgressLine(out, tracker, generator, sampler);
            ticker.scheduleAtFixedRate(progress::print, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);

            out.printf("%nWarm-up: closed loop, %d clients, at most %d orders in flight, %d s%n", options.clients(),
                    options.maxInFlight(), options.warmup().toSeconds());
            progress.phase(WARMUP);
            sampler.startWindow();
            generator.closedLoop(WARMUP, options.warmup(), options.maxOrders());

            out.printf("%nMaximum rate: closed loop, %d s measured%n", options.closedDuration().toSeconds());
            progress.phase(MAX);
            MeasuredWindow max = MeasuredWindow.open(MAX, "closed loop", 0, traffic, sampler, generator);
            long sentMax = generator.closedLoop(MAX, options.closedDuration(), options.maxOrders());
            max.close(sentMax, 0, 0, traffic, sampler, generator);
            drain(tracker, generator, progress);

            double maxRate = max.finalPerSec(tracker);
            double rate = options.rate() > 0 ? options.rate() : Math.max(1, options.rateFraction() * maxRate);
            out.printf("%nOpen loop at %.1f orders/s (%s), %d s measured%n", rate, options.rate() > 0 ? "--rate"
                    : String.format("%.0f%% of the %.1f/s maximum", 100 * options.rateFraction(), maxRate),
                    options.openDuration().toSeconds());
            progress.phase(OPEN);
            MeasuredWindow open = MeasuredWindow.open(OPEN, "open loop", rate, traffic, sampler, generator);
            LoadGenerator.OpenLoopCount openCount = generator.openLoop(OPEN, options.openDuration(), rate,
                    options.maxOrders());
            open.close(openCount.sent(), openCount.missed(), openCount.maxLagMs(), traffic, sampler, generator);
            drain(tracker, generator, progress);
            progress.phase(null);

            tracker.throwIfFailed();
            Report.Checks checks = check(stack, http, tokens, workload, tracker, generator);
            Double limitRate = limit == null ? null : limit.limitMessagesPerSec();
            List<Report.Phase> phases = List.of(max.result(tracker, limitRate), open.result(tracker, limitRate));
            for (String phase : List.of(MAX, OPEN)) {
                Latencies.of(tracker.all(), phase).writeHgrm(options.outDir().resolve("hgrm"), phase);
            }
            return new Report(startedAt, machine(loadAtStart), options, Report.Authentication.of(tokens, workload),
                    limit, phases, checks, headline(limitRate, phases.get(0), phases.get(1)), null);
        } finally {
            ticker.shutdownNow();
        }
    }

    /**
     * Waits until the phase's last POSTs are answered (each within the response timeout), then until every order
     * that exists (or was accepted) is final, or the drain timeout passes.
     */
    private void drain(OrderTracker tracker, LoadGenerator generator, ProgressLine progress) throws InterruptedException {
        progress.phase("drain");
        generator.awaitAnswers();
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            tracker.throwIfFailed();
            if (pending(tracker) == 0) {
                return;
            }
            // Completion is spread over many orders and a topic reader; a short poll is the simple way.
            Thread.sleep(250);
        }
        out.printf("  drain: %d order(s) still not final after %d s%n", pending(tracker),
                options.drainTimeout().toSeconds());
    }

    private static long pending(OrderTracker tracker) {
        return tracker.all().stream()
                .filter(o -> (o.accepted() || o.exists()) && o.finalState() == null).count();
    }

    private Report.Checks check(Stack stack, HttpClient http, BenchTokens tokens, Workload workload,
            OrderTracker tracker, LoadGenerator generator) throws InterruptedException {
        OutcomeCheck outcome = OutcomeCheck.of(tracker.all(), workload);
        if (generator.errorCount() > 0) {
            outcome.fail("failed POSTs: " + generator.errors());
        }
        if (generator.retried() > 0) {
            out.printf("  %,d POST(s) retried after a 503, with the same order id, as docs/api.md tells clients%n",
                    generator.retried());
        }
        if (tracker.unreadable() > 0) {
            outcome.fail(tracker.unreadable() + " unreadable event(s) on the order topics");
        }
        if (tracker.foreign() > 0) {
            outcome.fail(tracker.foreign() + " event(s) about orders the benchmark never placed");
        }
        List<String> dead = stack.dead();
        if (!dead.isEmpty()) {
            outcome.fail("process(es) died during the run: " + dead);
        }
        EndStateCheck endState = new EndStateCheck(http, tokens, url(stack, "stock-service"),
                url(stack, "payment-service"));
        List<String> mismatches = endState.awaitMatches(outcome.expectedStock(), outcome.expectedBalances(),
                workload.unknownProducts(), SETTLE_TIMEOUT);
        mismatches.forEach(outcome::fail);
        return new Report.Checks(outcome.passed(), outcome.failureCount(), outcome.failures(), outcome.outcomes(),
                tracker.all().size(), outcome.expectedStock().size() + workload.unknownProducts().size(),
                outcome.expectedBalances().size());
    }

    private Report.Headline headline(Double limitRate, Report.Phase max, Report.Phase open) {
        Latencies.Summary validated = open.latencyMs().get(Latencies.POST_TO_VALIDATED);
        Latencies.Summary shipped = open.latencyMs().get(Latencies.POST_TO_SHIPPED);
        return new Report.Headline(limitRate, max.finalPerSec(), max.shippedPerSec(), max.messagesPerSec(),
                max.ratioToBrokerLimit(), open.targetRate(), validated, shipped,
                max.shippedPerSec() >= 1000 && max.seconds() >= 60, shipped.count() > 0 && shipped.p99() < 500);
    }

    private static Report.Machine machine(String loadAtStart) {
        long memoryMib = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryMib = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            memoryMib = -1;
        }
        return new Report.Machine(Runtime.getRuntime().availableProcessors(), memoryMib,
                System.getProperty("java.version"), loadAtStart, ProcStat.loadAverage());
    }

    private static String url(Stack stack, String module) {
        return "http://127.0.0.1:" + stack.service(module).port();
    }
}
