package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.archive.search.SearchIndex.SearchScope;
import vn.hocba.archive.workflow.DocumentArchived;

class IndexReconcilerTest {

    static final String SCHOOL = "THCS-MK2";
    static final String YEAR = "2024-2025";

    @TempDir
    Path dir;

    LuceneSearchIndex index;
    SearchAvailability availability = new SearchAvailability();
    List<DocumentArchived> archived = new ArrayList<>();
    List<String> indexed = new ArrayList<>();

    /** Indexes as RecordIndexer does, with a text that names the student; refuses records of class "BROKEN". */
    final Consumer<DocumentArchived> indexer = e -> {
        assertThat(availability.isReady()).as("search is unavailable while reconciling").isFalse();
        if (e.classCode().equals("BROKEN")) {
            throw new IllegalStateException("archive unreadable");
        }
        indexed.add(e.lookupCode().toString());
        index.index(new SearchIndex.IndexedDocument(e.lookupCode().toString(), e.school(), e.schoolYear(),
                e.classCode(), e.student(), e.fullName(), e.documentType(), e.status(),
                "học bạ của " + e.fullName()));
    };

    @BeforeEach
    void open() {
        index = new LuceneSearchIndex(dir);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    static DocumentArchived record(String classCode, String student, String fullName) {
        return new DocumentArchived(UUID.randomUUID(), "STUDENT_RECORD", SCHOOL, YEAR, classCode, student, fullName, 1,
                "records/x.pdf", "00", "ARCHIVED", true);
    }

    IndexReconciler reconciler(SearchIndex on) {
        return new IndexReconciler(() -> List.copyOf(archived), on, indexer, availability);
    }

    @Test
    void addsMissingRemovesStaleAndCorrectsDifferingEntriesThenReportsReady() {
        var kept = record("6A", "HS1", "Nguyễn Khánh Hạnh");
        var missing = record("6A", "HS2", "Lê Thanh Châu");
        var moved = record("6B", "HS3", "Trần Phương Ngọc");
        var renamed = record("6A", "HS4", "Lương Văn An");
        archived.addAll(List.of(kept, missing, moved, renamed));
        indexer.accept(kept);
        index.index(new SearchIndex.IndexedDocument(moved.lookupCode().toString(), SCHOOL, YEAR, "6A", "HS3",
                "Trần Phương Ngọc", "STUDENT_RECORD", "ARCHIVED", ""));
        index.index(new SearchIndex.IndexedDocument(renamed.lookupCode().toString(), SCHOOL, YEAR, "6A", "HS4",
                "Lương Văn Ân", "STUDENT_RECORD", "SIGNING", ""));
        String superseded = UUID.randomUUID().toString();
        index.index(new SearchIndex.IndexedDocument(superseded, SCHOOL, YEAR, "6A", "HS5", "Đỗ Tuấn Phúc",
                "STUDENT_RECORD", "ARCHIVED", "Toán 5.6"));
        indexed.clear();

        var outcome = reconciler(index).reconcile();

        assertThat(outcome).isEqualTo(new IndexReconciler.Outcome(1, 2, 1, 0));
        assertThat(indexed).as("an entry that agrees is not rewritten")
                .containsExactlyInAnyOrder(missing.lookupCode().toString(), moved.lookupCode().toString(),
                        renamed.lookupCode().toString());
        assertThat(availability.isReady()).isTrue();
        List<SearchIndex.Hit> entries = new ArrayList<>();
        index.forEachEntry(e -> entries.add(e.fields()));
        assertThat(entries).containsExactlyInAnyOrderElementsOf(archived.stream().map(RecordIndexer::expected).toList());
        assertThat(index.search("do tuan phuc", SearchScope.everything(), 0, 20).total()).isZero();
        assertThat(index.search("luong van an", SearchScope.everything(), 0, 20).hits().get(0).status())
                .isEqualTo("ARCHIVED");
    }

    @Test
    void aSecondReconciliationFindsNothingToDo() {
        archived.addAll(List.of(record("6A", "HS1", "Nguyễn Khánh Hạnh"), record("7A", "HS2", "H’Hen Niê")));
        reconciler(index).reconcile();
        indexed.clear();
        assertThat(reconciler(index).reconcile()).isEqualTo(new IndexReconciler.Outcome(0, 0, 0, 0));
        assertThat(indexed).isEmpty();
    }

    @Test
    void aRecordThatCannotBeIndexedIsCountedAndDoesNotHoldSearchBack() {
        var broken = record("BROKEN", "HS1", "Nguyễn Khánh Hạnh");
        var fine = record("6A", "HS2", "Lê Thanh Châu");
        archived.addAll(List.of(broken, fine));
        assertThat(reconciler(index).reconcile()).isEqualTo(new IndexReconciler.Outcome(1, 0, 0, 1));
        assertThat(index.contains(fine.lookupCode().toString())).isTrue();
        assertThat(availability.isReady()).isTrue();
    }

    @Test
    void anEntryOfAnOlderIndexFormatIsRewritten() {
        var record = record("6A", "HS1", "Nguyễn Khánh Hạnh");
        archived.add(record);
        indexer.accept(record);
        indexed.clear();
        SearchIndex olderFormat = new DelegatingIndex(index) {
            @Override
            public void forEachEntry(Consumer<IndexedEntry> action) {
                index.forEachEntry(e -> action.accept(new IndexedEntry(e.fields(), false)));
            }
        };
        assertThat(reconciler(olderFormat).reconcile()).isEqualTo(new IndexReconciler.Outcome(0, 1, 0, 0));
        assertThat(indexed).containsExactly(record.lookupCode().toString());
    }

    @Test
    void whenTheIndexCannotBeListedSearchStaysUnavailable() {
        SearchIndex unreadable = new DelegatingIndex(index) {
            @Override
            public void forEachEntry(Consumer<IndexedEntry> action) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
            }
        };
        reconciler(unreadable).onReady();
        assertThat(availability.isReady()).isFalse();
    }

    /** Passes everything to another index, for tests that change one answer. */
    static class DelegatingIndex implements SearchIndex {
        private final SearchIndex to;

        DelegatingIndex(SearchIndex to) {
            this.to = to;
        }

        @Override
        public void index(IndexedDocument document) {
            to.index(document);
        }

        @Override
        public void remove(String lookupCode) {
            to.remove(lookupCode);
        }

        @Override
        public void inBatch(Runnable work) {
            to.inBatch(work);
        }

        @Override
        public SearchPage search(SearchRequest request) {
            return to.search(request);
        }

        @Override
        public boolean contains(String lookupCode) {
            return to.contains(lookupCode);
        }

        @Override
        public void forEachEntry(Consumer<IndexedEntry> action) {
            to.forEachEntry(action);
        }
    }
}
