package com.customerledger.query.ownership;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every ownership change of one customer, in the order recorded. */
@Document("ownership")
class OwnershipDocument {

    @Id
    String id;
    List<OwnershipRecord> records = new ArrayList<>();
    long lastSequence = -1;
}
