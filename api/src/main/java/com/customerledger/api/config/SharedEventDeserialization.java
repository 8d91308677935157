package com.customerledger.api.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * The embedded event store's serializer of events, which deserializes an event's payload and metadata once
 * for all its readers. Every projection reads the event store through a stream of its own, and each
 * deserialized every event it handles itself (a tenth of a replay's CPU in a profile). This keeps the last
 * 32,768 deserialized values (about 16,000 events: a replay's projections run that far apart), each under
 * its exact bytes and type; a reader of the same bytes gets the same object.
 * <p>
 * Only values no reader can change are shared: the ledger's events (records of the events module, whose
 * lists and maps are copies that cannot be changed) and Axon's metadata. Anything else (an upcaster's
 * intermediate form, a type the ledger no longer knows) is deserialized as before.
 */
final class SharedEventDeserialization implements Serializer {

    private static final int SLOTS = 1 << 15;
    private static final String EVENTS_PACKAGE = "com.customerledger.events.";

    private final Serializer delegate;
    private final AtomicReferenceArray<Kept> kept = new AtomicReferenceArray<>(SLOTS);
    private final Map<SerializedType, Boolean> shareable = new ConcurrentHashMap<>();

    SharedEventDeserialization(Serializer delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (!(serialized.getData() instanceof byte[] bytes) || !shareable(serialized.getType())) {
            return delegate.deserialize(serialized);
        }
        int hash = 31 * Arrays.hashCode(bytes) + serialized.getType().hashCode();
        int slot = hash & (SLOTS - 1);
        Kept known = kept.get(slot);
        if (known != null && known.hash == hash && known.type.equals(serialized.getType())
                && Arrays.equals(known.bytes, bytes)) {
            return (T) known.value;
        }
        T value = delegate.deserialize(serialized);
        kept.set(slot, new Kept(hash, serialized.getType(), bytes, value));
        return value;
    }

    private boolean shareable(SerializedType type) {
        return shareable.computeIfAbsent(type, known -> {
            Class<?> target = delegate.classForType(known);
            return target == MetaData.class || target.isRecord() && target.getName().startsWith(EVENTS_PACKAGE);
        });
    }

    private record Kept(int hash, SerializedType type, byte[] bytes, Object value) {
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
