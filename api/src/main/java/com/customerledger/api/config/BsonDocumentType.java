package com.customerledger.api.config;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded read-model store keeps a collection's documents on file: as BSON, the form they came
 * in over the wire. The MongoDB-protocol server's H2 backend leaves them to H2's {@link ObjectDataType},
 * which stores an object of a class it does not know by Java serialization: every document carried the
 * class descriptors of its maps and lists, and writing or reading a page of documents was most of what a
 * commit, and a read that missed H2's page cache, spent its time on.
 * <p>
 * A value is written as {@link #BSON} and the BSON document (which begins with its length). A file
 * written before holds H2's own form, whose first byte is one of H2's tags, all below {@code BSON}: such
 * a value is read by H2's type, and written as BSON the next time its page is written. A value that is
 * not a document, or one BSON cannot hold (the server stores nothing of that kind), is left to H2's type.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /** The first byte of a BSON value; H2's {@link ObjectDataType} uses tags up to 119. */
    static final byte BSON = 127;

    /**
     * About how much heap a document takes per byte of its BSON (its map's entries, the field names and
     * values as Java objects): MVStore sizes its page cache and its pages by these estimates.
     */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private final ObjectDataType legacy = new ObjectDataType();
    /** A moving average of the heap estimate, as H2's own type keeps one for the objects it serializes. */
    private volatile int averageMemory = 2_000;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : legacy.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            ByteBuf bson = Unpooled.buffer(512);
            try {
                BsonEncoder.encodeDocument(document, bson);
                buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
                observe(bson.readableBytes());
                return;
            } catch (IllegalArgumentException notBson) {
                // a value of a type BSON has no form for: H2's type stores it as it always did
            } finally {
                bson.release();
            }
        }
        legacy.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return legacy.read(buffer);
        }
        int length = buffer.order() == java.nio.ByteOrder.LITTLE_ENDIAN ? buffer.getInt(start + 1)
                : Integer.reverseBytes(buffer.getInt(start + 1));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start + 1, length)));
        buffer.position(start + 1 + length);
        observe(length);
        return document;
    }

    private void observe(int bsonLength) {
        averageMemory = (int) ((HEAP_PER_BSON_BYTE * (long) bsonLength + 15L * averageMemory) / 16);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
