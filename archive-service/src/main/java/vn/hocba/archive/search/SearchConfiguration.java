package vn.hocba.archive.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hocba.archive.HocbaProperties;

/**
 * The search index, chosen by {@code hocba.search} ({@code HOCBA_SEARCH}): {@code lucene} (the default), in-process
 * under the data directory; or {@code elasticsearch}, an Elasticsearch 8 server at {@code hocba.es.url}
 * ({@code HOCBA_ES_URL}), with credentials from the environment ({@code HOCBA_ES_USERNAME} and
 * {@code HOCBA_ES_PASSWORD}, or {@code HOCBA_ES_API_KEY}) and the index {@code hocba.es.index}
 * ({@code HOCBA_ES_INDEX}, default {@code hocba-documents}).
 */
@Configuration
@EnableConfigurationProperties(SearchConfiguration.SearchProperties.class)
class SearchConfiguration {

    /**
     * @param search {@code lucene} or {@code elasticsearch}
     * @param es     the Elasticsearch server, when {@code elasticsearch}
     */
    @ConfigurationProperties("hocba")
    record SearchProperties(@DefaultValue("lucene") String search, @DefaultValue Es es) {

        /**
         * @param url      e.g. {@code https://es.example.vn:9200}
         * @param username HTTP Basic user (none: no credentials, or the API key)
         * @param password its password
         * @param apiKey   an API key instead of a user (base64 {@code id:key})
         * @param index    the index name
         */
        record Es(String url, String username, String password, String apiKey,
                  @DefaultValue("hocba-documents") String index) {

            @Override
            public String toString() {
                return "Es[url=" + url + ", username=" + username + ", index=" + index + "]";
            }
        }
    }

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(HocbaProperties properties, SearchProperties search) {
        return switch (search.search()) {
            case "lucene" -> new LuceneSearchIndex(properties.dataDir().resolve("index"));
            case "elasticsearch" -> {
                var es = search.es();
                if (es.url() == null || es.url().isBlank()) {
                    throw new IllegalStateException("hocba.search=elasticsearch needs hocba.es.url (HOCBA_ES_URL)");
                }
                yield new ElasticsearchSearchIndex(es.url(), es.username(), es.password(), es.apiKey(), es.index());
            }
            default -> throw new IllegalStateException("hocba.search is lucene or elasticsearch, not " + search.search());
        };
    }
}
