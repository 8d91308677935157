package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is enough to build a client against: described and grouped operations,
 * security schemes, an example body for every write, and every status an operation answers.
 */
class OpenApiDocumentTest extends EmbeddedLedgerTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Map<String, String> SUCCESS = Map.ofEntries(
            Map.entry("post /api/customers", "201"),
            Map.entry("post /api/reps", "201"),
            Map.entry("post /api/customers/{customerId}/visits", "201"),
            Map.entry("post /api/customers/{customerId}/deals", "201"),
            Map.entry("post /api/opportunities", "201"),
            Map.entry("post /api/products", "201"),
            Map.entry("post /api/transfers", "202"),
            Map.entry("post /api/reps/{repId}/departure", "202"),
            Map.entry("post /api/admin/projections/{name}/replay", "202"),
            Map.entry("post /api/customers/{customerId}/credit/requests", "201"),
            Map.entry("post /api/orders", "201"),
            Map.entry("post /api/customers/{customerId}/payments", "201"),
            Map.entry("post /api/rebates/settlements", "201"),
            Map.entry("post /api/webhooks", "201"),
            Map.entry("post /api/customers/{customerId}/sell-through", "201"),
            Map.entry("post /api/imports/customers", "202"),
            Map.entry("post /api/tickets", "201"),
            Map.entry("post /api/experts", "201"),
            Map.entry("post /api/articles", "201"));

    @Test
    void theDocumentDescribesTheApiAndHowToAuthenticate() {
        JsonNode doc = document();
        assertThat(doc.at("/info/title").asText()).isEqualTo("Customer Ledger");
        assertThat(doc.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(doc.at("/info/description").asText()).contains("minPosition", "urn:customer-ledger:problem:");
        assertThat(doc.at("/info/contact/name").asText()).isNotBlank();
        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security").toString()).contains("basicAuth", "bearerAuth");
        assertThat(doc.at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(tag -> {
            tags.add(tag.get("name").asText());
            assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank();
        });
        assertThat(tags).contains("Customers", "Sales reps", "Audit").noneMatch(tag -> tag.endsWith("-controller"));
    }

    @Test
    void everyOperationIsSummarizedTaggedExemplifiedAndListsItsErrors() {
        JsonNode doc = document();
        List<String> faults = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey()) || !path.getKey().startsWith("/api/")) {
                return;
            }
            String name = entry.getKey() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (operation.path("summary").asText().isBlank()) {
                faults.add(name + ": no summary");
            }
            if (operation.path("description").asText().isBlank()) {
                faults.add(name + ": no description");
            }
            if (operation.path("tags").isEmpty() || operation.path("tags").get(0).asText().endsWith("-controller")) {
                faults.add(name + ": no tag of its own " + operation.path("tags"));
            }
            JsonNode responses = operation.path("responses");
            List<String> errors = new ArrayList<>(List.of("400", "401", "403", "503"));
            if (path.getKey().contains("{")) {
                errors.add("404");
            }
            if (!entry.getKey().equals("get")) {
                errors.add("409");
            }
            for (String status : errors) {
                if (responses.path(status).path("content").path("application/problem+json").isMissingNode()) {
                    faults.add(name + ": no problem document for " + status);
                }
            }
            String success = SUCCESS.getOrDefault(name, "200");
            if (responses.path(success).isMissingNode()) {
                faults.add(name + ": no " + success + " answer, only " + fieldNames(responses));
            }
            if (!success.equals("200") && !responses.path("200").isMissingNode()) {
                faults.add(name + ": documents 200 where it answers " + success);
            }
            JsonNode body = operation.path("requestBody");
            JsonNode media = body.path("content").has("multipart/form-data") ? body.path("content").path("multipart/form-data")
                    : body.path("content").path("application/json");
            if (!body.isMissingNode() && !hasExample(doc, media)) {
                faults.add(name + ": no example body");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("description").asText().isBlank()) {
                    faults.add(name + ": parameter " + parameter.path("name").asText() + " undescribed");
                }
                if (parameter.path("name").asText().equals("page") && parameter.path("schema").has("$ref")) {
                    faults.add(name + ": page as an object");
                }
                if (List.of("asOf", "knownAt", "from", "to", "minPosition", "page", "size").contains(parameter.path("name").asText())
                        && parameter.path("required").asBoolean()) {
                    faults.add(name + ": optional parameter " + parameter.path("name").asText() + " marked required");
                }
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void everyPropertyOfEverySchemaIsDescribed() {
        JsonNode doc = document();
        List<String> faults = new ArrayList<>();
        doc.path("components").path("schemas").fields().forEachRemaining(schema -> schema.getValue().path("properties")
                .fields().forEachRemaining(property -> {
                    JsonNode value = property.getValue();
                    boolean described = !value.path("description").asText().isBlank()
                            || value.path("allOf").findValuesAsText("description").stream().anyMatch(text -> !text.isBlank());
                    if (!described) {
                        faults.add(schema.getKey() + "." + property.getKey());
                    }
                }));
        assertThat(doc.path("components").path("schemas").size()).as("schemas in the document").isGreaterThan(20);
        assertThat(faults).as("properties without a description").isEmpty();
    }

    /** The document as served, also left in {@code api/target/openapi.json} to read or diff. */
    private JsonNode document() {
        Api.Response response = api.get(null, "/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), response.raw().body());
        } catch (java.io.IOException notWritten) {
            throw new java.io.UncheckedIOException(notWritten);
        }
        return response.body();
    }

    private static boolean hasExample(JsonNode doc, JsonNode media) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        String ref = media.path("schema").path("$ref").asText();
        return !ref.isEmpty() && doc.at(ref.substring(1)).has("example");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
