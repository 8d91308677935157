package com.customerledger.query.ownership;

import java.util.ArrayList;
import java.util.List;
import com.customerledger.query.SequencedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every ownership change of one customer, in the order recorded. */
@Document("ownership")
class OwnershipDocument extends SequencedDocument {

    List<OwnershipRecord> records = new ArrayList<>();
}
