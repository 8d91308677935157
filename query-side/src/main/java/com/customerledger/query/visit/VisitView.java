package com.customerledger.query.visit;

import com.customerledger.events.GeoPoint;
import com.customerledger.events.SampleRequest;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitIntent;
import java.time.Instant;

/** One recorded contact with a customer. */
public record VisitView(String visitId, String customerId, String repId, Instant visitedAt, VisitChannel channel,
                        String notes, String outcome, Instant nextFollowUpAt, GeoPoint location, String recordedBy,
                        Instant recordedAt, VisitIntent intent, SampleRequest sampleRequest) {
}
