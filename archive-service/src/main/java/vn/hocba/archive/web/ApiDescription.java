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

    static {
        // the signed-in caller is resolved from the credentials, never sent as a parameter
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(vn.hocba.archive.common.Caller.class);
    }

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
            // here, not in the OpenAPI bean: springdoc replaces the bean's schemas with those it finds in the controllers
            api.getComponents().addSchemas("Problem", problemSchema());
            var imports = api.getPaths() == null ? null : api.getPaths().get("/api/v1/imports");
            if (imports != null && imports.getPost() != null) {
                imports.getPost()
                        .operationId("importDataset") // one operation for the three media types it takes
                        .summary("Import a school-year dataset (hocba.school-year/v1)")
                        .requestBody(new RequestBody().required(true)
                                .description("The whole dataset, at most 64 MB (docs/dataset-format.md): UTF-8 JSON, or the "
                                        + "same tables as an XLSX workbook, as the body or uploaded as the form part `file`")
                                .content(new Content().addMediaType("application/json",
                                                new MediaType().schema(new ObjectSchema()))
                                        .addMediaType(ImportController.XLSX, new MediaType().schema(binary()))
                                        .addMediaType("multipart/form-data", new MediaType().schema(new ObjectSchema()
                                                .addProperty("file", binary()
                                                        .description("an XLSX workbook or the JSON document"))
                                                .addRequiredItem("file")))));
                var created = imports.getPost().getResponses() == null ? null
                        : imports.getPost().getResponses().remove("200");
                var responses = new ApiResponses();
                responses.addApiResponse("201", created != null ? created.description("Stored (or unchanged: changed=false)")
                        : new ApiResponse().description("Stored (or unchanged: changed=false)"));
                responses.addApiResponse("401", problem("No or wrong credentials"));
                responses.addApiResponse("403", problem("Not an administrator, or another school's administrator"));
                responses.addApiResponse("409", problem("The school year has rendered records, or the dataset would change a "
                        + "locked class-term (`locked` names them): changes go through corrections"));
                responses.addApiResponse("400", problem("A form upload without the part `file`"));
                responses.addApiResponse("413", problem("Larger than 64 MB, or a workbook that unpacks to more than the "
                        + "import accepts (a zip bomb)"));
                responses.addApiResponse("415", problem("Not sent as JSON, XLSX or multipart/form-data"));
                responses.addApiResponse("422", problem("Refused, nothing stored: every problem listed in `errors` (path, "
                        + "message, messageVi; for a workbook also jsonPath, sheet, row, column); also an empty body or one "
                        + "that is not JSON or not a readable workbook (path `$`)"));
                imports.getPost().responses(responses);
            }
            String student = "/api/v1/schools/{school}/years/{year}/students/{student}";
            if (api.getPaths() != null) {
                var anchors = api.getPaths().get("/api/v1/pki/trust-anchors");
                if (anchors != null && anchors.getGet() != null) {
                    anchors.getGet().summary("The PEM certificates the service trusts (no account needed)").security(List.of());
                }
                var record = api.getPaths().get(student + "/record");
                if (record != null && record.getPost() != null) {
                    created(record.getPost(), "Rendered now (status SIGNING, awaiting the first signers)");
                    record.getPost().getResponses().get("200").description("The record existed already: its current version");
                    record.getPost().getResponses().addApiResponse("409", problem("The school has no principal to countersign, "
                            + "or a term of the student's class is not locked yet (`…/not-locked`, `unlocked` names them)"));
                }
                var signatures = api.getPaths().get(student + "/record/signatures");
                if (signatures != null && signatures.getPost() != null) {
                    created(signatures.getPost(), "Signed: the record with the new signature");
                    signatures.getPost().getResponses().remove("200");
                    signatures.getPost().getResponses().addApiResponse("409", problem("Not the caller's turn, or already complete"));
                }
                lockWindowsAndMarkEntry(api);
                String year = "/api/v1/schools/{schoolCode}/years/{schoolYear}";
                download(api.getPaths().get(year + "/dataset.json"), "application/json", new ObjectSchema(),
                        "Export the stored school-year dataset as JSON (hocba.school-year/v1, canonical order)");
                download(api.getPaths().get(year + "/dataset.xlsx"), ImportController.XLSX, binary(),
                        "Export the stored school-year dataset as an XLSX workbook (re-imports with changed=false)");
                download(api.getPaths().get("/api/v1/imports/template.xlsx"), ImportController.XLSX, binary(),
                        "The empty XLSX workbook: every sheet's column names and instructions in Vietnamese");
                for (String export : List.of(year + "/dataset.json", year + "/dataset.xlsx")) {
                    var item = api.getPaths().get(export);
                    if (item != null && item.getGet() != null) {
                        item.getGet().getResponses().addApiResponse("403", problem(
                                "Not the system administrator nor the school's staff with a school-wide role that year"));
                        item.getGet().getResponses().addApiResponse("404", problem("No such school year"));
                    }
                }
                // every API refusal is problem+json (web.ApiErrors, security.ApiProblems)
                api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                    var responses = op.getResponses();
                    if (op.getSecurity() == null) {
                        responses.putIfAbsent("401", problem("No or wrong credentials"));
                        responses.putIfAbsent("403", problem("The caller may not see or do this"));
                        responses.putIfAbsent("429", problem("Too many wrong passwords in a row for this account name "
                                + "(`…/sign-in-locked`), or from this client address (`…/sign-in-throttled`): refused "
                                + "until the time in `Retry-After`, seconds"));
                    }
                    if (path.startsWith(student)) {
                        responses.putIfAbsent("404", problem("No such school year or student"));
                    }
                    if (path.equals("/api/v1/search")) {
                        responses.putIfAbsent("400", problem("page, size or q out of range (`errors` names it)"));
                    }
                }));
            }
        };
    }

    /** Lock windows and mark entry (API.md "Lock windows and corrections"): the answers the controllers cannot declare. */
    private static void lockWindowsAndMarkEntry(OpenAPI api) {
        String year = "/api/v1/schools/{school}/years/{year}";
        var marks = api.getPaths().get(year + "/classes/{classCode}/subjects/{subjectCode}/terms/{term}/marks");
        if (marks != null && marks.getPut() != null) {
            var entry = new ObjectSchema()
                    .addProperty("student", new Schema<String>().type("string").example("HS2400001"))
                    .addProperty("regular", new io.swagger.v3.oas.models.media.ArraySchema().items(new Schema<>())
                            .description("scores 0-10, one decimal at most; \"Đ\"/\"CĐ\" for a comment subject"))
                    .addProperty("midterm", new Schema<>().description("score, \"Đ\"/\"CĐ\", or null (missing)"))
                    .addProperty("final", new Schema<>().description("score, \"Đ\"/\"CĐ\", or null (missing)"));
            marks.getPut().summary("Enter the marks of a class-subject-term (its teacher, while the term is open)")
                    .requestBody(new RequestBody().required(true)
                            .description("Each listed student's marks there, replaced whole; all or nothing")
                            .content(new Content().addMediaType("application/json", new MediaType()
                                    .schema(new io.swagger.v3.oas.models.media.ArraySchema().items(entry)))));
            marks.getPut().getResponses().get("200").description("The recomputed results of those students (as GET …/results)");
            marks.getPut().getResponses().addApiResponse("403", problem("Not that class-subject's teacher in that school year "
                    + "(also for a class or subject the caller does not teach)"));
            marks.getPut().getResponses().addApiResponse("404", problem("No such term"));
            marks.getPut().getResponses().addApiResponse("409", problem("The class-term is locked (`…/class-term-locked`)"));
            marks.getPut().getResponses().addApiResponse("422", problem("Bad marks, nothing stored: every problem in `errors`, "
                    + "paths like [0].final"));
        }
        for (String path : List.of(year + "/classes/{classCode}/terms/{term}/lock",
                year + "/classes/{classCode}/terms/{term}/unlock", year + "/lock")) {
            var item = api.getPaths().get(path);
            if (item != null && item.getPost() != null) {
                item.getPost().getResponses().addApiResponse("403", problem("Not the school's principal in that school year"));
                item.getPost().getResponses().addApiResponse("404", problem("No such school year, class or term"));
            }
        }
    }

    private static Schema<?> binary() {
        return new Schema<Object>().type("string").types(java.util.Set.of("string")).format("binary");
    }

    /** A download: its body is the file (not base64, as springdoc describes a byte[]). */
    private static void download(io.swagger.v3.oas.models.PathItem item, String mediaType, Schema<?> schema, String summary) {
        if (item == null || item.getGet() == null) {
            return;
        }
        item.getGet().summary(summary).getResponses().addApiResponse("200", new ApiResponse()
                .description("The file, as an attachment")
                .content(new Content().addMediaType(mediaType, new MediaType().schema(schema))));
    }

    private static void created(io.swagger.v3.oas.models.Operation op, String description) {
        var ok = op.getResponses().get("200");
        op.getResponses().addApiResponse("201", new ApiResponse().description(description)
                .content(ok == null ? null : ok.getContent()));
    }

    /** RFC 9457 problem details as the service writes them: the standard members, detailVi and, for bad input, errors. */
    private static Schema<?> problemSchema() {
        var error = new ObjectSchema()
                .addProperty("path", new Schema<String>().type("string").description("where, e.g. assessments[17].final; "
                        + "for a workbook the cell and the JSON path, e.g. assessments!F18 (assessments[16].final)"))
                .addProperty("message", new Schema<String>().type("string").description("the reason in English"))
                .addProperty("messageVi", new Schema<String>().type("string").description("the reason in Vietnamese"))
                .addProperty("jsonPath", new Schema<String>().type("string").description("workbooks: the JSON path, e.g. assessments[16].final"))
                .addProperty("sheet", new Schema<String>().type("string").description("workbooks: the sheet"))
                .addProperty("row", new Schema<Integer>().type("integer").description("workbooks: the 1-based row"))
                .addProperty("column", new Schema<String>().type("string").description("workbooks: the column letters, e.g. F"));
        return new ObjectSchema()
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", new Schema<String>().type("string").format("uri")
                        .description("stable, e.g. https://hocba.vn/problems/invalid-dataset"))
                .addProperty("title", new Schema<String>().type("string"))
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new Schema<String>().type("string").description("in English"))
                .addProperty("detailVi", new Schema<String>().type("string").description("in Vietnamese"))
                .addProperty("instance", new Schema<String>().type("string").format("uri"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error)
                        .description("for bad input: every problem found"));
    }

    private static ApiResponse problem(String description) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
    }
}
