package vn.hocba.archive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads grouped by name (digits dropped: {@code task-3} counts as {@code task-}), read
 * from Linux's {@code /proc/self/task/<tid>/stat} (user + system, in clock ticks of 10 ms), so that a bench figure shows
 * where its CPU went: the service's threads, the JIT compiler, the test PKI, the collector. Threads that end between two
 * snapshots are not counted. Empty on systems without {@code /proc}.
 */
final class ThreadCpu {

    private static final double MS_PER_TICK = 10;

    private final Map<Integer, Long> ticksByThread;
    private final Map<Integer, String> names;

    private ThreadCpu(Map<Integer, Long> ticksByThread, Map<Integer, String> names) {
        this.ticksByThread = ticksByThread;
        this.names = names;
    }

    static ThreadCpu now() {
        Map<Integer, Long> ticks = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    int tid = Integer.parseInt(task.getFileName().toString());
                    // fields after the name: state(0) ... utime(11) stime(12)
                    ticks.put(tid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    names.put(tid, stat.substring(open + 1, close));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return new ThreadCpu(Map.of(), Map.of());
        }
        return new ThreadCpu(ticks, names);
    }

    /** @return CPU milliseconds per thread group since {@code before} (digits in names folded to "#") */
    Map<String, Double> groupsSince(ThreadCpu before) {
        Map<String, Double> groups = new TreeMap<>();
        ticksByThread.forEach((tid, ticks) -> {
            long earlier = before.ticksByThread.getOrDefault(tid, 0L);
            String group = names.get(tid).replaceAll("[0-9]+", "#").replaceAll("#(-#)*$", "#").strip();
            groups.merge(group, (ticks - earlier) * MS_PER_TICK, Double::sum);
        });
        return groups;
    }

    /** @return CPU seconds per thread group since {@code before}, largest first, as "name 12.3 s" (groups under 0.1 s left out) */
    String since(ThreadCpu before) {
        return format(groupsSince(before), 100, 1000, "%.1f s");
    }

    /**
     * @return {@code groups} (CPU ms by group) largest first as "name figure", each divided by {@code divisor} and
     *         printed with {@code pattern}, groups under {@code minimumMs} left out
     */
    static String format(Map<String, Double> groups, double minimumMs, double divisor, String pattern) {
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().filter(e -> e.getValue() >= minimumMs)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(pattern, e.getValue() / divisor)));
        return out.toString();
    }
}
