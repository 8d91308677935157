package com.customerledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.TestData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * What the read-model file holds is always a state between two operations: writers that store a
 * document and then their "token" (as a projection does) never leave a file whose token is ahead of
 * the documents. Each check copies the file right after a commit, while the writers go on (with
 * MVStore's own commits off, nothing else writes the file), and opens the copy as a crash would.
 */
class ConsistentH2BackendTest {

    private static final int WRITERS = 4;
    private static final int ROUNDS = 12;

    @Test
    void aCommittedFileNeverHoldsATokenAheadOfItsDocuments() throws Exception {
        Path dir = TestData.newDirectory("read-model-commit-");
        Path file = dir.resolve("read-models.mv");
        ConsistentH2Backend backend = ConsistentH2Backend.open(file.toString(), Duration.ofHours(1));
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            MongoDatabase database = client.getDatabase("ledger");
            for (int w = 0; w < WRITERS; w++) {
                String writer = "w" + w;
                Thread thread = new Thread(() -> {
                    for (long n = 1; !stop.get(); n++) {
                        database.getCollection("documents").insertOne(new Document("_id", writer + "-" + n).append("writer", writer));
                        database.getCollection("tokens").replaceOne(new Document("_id", writer),
                                new Document("_id", writer).append("position", n), new ReplaceOptions().upsert(true));
                        written.incrementAndGet();
                    }
                }, "writer-" + w);
                thread.setDaemon(true);
                thread.start();
                writers.add(thread);
            }
            int checked = 0;
            long highest = 0;
            for (int round = 0; round < ROUNDS; round++) {
                awaitMoreWrites(written, 20);
                backend.commit();
                Path copy = dir.resolve("copy-" + round + ".mv");
                Files.copy(file, copy);
                List<List<Document>> onFile = readBack(copy, "tokens", "documents");
                for (Document token : onFile.get(0)) {
                    long documents = onFile.get(1).stream()
                            .filter(document -> token.getString("_id").equals(document.getString("writer"))).count();
                    assertThat(documents).as("documents of " + token.getString("_id") + " on file after round " + round)
                            .isGreaterThanOrEqualTo(token.getLong("position"));
                    highest = Math.max(highest, token.getLong("position"));
                    checked++;
                }
                Files.delete(copy);
            }
            assertThat(checked).as("tokens checked").isGreaterThan(0);
            assertThat(highest).as("the writers got far").isGreaterThanOrEqualTo(ROUNDS * 20 / WRITERS);
        } finally {
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(10_000);
            }
            server.shutdownNow();
        }
    }

    /** Lets the writers get at least {@code more} writes further, so each commit lands in the middle of their work. */
    private static void awaitMoreWrites(AtomicLong written, long more) {
        long target = written.get() + more;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (written.get() < target) {
            assertThat(System.nanoTime()).as("the writers stalled").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Opens a copied file as the next start after a crash would, and reads the collections. */
    private static List<List<Document>> readBack(Path copy, String... collections) {
        MongoServer reader = new MongoServer(ConsistentH2Backend.open(copy.toString(), Duration.ofHours(1)));
        InetSocketAddress address = reader.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            List<List<Document>> contents = new ArrayList<>();
            for (String collection : collections) {
                contents.add(client.getDatabase("ledger").getCollection(collection).find().into(new ArrayList<>()));
            }
            return contents;
        } finally {
            reader.shutdownNow();
        }
    }
}
