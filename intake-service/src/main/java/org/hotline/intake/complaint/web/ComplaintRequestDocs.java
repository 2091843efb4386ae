package org.hotline.intake.complaint.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.hotline.web.json.JsonRequestSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The complaint's request schema in the OpenAPI document is the published contract itself
 * (docs/schemas/complaint-request.v1.schema.json, the file every body is checked against), not one derived from the
 * Java types, which would be a second copy saying less: the contract has the required fields, the allowed values,
 * and an example the intake takes (ComplaintRequestContractTest), which is also the body Swagger UI fills in. And
 * the partner's key, which a request may carry or not.
 */
@Component
class ComplaintRequestDocs implements OpenApiCustomizer {

    static final String NAME = "ComplaintRequest";
    static final String REF = "#/components/schemas/" + NAME;
    static final String PARTNER_KEY = "partnerKey";

    @Override
    public void customise(OpenAPI openApi) {
        JsonRequestSchema contract = JsonRequestSchema.load(ComplaintRequestReader.SCHEMA);
        Schema<?> schema = parse(contract.document().toString(), Schema.class);
        // Without them the contract would be a document of its own, with its own dialect and base address.
        schema.set$schema(null);
        schema.set$id(null);
        openApi.getComponents().addSchemas(NAME, schema);
        openApi.getComponents().addSecuritySchemes(PARTNER_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("A partner organisation's key (docs/security.md, \"Partners\"). "
                        + "Optional: without it the complaint is the public's; a key that is no partner's is a 401."));
        Operation submit = openApi.getPaths().get("/api/v1/complaints").getPost();
        submit.getRequestBody().getContent().get(MediaType.APPLICATION_JSON_VALUE)
                .setExample(parse(contract.document().path("examples").get(0).toString(), JsonNode.class));
        submit.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(PARTNER_KEY)));
    }

    /** Swagger's model is Jackson 2's, and the contract is read with Jackson 3: it is handed over as text. */
    private static <T> T parse(String json, Class<T> type) {
        try {
            return Json31.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the complaint's contract is not a JSON Schema", e);
        }
    }
}
