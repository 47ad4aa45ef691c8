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
}
