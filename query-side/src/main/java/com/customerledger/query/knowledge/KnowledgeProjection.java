package com.customerledger.query.knowledge;

import com.customerledger.events.knowledge.ArticlePublishedEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.SequencedDocument;
import com.customerledger.query.ticket.TicketProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The knowledge base (part of the activity projection); how often an article is cited comes from the tickets. */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class KnowledgeProjection {

    @Document("articles")
    @CompoundIndex(name = "newest", def = "{'publishedAt': -1}")
    static class ArticleDocument extends SequencedDocument {
        String articleId;
        String title;
        String body;
        List<String> crops;
        List<String> species;
        List<String> tags;
        String publishedBy;
        Instant publishedAt;
    }

    private final MongoTemplate mongo;
    private final TicketProjection tickets;

    public KnowledgeProjection(MongoTemplate mongo, TicketProjection tickets) {
        this.mongo = mongo;
        this.tickets = tickets;
    }

    @EventHandler
    void on(ArticlePublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ArticleDocument.class, "article:" + event.articleId(), sequence, recordedAt,
                ArticleDocument::new, article -> {
                    article.articleId = event.articleId();
                    article.title = event.title();
                    article.body = event.body();
                    article.crops = event.crops();
                    article.species = event.species();
                    article.tags = event.tags();
                    article.publishedBy = event.publishedBy();
                    article.publishedAt = recordedAt;
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, ArticleDocument.class);
    }

    @QueryHandler
    ArticlePage handle(SearchArticlesQuery query) {
        List<Criteria> criteria = new ArrayList<>(List.of(Criteria.where("articleId").ne(null)));
        if (query.q() != null) {
            Pattern text = Pattern.compile(Pattern.quote(query.q()), Pattern.CASE_INSENSITIVE);
            criteria.add(new Criteria().orOperator(Criteria.where("title").regex(text), Criteria.where("body").regex(text),
                    Criteria.where("tags").regex(text)));
        }
        if (query.crop() != null) {
            criteria.add(Criteria.where("crops").is(query.crop()));
        }
        if (query.species() != null) {
            criteria.add(Criteria.where("species").is(query.species()));
        }
        Query find = new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(find, ArticleDocument.class);
        find.with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("_id")))
                .skip(query.page().offset()).limit(query.page().size());
        return new ArticlePage(mongo.find(find, ArticleDocument.class).stream()
                .map(article -> new ArticleView(article.articleId, article.title, article.body, article.crops,
                        article.species, article.tags, article.publishedBy, article.publishedAt,
                        tickets.citationsOf(article.articleId))).toList(),
                query.page().page(), query.page().size(), total);
    }
}
