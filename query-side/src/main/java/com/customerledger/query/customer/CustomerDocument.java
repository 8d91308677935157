package com.customerledger.query.customer;

import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.Contact;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import com.customerledger.events.Scale;
import com.customerledger.query.SequencedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One customer's 360 view as stored: profile, owner, collaborators. Keyed by customer id. The
 * indexes serve the lists (sorted by name), the portfolio, the search terms and the groupings.
 */
@Document(CustomerProjection.COLLECTION)
@CompoundIndex(name = CustomerProjection.BY_NAME, def = "{'name': 1, '_id': 1}")
@CompoundIndex(name = "by_owner", def = "{'ownerRepId': 1, 'name': 1, '_id': 1}")
@CompoundIndex(name = "by_collaborator", def = "{'collaboratorIds': 1, 'name': 1, '_id': 1}")
@CompoundIndex(name = "by_pool", def = "{'inPool': 1, 'name': 1, '_id': 1}")
@CompoundIndex(name = "by_region", def = "{'region.province': 1, 'region.city': 1, 'region.county': 1, 'name': 1}")
@CompoundIndex(name = "by_type", def = "{'type': 1, 'name': 1}")
@CompoundIndex(name = "by_grade", def = "{'grade': 1, 'name': 1}")
@CompoundIndex(name = "follow_up_due", def = "{'ownerRepId': 1, 'nextFollowUpAt': 1}")
@CompoundIndex(name = "grades_by_owner", def = "{'ownerRepId': 1, 'grade': 1}")
@CompoundIndex(name = "grades_by_province", def = "{'region.province': 1, 'grade': 1}")
@CompoundIndex(name = "region_type_grade", def = "{'region.province': 1, 'region.city': 1, 'type': 1, 'grade': 1}")
class CustomerDocument extends SequencedDocument {

    String name;
    /** The name folded for search: NFKC, lower case, no white space. */
    @Indexed
    String searchName;
    CustomerType type;
    Region region;
    String address;
    @Indexed
    String creditCode;
    @Indexed
    String phone;
    List<Contact> contacts = new ArrayList<>();
    Scale scale;
    List<String> species = new ArrayList<>();
    List<String> crops = new ArrayList<>();
    List<String> productLines = new ArrayList<>();
    String source;
    String ownerRepId;
    boolean inPool;
    Instant ownerSince;
    List<CollaboratorView> collaborators = new ArrayList<>();
    /** The rep ids of {@link #collaborators}, for filtering. */
    List<String> collaboratorIds = new ArrayList<>();
    Instant registeredAt;
    String registeredBy;
    /** The rule and policy version that chose the first owner ("rule-1@v3"), if rules chose. */
    String assignedByRule;
    /** Why the assignment rules left the customer in the pool at registration, if they did. */
    String unassignedReason;
    /** When the owner was warned the customer returns to the pool, unless something happens first. */
    Instant poolReleaseDueAt;
    Grade grade;
    List<GradeChangeView> gradeHistory = new ArrayList<>();
    /** The latest visit (by when it happened) and the follow-up it planned. */
    Instant lastVisitAt;
    Instant nextFollowUpAt;

    void apply(CustomerProfile profile) {
        name = profile.name();
        searchName = SearchText.fold(profile.name());
        type = profile.type();
        region = profile.region();
        address = profile.address();
        creditCode = profile.creditCode();
        phone = profile.phone();
        contacts = new ArrayList<>(profile.contacts());
        scale = profile.scale();
        species = new ArrayList<>(profile.species());
        crops = new ArrayList<>(profile.crops());
        productLines = new ArrayList<>(profile.productLines());
        source = profile.source();
    }

    void putCollaborator(String repId, CollaboratorRole role) {
        removeCollaborator(repId);
        collaborators.add(new CollaboratorView(repId, role));
        collaboratorIds.add(repId);
    }

    void removeCollaborator(String repId) {
        collaborators.removeIf(collaborator -> collaborator.repId().equals(repId));
        collaboratorIds.remove(repId);
    }

    CustomerView toView() {
        return new CustomerView(id, name, type, region, address, creditCode, phone, List.copyOf(contacts), scale,
                List.copyOf(species), List.copyOf(crops), List.copyOf(productLines), source, ownerRepId, inPool,
                ownerSince, List.copyOf(collaborators), registeredAt, registeredBy, assignedByRule, unassignedReason, poolReleaseDueAt, lastVisitAt, nextFollowUpAt, grade,
                List.copyOf(gradeHistory), null, null, updatedAt, null);
    }
}
