package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review tests: "every search that starts after index() returns sees the change". */
class LuceneSearchIndexVisibilityTest {

    @TempDir
    Path dir;

    /**
     * Deterministic: search A consumes the {@code unrefreshed} flag and is inside the reopen (held by a refresh
     * listener); a search that starts after index() returned finds the flag clear and acquires the old reader.
     */
    @Test
    void aSearchDuringAnotherSearchsReopenSeesAChangeThatCompletedBeforeIt() throws Exception {
        try (var index = new LuceneSearchIndex(dir)) {
            var field = LuceneSearchIndex.class.getDeclaredField("searchers");
            field.setAccessible(true);
            var searchers = (SearcherManager) field.get(index);
            var inRefresh = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var hold = new AtomicBoolean(true);
            searchers.addListener(new ReferenceManager.RefreshListener() {
                @Override
                public void beforeRefresh() throws java.io.IOException {
                    if (hold.getAndSet(false)) {
                        inRefresh.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void afterRefresh(boolean didRefresh) {
                }
            });
            index.index(LuceneSearchIndexTest.record("x", "S", "Y", "6A", "HS1", "Nguyễn Văn An", "t"));
            // index("x") has returned; search A starts and is held inside its reopen
            Thread a = new Thread(() -> index.contains("other"));
            a.start();
            assertThat(inRefresh.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                // a search that starts after index("x") returned
                assertThat(index.contains("x")).as("a search started after index() returned").isTrue();
            } finally {
                release.countDown();
                a.join();
            }
        }
    }

    /** The same race without reflection: other threads' searches consume the flag while this thread indexes. */
    @Test
    void underConcurrentSearchesEveryIndexedDocumentIsSeenByTheIndexingThreadsNextSearch() throws Exception {
        try (var index = new LuceneSearchIndex(dir)) {
            var stop = new AtomicBoolean();
            Thread[] searchers = new Thread[3];
            for (int t = 0; t < searchers.length; t++) {
                searchers[t] = new Thread(() -> {
                    while (!stop.get()) {
                        index.contains("nothing");
                    }
                });
                searchers[t].start();
            }
            int missed = 0;
            try {
                for (int i = 0; i < 300; i++) {
                    String code = "d" + i;
                    index.index(LuceneSearchIndexTest.record(code, "S", "Y", "6A", "HS" + i, "Nguyễn Văn An", "t"));
                    if (!index.contains(code)) {
                        missed++;
                    }
                }
            } finally {
                stop.set(true);
                for (Thread t : searchers) {
                    t.join();
                }
            }
            assertThat(missed).as("searches that missed a change completed before they started").isZero();
        }
    }

    /**
     * "close() commits": close() while the committer thread is inside writer.commit() (which it reaches every
     * second while changes are flagged) must still close and commit, not throw with the writer left open.
     */
    @Test
    void closeDuringABackgroundCommitClosesAndCommits() throws Exception {
        java.util.List<Throwable> failures = new java.util.ArrayList<>();
        for (int round = 0; round < 8 && failures.isEmpty(); round++) {
            Path here = dir.resolve("r" + round);
            long interval = 1_000; // the committer's timing, not its interval, is what this is about
            var index = new LuceneSearchIndex(here, interval);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(interval + 5 + 40 * round);
            int n = 0;
            while (System.nanoTime() < until) { // changes flagged all the time: the committer commits at ~1 s
                index.index(LuceneSearchIndexTest.record("d" + n, "S", "Y", "6A", "HS" + n, "Nguyễn Văn An",
                        "text ".repeat(200) + n));
                n++;
            }
            try {
                index.close();
            } catch (Throwable e) {
                failures.add(e);
                continue;
            }
            try (var reopened = new LuceneSearchIndex(here)) { // what close() committed
                assertThat(reopened.contains("d" + (n - 1))).as("round %d: the last change, committed by close()", round)
                        .isTrue();
            }
        }
        assertThat(failures).as("close() failures").isEmpty();
    }
}
