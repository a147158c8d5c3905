package io.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's CPU went in a time window, from its Java Flight Recorder file (written on exit,
 * {@code settings=profile}: a Java stack sample every 10 ms per running thread).
 *
 * <p>Each sample is charged to an <i>area</i>: the first frame, from the top, that belongs to a library or to
 * our code (JDK frames such as {@code String} or {@code HashMap} are charged to whoever called them). Threads
 * inside native code (RocksDB's JNI, socket reads) are not in these samples.
 */
final class CpuProfile {

    static final String JFR_OPTION = "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=";
    private static final Pattern PID = Pattern.compile("hotspot-pid-(\\d+)-");
    private static final int TOP_METHODS = 12;

    /**
     * One service's samples in the window, in %: per area, and the hottest methods (each sample's first
     * frame outside the JDK, the same frame that decides its area).
     */
    record ServiceProfile(long samples, Map<String, Double> areas, Map<String, Double> topMethods) {
    }

    private CpuProfile() {
    }

    /** The recording directory's files, by the pid in their names, summarised for the named pids. */
    static Map<String, ServiceProfile> summarise(Path dir, Map<Long, String> names, Instant from, Instant to)
            throws IOException {
        Map<String, ServiceProfile> profiles = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return profiles;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = PID.matcher(file.getFileName().toString());
                if (m.find() && names.containsKey(Long.parseLong(m.group(1)))) {
                    profiles.put(names.get(Long.parseLong(m.group(1))), of(file, from, to));
                }
            }
        }
        return profiles;
    }

    static ServiceProfile of(Path file, Instant from, Instant to) throws IOException {
        Map<String, Long> areas = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)
                        || event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                List<String> classes = frames.stream().map(f -> f.getMethod().getType().getName()).toList();
                RecordedFrame charged = frames.get(chargedFrame(classes));
                methods.merge(charged.getMethod().getType().getName() + "." + charged.getMethod().getName(), 1L,
                        Long::sum);
                areas.merge(area(classes), 1L, Long::sum);
            }
        }
        return new ServiceProfile(samples, percentages(areas, samples, areas.size()),
                percentages(methods, samples, TOP_METHODS));
    }

    /** The area of a stack given its frames' class names, top first. */
    static String area(List<String> classNames) {
        String area = areaOf(classNames.get(chargedFrame(classNames)));
        return area != null ? area : "jdk";
    }

    /** The first frame from the top outside the JDK, or the top frame when the whole stack is JDK code. */
    static int chargedFrame(List<String> classNames) {
        for (int i = 0; i < classNames.size(); i++) {
            if (areaOf(classNames.get(i)) != null) {
                return i;
            }
        }
        return 0;
    }

    private static String areaOf(String className) {
        if (className.startsWith("tools.jackson.") || className.startsWith("com.fasterxml.jackson.")) {
            return "json (jackson)";
        }
        if (className.startsWith("org.rocksdb.")) {
            return "rocksdb (java side)";
        }
        if (className.startsWith("org.apache.kafka.streams.")) {
            return "kafka streams";
        }
        if (className.startsWith("org.apache.kafka.") || className.startsWith("kafka.")) {
            return "kafka clients";
        }
        if (className.startsWith("ch.qos.logback.") || className.startsWith("org.slf4j.")
                || className.startsWith("org.apache.logging.")) {
            return "logging";
        }
        if (className.startsWith("org.apache.tomcat.") || className.startsWith("org.apache.coyote.")
                || className.startsWith("org.apache.catalina.")) {
            return "http server (tomcat)";
        }
        if (className.startsWith("org.springframework.") || className.startsWith("org.hibernate.validator.")
                || className.startsWith("jakarta.")) {
            return "spring and validation";
        }
        if (className.startsWith("io.micrometer.")) {
            return "metrics (micrometer)";
        }
        if (className.startsWith("io.orderflow.")) {
            return "orderflow code";
        }
        return null;
    }

    private static Map<String, Double> percentages(Map<String, Long> counts, long total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> shares.put(e.getKey(), Math.round(1000.0 * e.getValue() / total) / 10.0));
        return shares;
    }
}
