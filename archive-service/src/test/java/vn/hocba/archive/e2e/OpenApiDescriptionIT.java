package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated API description is served without an account, and docs/openapi.json is a current copy of it: this test
 * fails when a controller changed and the copy was not regenerated. Regenerate it with (docs/api.md):
 * {@code mvn -B -ntp -pl archive-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=OpenApiDescriptionIT -Dhocba.openapi.write=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionIT {

    static final Path COMMITTED = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent()
            .resolve("docs/openapi.json");

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EndToEndScenario.embeddedDefaults(registry, "data-openapi");
    }

    @Test
    void theDescriptionAndItsUiAreServedWithoutAnAccount() {
        var description = new Api(port).get("/v3/api-docs", null);
        assertThat(description.status()).as(description.text()).isEqualTo(200);
        assertThat(description.contentType()).startsWith("application/json");
        JsonNode api = description.json();
        assertThat(api.get("info").get("title").asString()).isEqualTo("Hocba API");
        assertThat(api.get("components").get("securitySchemes").get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(api.get("paths").has("/api/v1/imports")).isTrue();
        assertThat(api.get("paths").has("/login")).as("the pages are not part of the API").isFalse();

        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertThat(refs).as("every $ref names a schema of the description")
                .allSatisfy(ref -> assertThat(api.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());

        var ui = new Api(port).get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asString());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    @Test
    void docsOpenapiJsonIsACurrentCopyOfTheServedDescription() throws IOException {
        var description = new Api(port).get("/v3/api-docs", null);
        assertThat(description.status()).isEqualTo(200);
        JsonNode served = description.json();
        String pretty = PRETTY.writeValueAsString(served) + "\n";

        if (Boolean.getBoolean("hocba.openapi.write")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("docs/openapi.json is missing: regenerate it as docs/api.md says").isRegularFile();
        JsonNode committed = PRETTY.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(committed)
                .as("docs/openapi.json is stale: regenerate it with -Dhocba.openapi.write=true as docs/api.md says")
                .isEqualTo(served);
    }
}
