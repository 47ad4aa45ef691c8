package vn.hocba.archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.school.DatasetReader;
import vn.hocba.archive.school.DatasetRejectedException;

/**
 * What a client of {@code POST /api/v1/imports} receives for a body that cannot be read: 422 problem+json with the
 * detail in both languages, the {@code errors} array, and for a syntax error the members {@code line} and
 * {@code column}. Without a server: the refusal as {@link ApiErrors} renders it, written as JSON.
 */
class DatasetRefusalProblemTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);
    /** As Spring MVC writes a ProblemDetail: its properties as top-level members. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private JsonNode problemFor(String body) {
        var refusal = catchThrowableOfType(DatasetRejectedException.class,
                () -> new DatasetReader(TODAY).read(body.getBytes(StandardCharsets.UTF_8)));
        var response = new ApiErrors(new ErrorPages(null)).refused(refusal); // no request: never a page
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return JSON.readTree(JSON.writeValueAsString(response.getBody()));
    }

    @Test
    void anEmptyBodyIsA422SayingEmptyBodyInBothLanguages() {
        JsonNode problem = problemFor("");
        assertThat(problem.get("detailEn").asString()).contains("empty body");
        assertThat(problem.get("detailVi").asString()).contains("trống");
        assertThat(problem.get("detail").asString()).as("Vietnamese without Accept-Language").contains("trống");
        assertThat(problem.get("errors").get(0).get("path").asString()).isEqualTo("$");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("empty body");
    }

    @Test
    void aSyntaxErrorIsA422NamingLineAndColumn() {
        JsonNode problem = problemFor("{\n\"format\": \"hocba.school-year/v1\",\n\"school\": {,}\n}");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("column").asInt()).isEqualTo(12);
        assertThat(problem.get("detailEn").asString()).contains("line 3, column 12");
    }

    @Test
    void aDuplicateMemberIsListedAsAnErrorWithItsPath() {
        JsonNode problem = problemFor("{\"format\": \"hocba.school-year/v1\", \"format\": \"hocba.school-year/v1\"}");
        List<String> paths = problem.get("errors").valueStream().map(e -> e.get("path").asString()).toList();
        assertThat(paths).contains("format");
        assertThat(problem.get("errors").get(0).get("messageVi").asString()).contains("trùng");
    }
}
