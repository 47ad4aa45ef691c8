package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.security.ReadableRecords;

class RecordSearchTest {

    @TempDir
    Path dir;

    /** Scope as StudentAccess would give it, without a database. */
    static CallerScope fixed(ReadableRecords readable) {
        return new CallerScope(null) {
            @Override
            public SearchIndex.SearchScope of(Caller caller) {
                return CallerScope.of(readable);
            }
        };
    }

    @Test
    void answers503WithAProblemTypeUntilTheIndexIsReconciled() throws Exception {
        var availability = new SearchAvailability();
        try (var index = new LuceneSearchIndex(dir)) {
            var search = new RecordSearch(index, fixed(ReadableRecords.all()), availability, e -> { });
            assertThatThrownBy(() -> search.search("an", null, 0, 20))
                    .isInstanceOfSatisfying(IndexRebuildingException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.type().toString()).isEqualTo("https://hocba.vn/problems/index-rebuilding");
                        assertThat(e.getMessage()).isNotBlank();
                        assertThat(e.detailVi()).contains("Chỉ mục");
                    });
            availability.markReady();
            assertThat(search.search("an", null, 0, 20).total()).isZero();
        }
    }

    @Test
    void theCallersReadableRecordsBecomeTheScope() throws Exception {
        var availability = new SearchAvailability();
        availability.markReady();
        try (var index = new LuceneSearchIndex(dir)) {
            index.index(new SearchIndex.IndexedDocument("a", "S", "2024-2025", "6A", "HS1", "Nguyễn An", "STUDENT_RECORD", "ARCHIVED", ""));
            index.index(new SearchIndex.IndexedDocument("b", "S", "2024-2025", "7A", "HS2", "Lê An", "STUDENT_RECORD", "ARCHIVED", ""));
            index.index(new SearchIndex.IndexedDocument("c", "S", "2023-2024", "7A", "HS3", "Trần An", "STUDENT_RECORD", "ARCHIVED", ""));
            var readable = new ReadableRecords(false, List.of(ReadableRecords.Year.classes("S", "2024-2025", Set.of("6A")),
                    ReadableRecords.Year.whole("S", "2023-2024")));
            var page = new RecordSearch(index, fixed(readable), availability, e -> { }).search("an", null, 0, 20);
            assertThat(page.hits()).extracting(SearchIndex.Hit::lookupCode).containsExactlyInAnyOrder("a", "c");
            assertThat(page.total()).isEqualTo(2);
            assertThat(new RecordSearch(index, fixed(ReadableRecords.none()), availability, e -> { }).search("an", null, 0, 20).total())
                    .isZero();
            assertThat(new RecordSearch(index, fixed(ReadableRecords.all()), availability, e -> { }).search("an", null, 0, 20).total())
                    .isEqualTo(3);
        }
    }
}
