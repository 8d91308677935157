package com.customerledger.query.rep;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepStatus;
import com.customerledger.query.SequencedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;

/** One rep as stored: territory, capacity and status. */
@Document(RepDocument.COLLECTION)
class RepDocument extends SequencedDocument {

    static final String COLLECTION = "reps";

    String name;
    List<Region> regions = new ArrayList<>();
    List<String> productLines = new ArrayList<>();
    List<CustomerType> customerTypes = new ArrayList<>();
    int capacity;
    String managerRepId;
    RepStatus status;
    Instant registeredAt;

    RepView toView(long load) {
        return new RepView(id, name, List.copyOf(regions), List.copyOf(productLines), List.copyOf(customerTypes),
                capacity, managerRepId, status, load, registeredAt, updatedAt);
    }
}
