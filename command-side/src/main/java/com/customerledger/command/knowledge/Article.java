package com.customerledger.command.knowledge;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.knowledge.ArticlePublishedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A knowledge-base article, published once; resolutions cite it by id. */
@Aggregate
public class Article {

    private static final String PREFIX = "article:";

    @AggregateIdentifier
    private String id;
    private ArticlePublishedEvent published;

    protected Article() {
        // for Axon
    }

    static String aggregateId(String articleId) {
        return PREFIX + articleId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishArticleCommand command) {
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.roles().contains(Role.AGRONOMIST)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers, admins and experts publish articles");
        }
        ArticlePublishedEvent event = new ArticlePublishedEvent(command.articleId(), command.title(), command.body(),
                command.crops(), command.species(), command.tags(), actor.userId());
        if (published != null) {
            if (published.title().equals(event.title()) && published.body().equals(event.body())
                    && published.crops().equals(event.crops()) && published.species().equals(event.species())
                    && published.tags().equals(event.tags())) {
                return;
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "article " + command.articleId()
                    + " exists already with other content", "existingArticleId", command.articleId());
        }
        apply(event);
    }

    @EventSourcingHandler
    void on(ArticlePublishedEvent event) {
        id = aggregateId(event.articleId());
        published = event;
    }
}
