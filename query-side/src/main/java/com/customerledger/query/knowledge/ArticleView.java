package com.customerledger.query.knowledge;

import java.time.Instant;
import java.util.List;

/** A knowledge-base article and how many ticket resolutions cite it. */
public record ArticleView(String articleId, String title, String body, List<String> crops, List<String> species,
                          List<String> tags, String publishedBy, Instant publishedAt, long citedBy) {
}
