package com.customerledger.api.webhooks;

import com.customerledger.api.config.OnCommandSide;
import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.ApiTags;
import com.customerledger.api.web.BadRequestException;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.NotFoundException;
import com.customerledger.command.Actor;
import com.customerledger.command.webhook.RegisterWebhookCommand;
import com.customerledger.command.webhook.RemoveWebhookCommand;
import com.customerledger.command.webhook.WebhookOutbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks (ADMIN): subscriptions by event type, and the record of every delivery. The door to an ERP, SMS
 * gateways and 企业微信 / 钉钉 bots. They live with the command side, which queues and sends the deliveries.
 */
@RestController
@OnCommandSide
class WebhookController {

    /** The event types there are: the names the audit trail shows. */
    static final Set<String> EVENT_TYPES = eventTypes();

    private final Commands commands;
    private final CurrentActor currentActor;
    private final WebhookOutbox outbox;

    WebhookController(Commands commands, CurrentActor currentActor, WebhookOutbox outbox) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.outbox = outbox;
    }

    private static Set<String> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Event")));
        Set<String> types = new TreeSet<>();
        scanner.findCandidateComponents("com.customerledger.events").forEach(candidate -> {
            String name = candidate.getBeanClassName();
            types.add(name.substring(name.lastIndexOf('.') + 1));
        });
        return Set.copyOf(types);
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"webhookId\": \"erp\", \"url\": \"https://erp.example.com/ledger-hook\", \"eventTypes\": [\"CustomerTransferredEvent\", \"OrderDeliveredEvent\"], \"secret\": \"a-long-shared-secret-0123456789\"}")
    record WebhookRequest(
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
            String webhookId,
            @NotBlank @Size(max = 2000) String url,
            @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 200) String> eventTypes,
            @NotBlank @Size(min = 16, max = 500) String secret) {
    }

    record WebhookRegistered(String webhookId, long position) {
    }

    record DeliveryPage(List<WebhookOutbox.Delivery> items, int page, int size, long total) {
    }

    @Operation(tags = ApiTags.WEBHOOKS, summary = "Subscribe a URL to events",
            description = "ADMIN. Every stored event of `eventTypes` (the names the audit trail shows, or `*` for all) is "
                    + "POSTed to `url` as JSON (the event with its metadata), at least once, in order per customer, with "
                    + "`X-Ledger-Delivery`, `X-Ledger-Event` and `X-Ledger-Signature: sha256=<hex HMAC-SHA256 of the body "
                    + "with the secret>`; retried with backoff while the receiver fails, never holding up a command. The "
                    + "secret (16 to 500 characters) is kept out of the event log. The same subscription again is answered "
                    + "as the first time; other data under a used id is 409 `id-already-used`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/webhooks")
    ResponseEntity<WebhookRegistered> register(@Valid @RequestBody WebhookRequest request) {
        URI url = url(request.url());
        for (String type : request.eventTypes()) {
            if (!type.equals("*") && !EVENT_TYPES.contains(type)) {
                throw new BadRequestException("no event type " + type + "; the types are those the audit trail shows, "
                        + "such as CustomerTransferredEvent, or *");
            }
        }
        Actor actor = currentActor.get();
        String id = request.webhookId() != null ? request.webhookId() : "wh-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new RegisterWebhookCommand(RegisterWebhookCommand.idOf(id),
                url.toString(), List.copyOf(new TreeSet<>(request.eventTypes())), request.secret(), actor), actor);
        return ResponseEntity.created(URI.create("/api/webhooks/" + id + "/deliveries"))
                .body(new WebhookRegistered(id, accepted.position()));
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text.trim());
            if (url.getScheme() == null || !Set.of("http", "https").contains(url.getScheme().toLowerCase())
                    || url.getHost() == null) {
                throw new BadRequestException("url must be an absolute http or https URL");
            }
            return url;
        } catch (java.net.URISyntaxException notAUrl) {
            throw new BadRequestException("url is not a URL: " + notAUrl.getReason());
        }
    }

    @Operation(tags = ApiTags.WEBHOOKS, summary = "List the webhooks",
            description = "ADMIN. Every subscription with its URL, event types and whether it is active (never its secret).")
    @GetMapping("/api/webhooks")
    List<WebhookOutbox.Subscription> list() {
        return outbox.subscriptions();
    }

    @Operation(tags = ApiTags.WEBHOOKS, summary = "End a webhook",
            description = "ADMIN. Nothing more is queued for it; what was queued is still delivered. 404 for an unknown id.")
    @DeleteMapping("/api/webhooks/{webhookId}")
    WebhookRegistered remove(@PathVariable String webhookId) {
        outbox.subscription(webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new RemoveWebhookCommand(RegisterWebhookCommand.idOf(webhookId),
                actor), actor);
        return new WebhookRegistered(webhookId, accepted.position());
    }

    @Operation(tags = ApiTags.WEBHOOKS, summary = "A webhook's deliveries",
            description = "ADMIN. Newest first: each delivery's event, status (PENDING until the receiver answered 2xx, then "
                    + "DELIVERED), attempts, the last answer or error, and when it is tried next. `status` narrows the list.")
    @GetMapping("/api/webhooks/{webhookId}/deliveries")
    DeliveryPage deliveries(@PathVariable String webhookId,
                            @RequestParam(required = false) @Pattern(regexp = "PENDING|DELIVERED") String status,
                            @RequestParam(required = false) @Min(0) @Max(1_000_000) Integer page,
                            @RequestParam(required = false) @Min(1) @Max(200) Integer size) {
        outbox.subscription(webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        int number = page == null ? 0 : page;
        int limit = size == null ? 50 : size;
        return new DeliveryPage(outbox.deliveries(webhookId, status, number * limit, limit), number, limit,
                outbox.count(webhookId, status));
    }
}
