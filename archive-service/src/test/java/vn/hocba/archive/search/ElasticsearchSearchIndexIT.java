package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.search.SearchIndex.SearchScope;

/** The search contract on a real Elasticsearch 8 server ({@link EsTestServer}), and what only it does. */
class ElasticsearchSearchIndexIT extends SearchIndexContract {

    private String name;

    @Override
    SearchIndex open() {
        name = EsTestServer.newIndexName("contract");
        return new ElasticsearchSearchIndex(EsTestServer.shared().url(), null, null, null, name);
    }

    @Override
    SearchIndex reopen(SearchIndex index) {
        ((ElasticsearchSearchIndex) index).close();
        return new ElasticsearchSearchIndex(EsTestServer.shared().url(), null, null, null, name);
    }

    @Override
    void close(SearchIndex index) {
        ((ElasticsearchSearchIndex) index).deleteIndex();
        ((ElasticsearchSearchIndex) index).close();
    }

    @Test
    void aServerThatDoesNotAnswerIsUnavailableNotAnError() {
        try (var unreachable = new java.net.ServerSocket(0)) {
            String url = "http://127.0.0.1:" + unreachable.getLocalPort(); // listening, never answering: closed below
            unreachable.close();
            try (var down = new ElasticsearchSearchIndex(url, null, null, null, "x")) { // made without the server
                assertThatThrownBy(() -> down.search("an", SearchScope.everything(), 0, 20))
                        .isInstanceOf(SearchUnavailableException.class);
                assertThatThrownBy(() -> down.index(record("a", SCHOOL, Y24, "6A", "HS1", "An", "")))
                        .isInstanceOf(SearchUnavailableException.class);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theIndexIsCreatedOnceAndASecondClientSharesIt() {
        index.index(record("a", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", "Toán 7.0"));
        var second = new ElasticsearchSearchIndex(EsTestServer.shared().url(), null, null, null, name);
        try {
            assertThat(second.contains("a")).isTrue();
            assertThat(second.search("nguyen van an", SearchScope.everything(), 0, 20).total()).isEqualTo(1);
        } finally {
            second.close();
        }
    }

    @Test
    void aRefusedOperationFailsTheWholeBatchAtItsEndAndTheRestIsStillWritten() {
        String immense = "6".repeat(40_000); // a keyword term over 32,766 bytes: Elasticsearch refuses that document
        assertThatThrownBy(() -> index.inBatch(() -> {
            index.index(record("a", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", ""));
            index.index(record("refused", SCHOOL, Y24, immense, "HS2", "Trần Văn Bình", ""));
            index.index(record("b", SCHOOL, Y24, "6A", "HS3", "Lê Văn Cường", ""));
        })).as("not taken for complete").isInstanceOf(IllegalStateException.class).hasMessageContaining("refused 1");
        assertThat(index.contains("a")).isTrue();
        assertThat(index.contains("b")).isTrue();
        assertThat(index.search("", SearchScope.everything(), 0, 20).total()).isEqualTo(2);
    }

    @Test
    void anIndexDeletedBehindTheServicesBackIsUnavailableOnceThenMadeAgainWithItsMapping() {
        index.index(record("a", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", ""));
        var other = new ElasticsearchSearchIndex(EsTestServer.shared().url(), null, null, null, name);
        other.deleteIndex(); // an operator's mistake
        other.close();
        // a write first: refused (the alias is gone) rather than made into an index with a dynamic mapping
        assertThatThrownBy(() -> index.index(record("b", SCHOOL, Y24, "6B", "HS2", "Trần Thị An", "")))
                .isInstanceOf(SearchUnavailableException.class);
        index.index(record("b", SCHOOL, Y24, "6B", "HS2", "Trần Thị An", "")); // tried again, as the outbox does
        var page = index.search("an", SearchScope.everything(), 0, 20);
        assertThat(codes(page)).containsExactly("b");
        assertThat(facet(page, "class")).as("keyword fields, not a dynamic mapping").containsExactly("6B=1");
    }
}
