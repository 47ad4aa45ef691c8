package vn.hocba.archive.validation;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code POST /api/v1/validation} in the API description: public, a PDF body the controller reads itself. */
@Configuration
class ValidationApiDescription {

    static final String PATH = "/api/v1/validation";

    @Bean
    OpenApiCustomizer validationOperationDetails() {
        return api -> {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(PATH);
            if (item == null || item.getPost() == null) {
                return;
            }
            Schema<?> binary = new Schema<Object>().type("string").types(java.util.Set.of("string")).format("binary");
            Operation post = item.getPost().operationId("validateDocument")
                    .summary("The report of a signed PDF: every signature (EU DSS, offline, against the service's trust "
                            + "anchors), its PDF/A conformance (veraPDF), and the archived version with the same bytes "
                            + "(no account needed)")
                    .security(List.of())
                    .requestBody(new RequestBody().required(true).content(new Content()
                            .addMediaType("application/pdf", new MediaType().schema(binary))));
            post.getResponses().remove("401");
            post.getResponses().remove("403");
            post.getResponses().addApiResponse("413", problem("Larger than hocba.validation.max-size (20 MB by default)"));
            post.getResponses().addApiResponse("415", problem("Not sent as application/pdf"));
            post.getResponses().addApiResponse("422", problem("Not a readable PDF (`errors` names the path `body`)"));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
