package vn.hocba.archive.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The generated API description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): title, HTTP Basic,
 * and what the controllers cannot say themselves. docs/api.md explains the API in words; docs/openapi.json is a
 * copy of this description, kept current by OpenApiDescriptionIT.
 */
@Configuration
class ApiDescription {

    static final String BASIC = "basicAuth";

    @Bean
    OpenAPI hocbaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Hocba API")
                        .description("Signed school-records archive: import school-year datasets (hocba.school-year/v1), "
                                + "read Thông tư 22 results, render student records (học bạ) to PDF/A, sign them in turn, "
                                + "search the archive. Errors are RFC 9457 problem+json with an English `detail` and a "
                                + "Vietnamese `detailVi`. See docs/api.md and docs/dataset-format.md in the repository.")
                        .version("v1")
                        .license(new License().name("Proprietary")))
                // relative, so that the description is the same whatever host and port serve it
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("On the embedded default: admin/admin, and {staffId}@{schoolCode}/demo for every staff member")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * The import reads its body itself (to cap its size before reading it whole), so its body and answers are
     * described here; the public trust anchors need no account.
     */
    @Bean
    OpenApiCustomizer hocbaOperationDetails() {
        return api -> {
            var imports = api.getPaths() == null ? null : api.getPaths().get("/api/v1/imports");
            if (imports != null && imports.getPost() != null) {
                imports.getPost()
                        .summary("Import a school-year dataset (hocba.school-year/v1)")
                        .requestBody(new RequestBody().required(true)
                                .description("The whole dataset as UTF-8 JSON, at most 64 MB (docs/dataset-format.md)")
                                .content(new Content().addMediaType("application/json",
                                        new MediaType().schema(new ObjectSchema()))));
                var created = imports.getPost().getResponses() == null ? null
                        : imports.getPost().getResponses().remove("200");
                var responses = new ApiResponses();
                responses.addApiResponse("201", created != null ? created.description("Stored (or unchanged: changed=false)")
                        : new ApiResponse().description("Stored (or unchanged: changed=false)"));
                responses.addApiResponse("400", problem("Not JSON, or an empty body"));
                responses.addApiResponse("401", problem("No or wrong credentials"));
                responses.addApiResponse("403", problem("Not an administrator, or another school's administrator"));
                responses.addApiResponse("409", problem("The school year has rendered records: changes go through corrections"));
                responses.addApiResponse("413", problem("Larger than 64 MB"));
                responses.addApiResponse("422", problem("Refused: every problem listed in `errors` (path, message, messageVi)"));
                imports.getPost().responses(responses);
            }
            var anchors = api.getPaths() == null ? null : api.getPaths().get("/api/v1/pki/trust-anchors");
            if (anchors != null && anchors.getGet() != null) {
                anchors.getGet().summary("The PEM certificates the service trusts (no account needed)").security(List.of());
            }
        };
    }

    private static ApiResponse problem(String description) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/ProblemDetail");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
    }
}
