package org.hotline.routing.complaint.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.hotline.web.json.JsonRequestSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The preview's request schema in the OpenAPI document is the published contract itself
 * (docs/schemas/complaint-request.v1.schema.json, the intake's body, which the preview checks every body against),
 * not one derived from Java types, which would be a second copy saying less; its example is the body Swagger UI
 * fills in.
 */
@Component
class PreviewRequestDocs implements OpenApiCustomizer {

    static final String NAME = "ComplaintRequest";
    static final String REF = "#/components/schemas/" + NAME;

    @Override
    public void customise(OpenAPI openApi) {
        JsonRequestSchema contract = JsonRequestSchema.load(PreviewRequestReader.SCHEMA);
        Schema<?> schema = parse(contract.document().toString(), Schema.class);
        // Without them the contract would be a document of its own, with its own dialect and base address.
        schema.set$schema(null);
        schema.set$id(null);
        openApi.getComponents().addSchemas(NAME, schema);
        openApi.getPaths().get(PreviewController.PATH).getPost().getRequestBody().getContent()
                .get(MediaType.APPLICATION_JSON_VALUE)
                .setExample(parse(contract.document().path("examples").get(0).toString(), JsonNode.class));
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
