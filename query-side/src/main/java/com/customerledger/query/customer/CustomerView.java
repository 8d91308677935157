package com.customerledger.query.customer;

import com.customerledger.events.Contact;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import com.customerledger.events.Scale;
import com.customerledger.events.order.NextPurchase;
import java.time.Instant;
import com.customerledger.query.funnel.OpportunitySummary;
import com.customerledger.query.visit.DealsSummary;
import java.util.List;

/**
 * The 360 view of a customer: profile, current owner (null and {@code inPool} when in the public
 * pool), collaborators, and how the first owner was chosen ({@code assignedByRule}, or the
 * {@code unassignedReason} that left it in the pool), and {@code poolReleaseDueAt} when its owner
 * has been warned it returns to the pool unless something happens first; the last visit and the
 * follow-up it planned; its grade with every change and its inputs; and, in the 360 view of one
 * customer, its deals of the last 12 months and its open opportunities; in that view and in a portfolio,
 * when its last delivery is expected to run out ({@code nextPurchase}).
 */
public record CustomerView(
        String customerId,
        String name,
        CustomerType type,
        Region region,
        String address,
        String creditCode,
        String phone,
        List<Contact> contacts,
        Scale scale,
        List<String> species,
        List<String> crops,
        List<String> productLines,
        String source,
        String ownerRepId,
        boolean inPool,
        Instant ownerSince,
        List<CollaboratorView> collaborators,
        Instant registeredAt,
        String registeredBy,
        String assignedByRule,
        String unassignedReason,
        Instant poolReleaseDueAt,
        Instant lastVisitAt,
        Instant nextFollowUpAt,
        Grade grade,
        List<GradeChangeView> gradeHistory,
        DealsSummary dealsLast12Months,
        List<OpportunitySummary> openOpportunities,
        Instant updatedAt,
        ExpectedPurchase nextPurchase) {

    /** The same view with its deals of the last twelve months and open opportunities (only the 360 view carries them). */
    public CustomerView withActivity(DealsSummary deals, List<OpportunitySummary> opportunities) {
        return new CustomerView(customerId, name, type, region, address, creditCode, phone, contacts, scale, species, crops,
                productLines, source, ownerRepId, inPool, ownerSince, collaborators, registeredAt, registeredBy,
                assignedByRule, unassignedReason, poolReleaseDueAt, lastVisitAt, nextFollowUpAt, grade, gradeHistory, deals,
                opportunities, updatedAt, nextPurchase);
    }

    public CustomerView withNextPurchase(NextPurchase estimate) {
        ExpectedPurchase next = ExpectedPurchase.of(estimate);
        return new CustomerView(customerId, name, type, region, address, creditCode, phone, contacts, scale, species, crops,
                productLines, source, ownerRepId, inPool, ownerSince, collaborators, registeredAt, registeredBy,
                assignedByRule, unassignedReason, poolReleaseDueAt, lastVisitAt, nextFollowUpAt, grade, gradeHistory,
                dealsLast12Months, openOpportunities, updatedAt, next);
    }


    /** Whether a rep may read this customer: they own it, collaborate on it, or it is in the pool for anyone to claim. */
    public boolean visibleToRep(String repId) {
        return inPool || repId.equals(ownerRepId) || collaborators.stream().anyMatch(c -> c.repId().equals(repId));
    }
}
