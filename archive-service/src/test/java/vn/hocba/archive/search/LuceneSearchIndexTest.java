package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.archive.search.SearchIndex.SearchScope;

/** The search contract on the embedded Lucene index, and what only it does (commits by interval). */
class LuceneSearchIndexTest extends SearchIndexContract {

    @TempDir
    Path dir;

    @Override
    SearchIndex open() {
        return new LuceneSearchIndex(dir);
    }

    @Override
    SearchIndex reopen(SearchIndex index) throws Exception {
        ((LuceneSearchIndex) index).close();
        return new LuceneSearchIndex(dir);
    }

    @Override
    void close(SearchIndex index) throws Exception {
        ((LuceneSearchIndex) index).close();
    }

    @Test
    void aChangeIsSearchableAtOnceAndCommittedWithinTheIntervalWithoutAClose() throws Exception {
        index.index(record("a", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", "Toán 7.0"));
        assertThat(index.search("nguyen van an", SearchScope.everything(), 0, 20).total()).isEqualTo(1);
        index.remove("a");
        assertThat(index.search("nguyen van an", SearchScope.everything(), 0, 20).total()).isZero();
        index.index(record("b", SCHOOL, Y24, "6A", "HS2", "Trần Thị Bình", "Toán 8.0"));
        // what is on disk (a reader of the last commit, as a process started after a crash would see): within the
        // commit interval, without close
        long deadline = System.nanoTime() + java.time.Duration.ofMillis(LuceneSearchIndex.COMMIT_INTERVAL_MS + 5_000).toNanos();
        int committed = 0;
        while (System.nanoTime() < deadline) {
            try (var reader = org.apache.lucene.index.DirectoryReader.open(
                    org.apache.lucene.store.FSDirectory.open(dir))) {
                committed = reader.numDocs();
            }
            if (committed == 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(committed).as("documents in the last commit").isEqualTo(1);
    }
}
