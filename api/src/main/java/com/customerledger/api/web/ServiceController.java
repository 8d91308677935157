package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;
import static com.customerledger.api.web.Requests.MAX_LIST;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Requests.RegionRequest;
import com.customerledger.command.Actor;
import com.customerledger.command.expert.RegisterExpertCommand;
import com.customerledger.command.knowledge.PublishArticleCommand;
import com.customerledger.command.ticket.SetServicePolicyCommand;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketSeverity;
import com.customerledger.query.knowledge.ArticlePage;
import com.customerledger.query.knowledge.SearchArticlesQuery;
import com.customerledger.query.policy.FindServicePolicyQuery;
import com.customerledger.query.policy.ServicePolicyView;
import com.customerledger.query.ticket.ExpertView;
import com.customerledger.query.ticket.ListExpertsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service desk's setup: experts, the knowledge base and the service policy. */
@RestController
class ServiceController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;

    ServiceController(Commands commands, Reads reads, CurrentActor currentActor) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"expertId\": \"agro-a\", \"name\": \"王农艺师\", \"regions\": [{\"province\": \"山东省\", \"city\": \"潍坊市\"}], \"crops\": [\"番茄\", \"黄瓜\"], \"species\": [], \"kinds\": [\"AGRONOMY\", \"QUALITY\"], \"capacity\": 20}")
    record ExpertRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String expertId,
                         @NotBlank @Size(max = 100) String name,
                         @NotEmpty @Size(max = MAX_LIST) List<@NotNull @Valid RegionRequest> regions,
                         @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> crops,
                         @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> species,
                         @Size(max = MAX_LIST) List<@NotNull TicketKind> kinds,
                         @NotNull @Min(1) @Max(100_000) Integer capacity) {
    }

    record ExpertRegistered(String expertId, long position) {
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Register an expert",
            description = "ADMIN. The expert id is the user id of the AGRONOMIST user who acts as the expert. Tickets of "
                    + "customers in its regions may be dispatched to it; crops, species and kinds (empty: any kind) "
                    + "decide between experts, then the load against `capacity`. The same id again with the same data "
                    + "changes nothing; with other data it is 409 `id-already-used`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/experts")
    ResponseEntity<ExpertRegistered> register(@Valid @RequestBody ExpertRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new RegisterExpertCommand(request.expertId(),
                request.name().trim(), request.regions().stream().map(RegionRequest::toRegion).toList(),
                trimmed(request.crops()), trimmed(request.species()),
                request.kinds() == null ? List.of() : request.kinds().stream().distinct().toList(), request.capacity(),
                actor), actor);
        return ResponseEntity.created(URI.create("/api/experts")).body(new ExpertRegistered(request.expertId(),
                accepted.position()));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "List the experts",
            description = "Every expert by id with what it covers, its capacity and its open tickets now (assigned, in "
                    + "progress or reopened). ADMIN, MANAGER, AUDITOR, AGRONOMIST.")
    @GetMapping("/api/experts")
    List<ExpertView> experts(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new ListExpertsQuery(), ResponseTypes.multipleInstancesOf(ExpertView.class), minPosition);
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"articleId\": \"kb-tomato-mg\", \"title\": \"番茄缺镁的识别与补救\", \"body\": \"下部叶片叶脉间黄化……叶面喷施硫酸镁\", \"crops\": [\"番茄\"], \"species\": [], \"tags\": [\"缺素\", \"黄叶\"]}")
    record ArticleRequest(@Pattern(regexp = ID, message = ID_MESSAGE) String articleId,
                          @NotBlank @Size(max = 200) String title,
                          @NotBlank @Size(max = 20_000) String body,
                          @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> crops,
                          @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> species,
                          @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> tags) {
    }

    record ArticlePublished(String articleId, long position) {
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Publish a knowledge-base article",
            description = "MANAGER, ADMIN, AGRONOMIST. A resolution may cite it (`articleId`); the article then counts "
                    + "the citation. The same id again with the same content changes nothing.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/articles")
    ResponseEntity<ArticlePublished> publish(@Valid @RequestBody ArticleRequest request) {
        Actor actor = currentActor.get();
        String id = request.articleId() != null ? request.articleId() : "kb-" + UUID.randomUUID();
        Commands.Accepted<Object> accepted = commands.send(new PublishArticleCommand(id, request.title().trim(),
                request.body(), trimmed(request.crops()), trimmed(request.species()), trimmed(request.tags()), actor), actor);
        return ResponseEntity.created(URI.create("/api/articles?q=" + id)).body(new ArticlePublished(id,
                accepted.position()));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Search the knowledge base",
            description = "Articles whose title, body or tags contain `q` (any case), about `crop` and `species`, newest "
                    + "first, each with `citedBy`: how many ticket resolutions cite it. Every user.")
    @GetMapping("/api/articles")
    ArticlePage articles(@Parameter(description = "Text to find in the title, body or tags, in any case.")
                         @RequestParam(required = false) @Size(min = 1, max = 200) String q,
                         @RequestParam(required = false) @Size(min = 1, max = 100) String crop,
                         @RequestParam(required = false) @Size(min = 1, max = 100) String species,
                         @Valid @ParameterObject PageParams page,
                         @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new SearchArticlesQuery(Requests.text(q), Requests.text(crop), Requests.text(species),
                page.toRequest()), ResponseTypes.instanceOf(ArticlePage.class), minPosition);
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"firstResponse\": {\"URGENT\": \"PT4H\", \"HIGH\": \"PT8H\", \"NORMAL\": \"P1D\", \"LOW\": \"P2D\"}, \"resolution\": {\"URGENT\": \"P1D\", \"HIGH\": \"P2D\", \"NORMAL\": \"P5D\", \"LOW\": \"P10D\"}}")
    record ServicePolicyRequest(@NotNull Map<TicketSeverity, @NotBlank @Size(max = 40) String> firstResponse,
                                @NotNull Map<TicketSeverity, @NotBlank @Size(max = 40) String> resolution) {
    }

    record ServicePolicySet(int version, long position) {
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Set the service policy",
            description = "ADMIN. For every severity (LOW, NORMAL, HIGH, URGENT) the ISO-8601 duration (`PT4H`, `P2D`, "
                    + "`PT30S`) after which a ticket's first response is due, and the one after which its resolution is; "
                    + "the first response is never due after the resolution. Applies to tickets opened or reopened from "
                    + "then on. A missing severity or a malformed duration: 400 `invalid-policy`.")
    @PutMapping("/api/policies/service")
    ServicePolicySet setPolicy(@Valid @RequestBody ServicePolicyRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Integer> accepted = commands.send(SetServicePolicyCommand.of(trimmedValues(request.firstResponse()),
                trimmedValues(request.resolution()), actor), actor);
        return new ServicePolicySet(accepted.result(), accepted.position());
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Read the service policy",
            description = "The deadlines in force and their version (0: none set, tickets have no deadlines). MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/policies/service")
    ServicePolicyView policy(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindServicePolicyQuery(), ResponseTypes.instanceOf(ServicePolicyView.class), minPosition);
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).distinct().toList();
    }

    private static Map<TicketSeverity, String> trimmedValues(Map<TicketSeverity, String> durations) {
        Map<TicketSeverity, String> trimmed = new java.util.EnumMap<>(TicketSeverity.class);
        durations.forEach((severity, duration) -> {
            if (severity != null && duration != null) {
                trimmed.put(severity, duration.trim());
            }
        });
        return trimmed;
    }
}
