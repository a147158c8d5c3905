package io.orderflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and memory of the suite's processes (and the benchmark's own) over a measured window: CPU from the
 * difference of /proc CPU times at the window's ends, memory as the largest RSS seen by {@link #sample()}.
 */
final class ProcessSampler {

    /** A process to watch. */
    record Watched(String name, long pid) {
    }

    /**
     * One process over one window: CPU in % of one core, RSS in MiB; of its CPU seconds, those of its JIT
     * compiler and garbage-collector threads (approximate: a compiler thread that ends in the window takes its
     * ticks with it).
     */
    record Usage(String name, long pid, double cpuPercent, double cpuSeconds, double rssMibMax, double jitSeconds,
            double gcSeconds) {
    }

    private final List<Watched> processes;
    private final Map<Long, Long> maxRssKib = new LinkedHashMap<>();
    private Map<Long, Long> startTicks = Map.of();
    private Map<Long, long[]> startOverhead = Map.of();
    private long[] startMachine = {0, 0};
    private long startNanos;

    ProcessSampler(List<Watched> processes) {
        this.processes = List.copyOf(processes);
    }

    List<Watched> processes() {
        return processes;
    }

    synchronized void startWindow() {
        Map<Long, Long> ticks = new LinkedHashMap<>();
        processes.forEach(p -> ticks.put(p.pid(), ProcStat.cpuTicks(p.pid())));
        startTicks = ticks;
        Map<Long, long[]> overhead = new LinkedHashMap<>();
        processes.forEach(p -> overhead.put(p.pid(), ProcStat.jvmOverheadTicks(p.pid())));
        startOverhead = overhead;
        startMachine = ProcStat.machineTicks();
        startNanos = System.nanoTime();
        maxRssKib.clear();
        sample();
    }

    /** Notes each process's RSS; called every few seconds while a window is open. */
    synchronized void sample() {
        for (Watched p : processes) {
            maxRssKib.merge(p.pid(), ProcStat.rssKib(p.pid()), Math::max);
        }
    }

    /** CPU % of one core per process since {@link #startWindow()}, right now (for progress lines). */
    synchronized List<Usage> usageSoFar() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<Usage> usage = new ArrayList<>();
        for (Watched p : processes) {
            long now = ProcStat.cpuTicks(p.pid());
            long before = startTicks.getOrDefault(p.pid(), -1L);
            double cpuSeconds = now < 0 || before < 0 ? 0 : (now - before) / (double) ProcStat.TICKS_PER_SECOND;
            long[] overheadNow = ProcStat.jvmOverheadTicks(p.pid());
            long[] overheadBefore = startOverhead.getOrDefault(p.pid(), new long[] {0, 0});
            usage.add(new Usage(p.name(), p.pid(), seconds > 0 ? 100 * cpuSeconds / seconds : 0, cpuSeconds,
                    maxRssKib.getOrDefault(p.pid(), -1L) / 1024.0,
                    Math.max(0, overheadNow[0] - overheadBefore[0]) / (double) ProcStat.TICKS_PER_SECOND,
                    Math.max(0, overheadNow[1] - overheadBefore[1]) / (double) ProcStat.TICKS_PER_SECOND));
        }
        return usage;
    }

    /** Share of all CPUs busy since {@link #startWindow()} (anything on the machine, not only the suite). */
    synchronized double machineBusyPercentSoFar() {
        long[] now = ProcStat.machineTicks();
        long total = now[1] - startMachine[1];
        return total > 0 ? 100.0 * (now[0] - startMachine[0]) / total : 0;
    }
}
