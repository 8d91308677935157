package com.customerledger.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: who the API is for, how to authenticate, the groups
 * of operations, and what every operation can answer besides its success. The operations describe
 * themselves with annotations on the controllers; this adds what is the same for all of them: the
 * problem documents of the errors, and the meaning of the parameters every read shares.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** What a parameter that many operations share means, by its name. */
    private static final Map<String, String> SHARED_PARAMETERS = Map.ofEntries(
            Map.entry("minPosition", "Wait (at most `ledger.reads.max-wait`, 5 s) until the read models that answer this "
                    + "read have applied this global event position, the `position` a write answered; then 503 "
                    + "`projections-behind` with `Retry-After`."),
            Map.entry("page", "Zero-based page number (0 to 1,000,000; default 0)."),
            Map.entry("size", "Items per page (1 to 200; default 50)."),
            Map.entry("from", "Start of the period, inclusive: an ISO-8601 instant (`2026-11-01T08:00:00Z`) or a plain date "
                    + "(`2026-11-01`, its start in the ledger's zone, `ledger.zone`). Default: 30 days before `to`."),
            Map.entry("to", "End of the period, exclusive: an instant or a plain date. Default: now."),
            Map.entry("asOf", "Business (effective) time: answer as things stood at this instant."),
            Map.entry("knownAt", "System (recorded) time: answer as the ledger knew it at this instant, ignoring what was "
                    + "recorded later."),
            Map.entry("customerId", "The customer's id."),
            Map.entry("repId", "A sales rep's id."),
            Map.entry("opportunityId", "The opportunity's id."),
            Map.entry("productId", "The product's id."),
            Map.entry("requestId", "The credit-limit request's id."),
            Map.entry("orderId", "The order's id."),
            Map.entry("webhookId", "The webhook's id."),
            Map.entry("status", "Only requests of this status: PENDING, APPROVED or REJECTED."),
            Map.entry("batchId", "The departure's or bulk transfer's id, as its start answered."),
            Map.entry("name", "A projection (read model): customer-view, rep-view, ownership-history, policy-view, "
                    + "batch-view, activity-view or funnel-view."),
            Map.entry("eventId", "An event's id, as the audit trail shows it."),
            Map.entry("region", "Region as `province`, `province/city` or `province/city/county`, e.g. `山东省/潍坊市`."),
            Map.entry("type", "Customer type."),
            Map.entry("grade", "Customer grade S, A, B or C."),
            Map.entry("productLine", "Product line, e.g. `feed`."),
            Map.entry("q", "Text to find in the name (also a fragment, spaces ignored), the phone or the credit code."),
            Map.entry("ownerRepId", "Only customers owned by this rep."),
            Map.entry("inPool", "`true`: only customers in the public pool; `false`: only owned ones."),
            Map.entry("due", "`overdue`: only owned customers whose planned follow-up has passed."),
            Map.entry("format", "`json` (default) or `csv`."),
            Map.entry("by", "`rep` or `region` (province)."),
            Map.entry("period", "A calendar month (`2026-11`), quarter (`2026-Q4`) or year (`2026`), in UTC."),
            Map.entry("includeManual", "`true` also regrades customers whose grade was set by hand (default `false`)."),
            Map.entry("limit", "At most this many customers who would move are listed (the counts cover all)."),
            Map.entry("done", "`true`: also the items already done (default: open ones only)."),
            Map.entry("kind", "Only items of this kind (FOLLOW_UP_DUE, POOL_WARNING, REVIEW, SAMPLE_TASK, SAMPLE_SENT, "
                    + "TICKET, ESCALATION, BIRTHDAY, CAMPAIGN, OVERDUE_CREDIT, NEXT_PURCHASE)."),
            Map.entry("inboxItemId", "The inbox item's id, as the inbox shows it."),
            Map.entry("sampleId", "The sample's id, `<customerId>:<visitId>` of the visit that asked for it."),
            Map.entry("ticketId", "The ticket's id, as given when it was opened or as the ledger made it."),
            Map.entry("expertId", "Only the tickets assigned to this expert (an expert's id is its AGRONOMIST user's id)."),
            Map.entry("overdue", "`true`: only tickets with a deadline past due and unmet; `false`: only those without one."),
            Map.entry("crop", "Only articles about this crop."),
            Map.entry("species", "Only articles about this species."));

    @Bean
    OpenAPI ledgerOpenApi() {
        String version = ApiDocumentation.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Customer Ledger")
                        .version(version == null ? "development" : version)
                        .description("""
                                The system of record for which sales rep owns which customer, for a company selling \
                                feed, fertilizer and other farm inputs through field reps. Every fact is an immutable \
                                event; reads come from projections of those events.

                                * **Writes** answer once their events are stored, with `position`, the global event \
                                position. **Reads** may lag; pass `?minPosition=` to wait until they have caught up.
                                * **Errors** are RFC 9457 problem documents (`application/problem+json`) whose `type` is \
                                `urn:customer-ledger:problem:<name>` and whose `code` is that name in upper case.
                                * **Lists** are pages: `?page=0&size=50` → `{items, page, size, total}`.
                                * **Times** are ISO-8601 instants in UTC; query parameters also take a plain date.
                                * **Authentication**: HTTP Basic against the configured users, or a bearer JWT where an \
                                issuer is configured. Roles: ADMIN, MANAGER, AUDITOR (read-only), REP, FINANCE, WAREHOUSE, and \
                                DEALER (a dealer acting as its own customer).""")
                        .contact(new Contact().name("Customer Ledger maintainers")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of `ledger.security.users` (development users: admin/admin-pass, "
                                        + "manager/manager-pass, auditor/auditor-pass, rep-a/rep-a-pass, rep-b/rep-b-pass, finance/finance-pass, "
                                        + "warehouse/warehouse-pass, dealer-a/dealer-a-pass as customer c-dealer-a)."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A JWT of the configured issuer; roles, rep id and a dealer's customer id come from its claims "
                                        + "(`ledger.security.jwt.*`).")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .tags(List.of(
                        tag(ApiTags.REPS, "Register reps, set their territory and leave status, read their book of customers."),
                        tag(ApiTags.CUSTOMERS, "Register customers (duplicates are refused as 撞单), edit profiles, search, "
                                + "read the 360 view, claim from the pool, transfer, release, share with collaborators."),
                        tag(ApiTags.OWNERSHIP, "Who owned a customer when, as the ledger knew it when; reversals of mistakes."),
                        tag(ApiTags.ACTIVITY, "Visits to customers and the deals that feed grading."),
                        tag(ApiTags.OPPORTUNITIES, "Sales pursuits through LEAD → VISITED → SAMPLE_SENT → QUOTED → WON/LOST, "
                                + "and the funnel they make."),
                        tag(ApiTags.TRANSFERS, "A rep's departure and bulk transfers: batches that move many customers, "
                                + "with progress while they run."),
                        tag(ApiTags.POOL, "The public pool (公海): customers without an owner, and the rules that return "
                                + "neglected customers to it."),
                        tag(ApiTags.PRODUCTS, "The product catalogue, and the price the pricing policy sets for a product "
                                + "sold to a customer, with the rule that set it."),
                        tag(ApiTags.ORDERS, "Orders from submission through price and credit approval, dispatch and "
                                + "delivery; every step with who, when and why."),
                        tag(ApiTags.CREDIT, "Customers' credit accounts: limits and payment terms, changed only by a "
                                + "request that finance decides (never the requester)."),
                        tag(ApiTags.TARGETS, "Sales targets per rep or dealer and period, measured by the deals; rebate "
                                + "programs' accruals and their settlement by finance."),
                        tag(ApiTags.POLICIES, "Versioned rules: who a new customer is assigned to, how customers are graded, "
                                + "how products are priced."),
                        tag(ApiTags.ANALYTICS, "Counts and rankings for managers."),
                        tag(ApiTags.AUDIT, "The raw event trail, every ownership change, and verification of the hash chain."),
                        tag(ApiTags.OPERATIONS, "Projection status, replays and parked events (ADMIN)."),
                        tag(ApiTags.WEBHOOKS, "Signed deliveries of the ledger's events to other systems (an ERP, SMS "
                                + "gateways, 企业微信 / 钉钉 bots), at least once and in order per customer (ADMIN)."),
                        tag(ApiTags.INBOX, "Every user's tasks and notices, put there by the ledger's rules (reviews, "
                                + "samples to send, pool warnings, tickets, reminders)."),
                        tag(ApiTags.IMPORTS, "Moving in: customer books from Excel or CSV imported as tracked jobs, and "
                                + "the customers exported back as a sheet (MANAGER, ADMIN).")));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("urn:customer-ledger:problem:customer-already-owned")
                .description("`urn:customer-ledger:problem:<name>`"));
        properties.put("title", new StringSchema().example("Conflict").description("The status's reason phrase."));
        properties.put("status", new IntegerSchema().example(409).description("The HTTP status."));
        properties.put("detail", new StringSchema().example("customer c-lvyuan is owned by rep rep-a and not in the pool")
                .description("What went wrong, for a person."));
        properties.put("instance", new StringSchema().example("/api/customers/c-lvyuan/claim")
                .description("The path that was asked for."));
        properties.put("code", new StringSchema().example("CUSTOMER_ALREADY_OWNED")
                .description("The problem's name in upper case, for programs."));
        Schema problem = new ObjectSchema().description("An RFC 9457 problem document. Some carry more members: `errors` "
                + "(the violated fields of a 400), `existingCustomerId` and `currentOwnerRepId` (a duplicate or a customer "
                + "already owned), `allowedParameters` (an unknown query parameter).");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    /** Adds to every operation of the API the problem documents it can answer, and describes the shared parameters. */
    @Bean
    OpenApiCustomizer standardProblems() {
        return ApiDocumentation::addStandardParts;
    }

    private static void addStandardParts(OpenAPI openApi) {
        describeProperties(openApi.getComponents().getSchemas());
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> {
                    describeParameters(operation);
                    addProblems(path, method, operation);
                });
            }
        });
    }

    /**
     * Gives every property of every schema its meaning from {@code openapi/properties.properties}: first by
     * {@code Schema.property}, then by the property's name alone; a description written on the code wins.
     */
    @SuppressWarnings("rawtypes")
    private static void describeProperties(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        Properties glossary = propertyGlossary();
        schemas.forEach((schemaName, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                return;
            }
            properties.forEach((name, property) -> {
                if (property.getDescription() == null || property.getDescription().isBlank()) {
                    property.setDescription(glossary.getProperty(schemaName + "." + name, glossary.getProperty(name)));
                }
            });
        });
    }

    private static Properties propertyGlossary() {
        Properties glossary = new Properties();
        try (InputStream in = ApiDocumentation.class.getResourceAsStream("/openapi/properties.properties")) {
            if (in == null) {
                throw new IllegalStateException("openapi/properties.properties is missing from the class path");
            }
            glossary.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return glossary;
    }

    private static void describeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
                parameter.setDescription(SHARED_PARAMETERS.get(parameter.getName()));
            }
        }
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean write = method != PathItem.HttpMethod.GET;
        problem(responses, "400", "Bad input: a malformed or missing parameter or body member, an unknown query parameter "
                + "(`invalid-input`, `malformed-body`, `unknown-parameter`, …); nothing was changed.");
        problem(responses, "401", "Not authenticated (`not-authenticated`).");
        problem(responses, "403", "The caller's role or relation to the customer does not allow this (`not-allowed`).");
        if (path.contains("{")) {
            problem(responses, "404", "No such id (`not-found`).");
        }
        if (write) {
            problem(responses, "409", "Conflicts with the ledger's current state (for example `customer-already-owned`, "
                    + "`owner-changed`, `duplicate-customer`, `id-already-used`, `concurrent-change`); nothing was changed.");
        }
        if (operation.getRequestBody() != null) {
            boolean upload = operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data");
            problem(responses, "413", upload ? "The body is larger than `ledger.imports.max-file-size` and a little more."
                    : "The body is larger than `ledger.http.max-body-size`.");
            problem(responses, "415", upload ? "The body is not `multipart/form-data`." : "The body is not `application/json`.");
        }
        problem(responses, "503", write ? "The command was not stored within `ledger.commands.timeout` (`command-timeout`); retry with the same id."
                : "The read models had not reached `minPosition` in time (`projections-behind`, with `Retry-After`).");
        operation.setResponses(responses);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }
}
