package vn.hocba.archive;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every feature.
 *
 * @param dataDir where the embedded default keeps its database, WORM store, search index and demo PKI
 * @param demo whether the demo school, demo accounts and demo PKI are set up (embedded default only)
 */
@ConfigurationProperties("hocba")
public record HocbaProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Demo demo) {

    /**
     * @param enabled load the demo school on first start, create the demo accounts and the demo PKI
     * @param dataset the dataset loaded on first start (classpath or file resource); blank loads none
     */
    public record Demo(@DefaultValue("false") boolean enabled,
                       @DefaultValue("classpath:demo/demo-school-2024-2025.json") String dataset) {
    }
}
