package com.customerledger.query.ownership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bitemporal ownership: the records are facts with an effective time (when the change counts in
 * business) and a recorded time (when the ledger learnt of it). The periods "as the ledger knew it
 * at {@code knownAt}" use only the records recorded by then, ordered by effective time.
 */
final class OwnershipTimeline {

    private static final Comparator<OwnershipRecord> EFFECTIVE_ORDER =
            Comparator.comparing(OwnershipRecord::effectiveAt).thenComparingLong(OwnershipRecord::sequence);

    private OwnershipTimeline() {
    }

    static List<OwnershipPeriod> periods(List<OwnershipRecord> records, Instant knownAt) {
        List<OwnershipRecord> recorded = known(records, knownAt);
        java.util.Set<String> voided = voided(recorded);
        // a reversal and the change it voids both drop out: the earlier owner's period simply continues
        List<OwnershipRecord> known = recorded.stream()
                .filter(record -> record.reverses() == null && !voided.contains(record.eventId()))
                .sorted(EFFECTIVE_ORDER)
                .toList();
        List<OwnershipPeriod> periods = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            OwnershipRecord record = known.get(i);
            Instant to = i + 1 < known.size() ? known.get(i + 1).effectiveAt() : null;
            periods.add(new OwnershipPeriod(record.toRepId(), record.effectiveAt(), to, record.reason(),
                    record.authorizedBy(), record.rule(), record.recordedAt(), record.eventId(), record.batchId()));
        }
        return periods;
    }

    /** The records the ledger knew at {@code knownAt} (null: now). */
    static List<OwnershipRecord> known(List<OwnershipRecord> records, Instant knownAt) {
        return records.stream().filter(record -> knownAt == null || !record.recordedAt().isAfter(knownAt)).toList();
    }

    /** The ids of the changes voided by the reversals among {@code records}. */
    static java.util.Set<String> voided(List<OwnershipRecord> records) {
        return records.stream().map(OwnershipRecord::reverses).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    static Optional<OwnershipPeriod> at(List<OwnershipPeriod> periods, Instant asOf) {
        return periods.stream().filter(period -> period.covers(asOf)).findFirst();
    }
}
