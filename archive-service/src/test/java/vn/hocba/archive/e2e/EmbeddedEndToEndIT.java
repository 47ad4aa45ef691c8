package vn.hocba.archive.e2e;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenario on the embedded default: H2 in the data directory, filesystem WORM store, in-process search. */
class EmbeddedEndToEndIT extends EndToEndScenario {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, "data-embedded");
    }
}
