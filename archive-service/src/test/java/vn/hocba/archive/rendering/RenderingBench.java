package vn.hocba.archive.rendering;

import vn.hocba.signing.Throughput;

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
        return Throughput.perSecond(() -> () -> renderer.render(view), threads, seconds);
    }
}
