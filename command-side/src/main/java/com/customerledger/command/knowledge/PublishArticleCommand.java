package com.customerledger.command.knowledge;

import com.customerledger.command.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish a knowledge-base article (MANAGER, ADMIN or AGRONOMIST): its title and body, the crops and species it is
 * about and tags to find it by. Repeating the command with the same id and data changes nothing.
 */
public record PublishArticleCommand(String articleId, String title, String body, List<String> crops,
                                    List<String> species, List<String> tags, Actor actor) {

    public PublishArticleCommand {
        crops = List.copyOf(crops);
        species = List.copyOf(species);
        tags = List.copyOf(tags);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Article.aggregateId(articleId);
    }
}
