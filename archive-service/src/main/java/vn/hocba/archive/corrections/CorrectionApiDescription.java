package vn.hocba.archive.corrections;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The corrections endpoints in the API description: the controller reads its bodies itself (to cap the evidence
 * before reading it whole) and answers 201, so bodies and answers are described here, next to the controller.
 */
@Configuration
class CorrectionApiDescription {

    private static final String CORRECTIONS = "/api/v1/schools/{school}/years/{year}/corrections";

    @Bean
    OpenApiCustomizer correctionOperationDetails() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            PathItem list = api.getPaths().get(CORRECTIONS);
            if (list != null && list.getPost() != null) {
                Operation post = list.getPost().operationId("requestCorrection")
                        .summary("Ask for the correction of a locked mark (the class-subject's teacher or the homeroom teacher)")
                        .requestBody(new RequestBody().required(true).content(json(requestSchema())));
                var ok = post.getResponses().remove("200");
                post.getResponses().addApiResponse("201", new ApiResponse().description("Stored: status REQUESTED")
                        .content(ok == null ? null : ok.getContent()));
                post.getResponses().addApiResponse("403", problem("Not the class-subject's teacher nor the homeroom "
                        + "teacher of the student's class that year, or another school"));
                post.getResponses().addApiResponse("404", problem("No such school year"));
                post.getResponses().addApiResponse("409", problem("The class-term is not locked (edit the mark directly), "
                        + "or the mark already has a request awaiting its decision"));
                post.getResponses().addApiResponse("422", problem("Refused, nothing stored: every problem in `errors` "
                        + "(student, subject, term, field, newValue, reason, evidence.*)"));
            }
            if (list != null && list.getGet() != null) {
                list.getGet().operationId("listCorrections")
                        .summary("The year's correction requests the caller may see, newest first");
                list.getGet().getParameters().stream().filter(p -> "status".equals(p.getName())).forEach(p -> p.schema(
                        new StringSchema()._enum(List.of("REQUESTED", "CONFIRMED", "APPROVED", "REJECTED"))));
                list.getGet().getResponses().addApiResponse("404", problem("No such school year"));
                list.getGet().getResponses().addApiResponse("422", problem("An unknown status"));
            }
            PathItem one = api.getPaths().get(CORRECTIONS + "/{id}");
            if (one != null && one.getGet() != null) {
                one.getGet().operationId("getCorrection").summary("One correction request");
                one.getGet().getResponses().addApiResponse("403", problem("The caller may not see the request's class"));
                one.getGet().getResponses().addApiResponse("404", problem("No such request"));
            }
            step(api.getPaths().get(CORRECTIONS + "/{id}/confirmation"), "confirmCorrection",
                    "Confirm a requested correction (the homeroom teacher): CONFIRMED", "Not the class's homeroom teacher");
            step(api.getPaths().get(CORRECTIONS + "/{id}/approval"), "approveCorrection",
                    "Approve a confirmed correction (the principal): APPROVED, the mark changes",
                    "Not the principal of that school year, or the requester");
            PathItem rejection = api.getPaths().get(CORRECTIONS + "/{id}/rejection");
            step(rejection, "rejectCorrection", "Reject a correction not yet decided (the principal): REJECTED",
                    "Not the principal of that school year, or the requester");
            if (rejection != null && rejection.getPost() != null) {
                rejection.getPost().requestBody(new RequestBody().required(true).content(json(new ObjectSchema()
                        .addProperty("reason", new StringSchema().maxLength(CorrectionManagement.MAX_REASON))
                        .addRequiredItem("reason"))));
                rejection.getPost().getResponses().addApiResponse("422", problem("No reason, or one too long"));
            }
            PathItem evidence = api.getPaths().get(CORRECTIONS + "/{id}/evidence");
            if (evidence != null && evidence.getGet() != null) {
                Schema<?> binary = new Schema<Object>().type("string").types(java.util.Set.of("string")).format("binary");
                var content = new Content();
                for (String type : List.of("application/pdf", "image/jpeg", "image/png")) {
                    content.addMediaType(type, new MediaType().schema(binary));
                }
                evidence.getGet().operationId("correctionEvidence").summary("The request's evidence file, as received")
                        .getResponses().addApiResponse("200", new ApiResponse().description("The file, as an attachment")
                                .content(content));
                evidence.getGet().getResponses().addApiResponse("403", problem("The caller may not see the request's class"));
                evidence.getGet().getResponses().addApiResponse("404", problem("No such request, or it has no evidence"));
            }
        };
    }

    private static void step(PathItem item, String operationId, String summary, String forbidden) {
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation op = item.getPost().operationId(operationId).summary(summary);
        op.getResponses().get("200").description("The request after this step");
        op.getResponses().addApiResponse("403", problem(forbidden + "; or another school"));
        op.getResponses().addApiResponse("404", problem("No such request"));
        op.getResponses().addApiResponse("409", problem("Out of order (`status` names the request's state); for an "
                + "approval also `…/not-locked` (the term was unlocked since) or `…/mark-changed` (the stored mark is no "
                + "longer the old value)"));
    }

    private static Schema<?> requestSchema() {
        Schema<Object> mark = new Schema<>().description("a score 0-10 with one decimal, or \"Đ\"/\"CĐ\" for a comment subject");
        return new ObjectSchema()
                .addProperty("student", new StringSchema())
                .addProperty("subject", new StringSchema())
                .addProperty("term", new Schema<Integer>().type("integer")._enum(List.of(1, 2)))
                .addProperty("field", new StringSchema().pattern("^(final|midterm|regular\\[[0-9]+])$"))
                .addProperty("newValue", mark)
                .addProperty("reason", new StringSchema().maxLength(CorrectionManagement.MAX_REASON))
                .addProperty("evidence", new ObjectSchema().nullable(true)
                        .description("a PDF, JPEG or PNG file of at most 10 MB, or null")
                        .addProperty("filename", new StringSchema().maxLength(Evidence.MAX_FILENAME))
                        .addProperty("contentType", new StringSchema()._enum(List.of("application/pdf", "image/jpeg", "image/png")))
                        .addProperty("base64", new StringSchema().format("byte")))
                .required(List.of("student", "subject", "term", "field", "newValue", "reason"));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
