package com.customerledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A document changed by several events of one batch must come out as the embedded server would have
 * kept it after storing each change: replays compare the read models byte for byte, and a replay's
 * batches are not the live run's.
 */
class PendingDocumentsTest {

    @Test
    void aReplacementKeepsTheStoredFieldOrderDropsWhatItLacksAndAppendsWhatIsNew() {
        Document stored = new Document("_id", "c-1").append("name", "A").append("owner", "rep-a")
                .append("_class", "Doc");
        Document replacement = new Document("_id", "c-1").append("name", "B").append("grade", "S")
                .append("_class", "Doc");

        Document kept = PendingDocuments.replaced(stored, replacement);

        assertThat(List.copyOf(kept.keySet())).containsExactly("_id", "name", "_class", "grade");
        assertThat(kept.get("name")).isEqualTo("B");
        assertThat(kept.toJson()).isEqualTo(PendingDocuments.replaced(kept, replacement).toJson());
    }

    @Test
    void aNewDocumentIsStoredAsItIs() {
        Document replacement = new Document("_id", "c-1").append("name", "B");
        assertThat(PendingDocuments.replaced(null, replacement)).isSameAs(replacement);
    }
}
