package io.tandem.adapters.out.filesystem;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one event in the local event log: {@code [int length][int crc32c][payload]}, the
 * payload being the event's fields in {@link DataOutputStream} form. The checksum lets recovery tell a
 * complete frame from one torn by a crash.
 */
final class EventFrames {

    static final int HEADER_BYTES = 8;
    /** Far above any real event; a larger length can only be a torn or corrupt header. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private EventFrames() {
    }

    static byte[] frame(Event event) {
        byte[] payload = payload(event);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER_BYTES + payload.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(payload.length);
            out.writeInt((int) crc.getValue());
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static boolean checksumMatches(byte[] payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == expected;
    }

    private static byte[] payload(Event event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(event.id().value());
            out.writeUTF(event.type().wireName());
            out.writeUTF(event.user().value());
            out.writeUTF(event.item().value());
            out.writeLong(event.time().getEpochSecond());
            out.writeInt(event.time().getNano());
            out.writeBoolean(event.value().isPresent());
            out.writeDouble(event.value().orElse(0));
            out.writeUTF(event.context().surface().orElse(""));
            out.writeUTF(event.context().requestId().orElse(""));
            out.writeInt(event.context().position().orElse(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Event event(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            EventId id = new EventId(in.readUTF());
            String typeName = in.readUTF();
            EventType type = EventType.fromWireName(typeName).orElseThrow(() -> new InvalidFieldException("type",
                    "unknown event type '" + CanonicalText.excerpt(typeName) + "'"));
            UserId user = new UserId(in.readUTF());
            ItemId item = new ItemId(in.readUTF());
            Instant time = instant(in.readLong(), in.readInt());
            boolean hasValue = in.readBoolean();
            double value = in.readDouble();
            String surface = in.readUTF();
            String requestId = in.readUTF();
            int position = in.readInt();
            return new Event(id, type, user, item, time, hasValue ? OptionalDouble.of(value) : OptionalDouble.empty(),
                    new EventContext(Optional.of(surface).filter(s -> !s.isEmpty()),
                            Optional.of(requestId).filter(r -> !r.isEmpty()),
                            position > 0 ? OptionalInt.of(position) : OptionalInt.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event in the local event log", e);
        }
    }

    private static Instant instant(long seconds, int nanos) {
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidFieldException("time", "lies beyond any representable time");
        }
    }
}
