package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import com.customerledger.events.Region;
import com.customerledger.query.SequencedDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One opportunity as the funnel sees it: where it is, and when it entered each stage. */
@Document(FunnelProjection.COLLECTION)
@CompoundIndex(name = "open_of_customer", def = "{'customerId': 1, 'stage': 1, 'openedAt': 1}")
@CompoundIndex(name = "of_customer", def = "{'customerId': 1, 'openedAt': -1, '_id': -1}")
@CompoundIndex(name = "cohort", def = "{'openedAt': 1}")
@CompoundIndex(name = "won_in_period", def = "{'stage': 1, 'closedAt': 1}")
class OpportunityDocument extends SequencedDocument {

    String customerId;
    String productLine;
    BigDecimal expectedValue;
    String repId;
    String province;
    String city;
    String county;
    Instant openedAt;
    OpportunityStage stage;
    List<StageEntry> stages = new ArrayList<>();
    BigDecimal wonAmount;
    Instant closedAt;
    String lostReason;

    OpportunityView toView() {
        Region region = province == null ? null : new Region(province, city, county);
        return new OpportunityView(id, customerId, productLine, expectedValue, repId, region, stage, List.copyOf(stages),
                openedAt, closedAt, wonAmount, lostReason, updatedAt);
    }

    /** The furthest funnel stage reached (a LOST opportunity counts what it reached before). */
    int furthest() {
        return stages.stream().filter(entry -> entry.stage() != OpportunityStage.LOST)
                .mapToInt(entry -> entry.stage().ordinal()).max().orElse(0);
    }
}
