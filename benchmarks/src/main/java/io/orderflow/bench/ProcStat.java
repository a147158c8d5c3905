package io.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads CPU time and resident memory of processes, and the machine's CPU counters, from Linux's /proc. */
final class ProcStat {

    /** Linux's USER_HZ: /proc times are in 1/100 s on every mainstream kernel build. */
    static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** user + system CPU ticks of a process from its /proc/[pid]/stat line, or -1 when it is gone. */
    static long cpuTicks(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat")).map(ProcStat::cpuTicksOf).orElse(-1L);
    }

    /**
     * CPU ticks of a JVM's threads by kind, {JIT compiler, garbage collector}, from each thread's /proc/[pid]/task/[tid]/stat;
     * zeros when it is gone. Flight recordings sample Java code only, so this is where compiling and collecting
     * show up; both are fixed costs of each JVM that a second instance pays again.
     */
    static long[] jvmOverheadTicks(long pid) {
        long[] ticks = {0, 0};
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                read(task.resolve("stat")).ifPresent(stat -> {
                    int kind = threadKind(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                    if (kind >= 0) {
                        ticks[kind] += cpuTicksOf(stat);
                    }
                });
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended: no overhead to count
        }
        return ticks;
    }

    /** 0 for a JIT compiler thread, 1 for a garbage-collector thread, -1 for anything else (HotSpot's names). */
    static int threadKind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return 0;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return 1;
        }
        return -1;
    }

    /** Resident set size in KiB from /proc/[pid]/status, or -1 when it is gone. */
    static long rssKib(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status")).map(ProcStat::rssKibOf).orElse(-1L);
    }

    /** {busy, total} ticks of all CPUs since boot, from the first line of /proc/stat. */
    static long[] machineTicks() {
        return read(Path.of("/proc/stat")).map(ProcStat::machineTicksOf).orElse(new long[] {0, 0});
    }

    static String loadAverage() {
        return read(Path.of("/proc/loadavg")).map(s -> {
            String[] parts = s.trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }).orElse("?");
    }

    static long cpuTicksOf(String stat) {
        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long rssKibOf(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    static long[] machineTicksOf(String procStat) {
        String[] fields = procStat.split("\n", 2)[0].trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal ...
        long total = 0;
        long idle = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        return new long[] {total - idle, total};
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
