package com.customerledger.command.knowledge;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.knowledge.ArticlePublishedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The ids of the published articles, on the command side, so that a resolution cites only one that exists. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ArticleIndex {

    private final JdbcTemplate jdbc;

    public ArticleIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String articleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article WHERE article_id = ?", Integer.class,
                articleId) > 0;
    }

    @EventHandler
    void on(ArticlePublishedEvent event) {
        jdbc.update("INSERT INTO knowledge_article (article_id) VALUES (?)", event.articleId());
    }
}
