package com.customerledger.query.ownership;

import java.util.ArrayList;
import java.util.List;
import com.customerledger.query.SequencedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every ownership change of one customer, in the order recorded. */
@Document("ownership")
@CompoundIndex(name = "by_rep", def = "{'records.toRepId': 1}")
class OwnershipDocument extends SequencedDocument {

    List<OwnershipRecord> records = new ArrayList<>();
}
