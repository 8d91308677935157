package com.customerledger.command.customer;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.events.DealCreditMovedEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.VisitRecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The visits and deals recorded on a customer, as a member of {@link Customer}, without their bodies:
 * a digest of each body tells a repeat of its id from a reuse with other data, and a deal keeps its
 * closing time and whom it is credited to, which reversals re-credit by. The bodies live in the
 * events and the read models.
 */
class VisitsAndDeals {

    private final Map<String, String> visits = new HashMap<>();
    private final Map<String, Deal> deals = new HashMap<>();

    /** A recorded deal: the digest of its body (credit and recorder left out), when it closed, who is credited. */
    record Deal(String digest, Instant closedAt, String creditedRepId) {
    }

    /** Whether {@code visit} repeats one already recorded; refused if its id was used with other data. */
    boolean repeats(VisitRecordedEvent visit) {
        return repeated(visits.get(visit.visitId()), digest(visit), "visit");
    }

    /** Whether {@code deal} repeats one already recorded, credited alike; refused if its id was used with other data. */
    boolean repeats(DealRecordedEvent deal) {
        Deal earlier = deals.get(deal.dealId());
        boolean creditedAlike = earlier != null && Objects.equals(earlier.creditedRepId(), deal.creditedRepId());
        return repeated(earlier == null ? null : earlier.digest(), creditedAlike ? digest(deal) : null, "deal");
    }

    /** The deals, in id order. */
    List<Map.Entry<String, Deal>> deals() {
        return deals.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static boolean repeated(String earlier, String now, String what) {
        if (earlier == null) {
            return false;
        }
        if (!earlier.equals(now)) {
            throw new RejectedException(ErrorCode.ID_ALREADY_USED, "this " + what + " id is already used with other data");
        }
        return true;
    }

    private static String digest(VisitRecordedEvent visit) {
        return BodyDigest.of(visit.customerId(), visit.visitId(), visit.repId(), visit.visitedAt(), visit.channel(),
                visit.notes(), visit.outcome(), visit.nextFollowUpAt(), visit.location());
    }

    private static String digest(DealRecordedEvent deal) {
        return BodyDigest.of(deal.customerId(), deal.dealId(), deal.productLine(), deal.amount().stripTrailingZeros(),
                deal.margin().stripTrailingZeros(), deal.closedAt());
    }

    @EventSourcingHandler
    void on(VisitRecordedEvent event) {
        visits.put(event.visitId(), digest(event));
    }

    @EventSourcingHandler
    void on(DealRecordedEvent event) {
        deals.put(event.dealId(), new Deal(digest(event), event.closedAt(), event.creditedRepId()));
    }

    @EventSourcingHandler
    void on(DealCreditMovedEvent event) {
        Deal deal = deals.get(event.dealId());
        deals.put(event.dealId(), new Deal(deal.digest(), deal.closedAt(), event.toRepId()));
    }
}
