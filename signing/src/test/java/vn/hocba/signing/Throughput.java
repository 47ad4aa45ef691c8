package vn.hocba.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Benchmark helper: how many times per second a task runs on a number of threads (each thread gets its own task). */
public final class Throughput {

    private Throughput() {
    }

    public static double perSecond(Supplier<Runnable> task, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<Integer>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Runnable r = task.get();
            counts.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    r.run();
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
