package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The read models' indexes are declared on their documents and made in the store at start, before
 * any event reaches them. (The embedded server keeps its non-unique ones in memory, narrowing equalities on
 * their first field, see SecondaryIndexTest; RealMongoDbTest shows that MongoDB uses them for every read the
 * API sends.)
 */
class ReadModelIndexesTest extends EmbeddedLedgerTest {

    static final Map<String, List<String>> DECLARED = Map.of(
            "customers", List.of("by_name", "by_owner", "by_collaborator", "by_pool", "by_region", "by_type", "by_grade",
                    "follow_up_due", "grades_by_owner", "grades_by_province", "region_type_grade", "searchName", "creditCode",
                    "phone"),
            "visits", List.of("timeline", "in_period"),
            "deals", List.of("of_customer", "in_period", "deals_of_customer"),
            "opportunities", List.of("open_of_customer", "of_customer", "cohort", "won_in_period"),
            "ownership", List.of("by_rep"),
            "transfer_batches", List.of("newest_first"),
            "transfer_batch_items", List.of("of_batch", "progress"),
            "assignment_policies", List.of("version"));

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyReadModelCollectionHasItsDeclaredIndexes() {
        assertDeclaredIndexes(mongo);
    }

    /** Every collection of {@link #DECLARED} has its indexes (a replay's reset makes them again, see ReplayTest). */
    static void assertDeclaredIndexes(MongoTemplate mongo) {
        DECLARED.forEach((collection, names) -> {
            List<String> present = mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
            assertThat(present).as(collection).containsAll(names);
        });
    }
}
