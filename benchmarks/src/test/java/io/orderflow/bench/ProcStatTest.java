package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 99 0 0 0 1500 250 0 0 20 0 40 0 295920 "
                + "3133440 383 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";

        assertThat(ProcStat.cpuTicksOf(stat)).isEqualTo(1750);
    }

    @Test
    void residentMemoryComesFromVmRss() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  412345 kB\nThreads:\t40\n";

        assertThat(ProcStat.rssKibOf(status)).isEqualTo(412_345);
    }

    @Test
    void machineBusyTicksLeaveOutIdleAndIowait() {
        String stat = "cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\n";

        assertThat(ProcStat.machineTicksOf(stat)).containsExactly(160, 1000);
    }

    @Test
    void readsThisJvmsOwnFigures() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcStat.cpuTicks(pid)).isPositive();
        assertThat(ProcStat.rssKib(pid)).isPositive();
        assertThat(ProcStat.cpuTicks(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void hotSpotCompilerAndCollectorThreadsAreToldApartFromTheRest() {
        assertThat(ProcStat.threadKind("C2 CompilerThre")).isZero();
        assertThat(ProcStat.threadKind("C1 CompilerThre")).isZero();
        assertThat(ProcStat.threadKind("GC Thread#1")).isEqualTo(1);
        assertThat(ProcStat.threadKind("G1 Conc#0")).isEqualTo(1);
        assertThat(ProcStat.threadKind("kafka-producer-")).isEqualTo(-1);
        assertThat(ProcStat.threadKind("java")).isEqualTo(-1);
    }

    @Test
    void aJvmsCompilerAndCollectorTicksAreNeverNegativeAndZeroWhenTheProcessIsGone() {
        long[] own = ProcStat.jvmOverheadTicks(ProcessHandle.current().pid());

        assertThat(own).hasSize(2);
        assertThat(own[0]).isNotNegative();
        assertThat(own[1]).isNotNegative();
        assertThat(ProcStat.jvmOverheadTicks(Long.MAX_VALUE)).containsExactly(0, 0);
    }
}
