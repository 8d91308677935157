package com.customerledger.events.knowledge;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A knowledge-base article was published: the advice, the crops and species it is about, and tags to find it by. */
@Revision("1")
public record ArticlePublishedEvent(String articleId, String title, String body, List<String> crops,
                                    List<String> species, List<String> tags, String publishedBy) {

    public ArticlePublishedEvent {
        crops = List.copyOf(crops);
        species = List.copyOf(species);
        tags = List.copyOf(tags);
    }
}
