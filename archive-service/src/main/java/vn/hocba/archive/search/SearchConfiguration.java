package vn.hocba.archive.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hocba.archive.HocbaProperties;

/** The in-process index of the embedded default; Elasticsearch is chosen here by configuration later. */
@Configuration
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    LuceneSearchIndex searchIndex(HocbaProperties properties) {
        return new LuceneSearchIndex(properties.dataDir().resolve("index"));
    }
}
