package vn.hocba.archive.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rendering benchmark (bin/bench): PDF/A-2b student records per second on 1 and 2 threads (target: 100/s).
 * Prints figures; asserts nothing.
 */
public final class RenderingBench {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 8);

    public static void main(String[] args) throws Exception {
        var renderer = new StudentRecordRenderer();
        var view = SampleStudentRecords.sixthGrader();
        System.out.printf("[bench] record %d KB%n", renderer.render(view).pdf().length / 1024);
        measure(renderer, view, 1, 3); // warm-up
        double one = measure(renderer, view, 1, SECONDS);
        double two = measure(renderer, view, 2, SECONDS);
        System.out.printf("[bench] rendering: %.1f records/s (1 thread), %.1f records/s (2 threads), %.2fx%n", one, two, two / one);
    }

    private static double measure(StudentRecordRenderer renderer, StudentRecordView view, int threads, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<Integer>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    renderer.render(view);
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (var c : counts) {
            total += c.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
