package io.tandem.domain.retrieval.training;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/**
 * Writes and reads the retrievers this package trains: a magic number, a format version, the model's tag, its
 * arrays, and a CRC-32 of everything before it, so a truncated or altered artifact is refused rather than served.
 */
public final class RetrievalModelCodec {

    private static final int MAGIC = 0x54524d31; // "TRM1"
    private static final int FORMAT = 1;

    /**
     * The bytes of a model one of this package's trainers made.
     *
     * @throws InvalidFieldException naming {@code retriever} for any other model
     */
    public byte[] encode(RetrievalModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            if (model instanceof PopularityTrainer.GlobalPopularity global) {
                out.writeByte(PopularityTrainer.GlobalPopularity.TAG);
                BinaryArrays.writeFloats(out, global.popularity());
            } else if (model instanceof PopularityTrainer.CategoryPopularity categories) {
                out.writeByte(PopularityTrainer.CategoryPopularity.TAG);
                BinaryArrays.writeFloats(out, categories.popularity());
            } else if (model instanceof ItemKnnTrainer.ItemNeighbours neighbours) {
                out.writeByte(ItemKnnTrainer.ItemNeighbours.TAG);
                neighbours.write(out);
            } else if (model instanceof FactorModel factors) {
                out.writeByte(FactorModel.TAG);
                factors.write(out);
            } else if (model instanceof EaseTrainer.EaseModel ease) {
                out.writeByte(EaseTrainer.EaseModel.TAG);
                ease.write(out);
            } else {
                throw new InvalidFieldException("retriever", "cannot store a " + model.getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream(body.length + 8);
        sealed.writeBytes(body);
        long sum = crc.getValue();
        for (int shift = 56; shift >= 0; shift -= 8) {
            sealed.write((int) (sum >>> shift));
        }
        return sealed.toByteArray();
    }

    /**
     * The model {@link #encode} wrote, over {@code items} (the facets of the items it was trained on).
     *
     * @throws InvalidFieldException naming {@code artifact} when the bytes are not such a model, or are damaged
     */
    public RetrievalModel decode(byte[] bytes, ItemFacets items) {
        if (bytes.length < 17) {
            throw new InvalidFieldException("artifact", "is too short to be a retriever (" + bytes.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = 0;
        for (int k = bytes.length - 8; k < bytes.length; k++) {
            stored = (stored << 8) | (bytes[k] & 0xff);
        }
        if (stored != crc.getValue()) {
            throw new InvalidFieldException("artifact", "is corrupt: its checksum does not match");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new ByteArrayInputStream(bytes, 0, bytes.length - 8)))) {
            if (in.readInt() != MAGIC) {
                throw new InvalidFieldException("artifact", "is not a Tandem retriever");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new InvalidFieldException("artifact", "has format " + format + ", this build reads " + FORMAT);
            }
            byte tag = in.readByte();
            RetrievalModel model = switch (tag) {
                case PopularityTrainer.GlobalPopularity.TAG ->
                        new PopularityTrainer.GlobalPopularity(BinaryArrays.readFloats(in));
                case PopularityTrainer.CategoryPopularity.TAG ->
                        new PopularityTrainer.CategoryPopularity(BinaryArrays.readFloats(in), items);
                case ItemKnnTrainer.ItemNeighbours.TAG -> ItemKnnTrainer.ItemNeighbours.read(in);
                case FactorModel.TAG -> FactorModel.read(in);
                case EaseTrainer.EaseModel.TAG -> EaseTrainer.EaseModel.read(in);
                default -> throw new InvalidFieldException("artifact", "holds an unknown retriever type " + tag);
            };
            if (model.itemCount() != items.itemCount()) {
                throw new InvalidFieldException("artifact", "scores " + model.itemCount() + " items, the model has "
                        + items.itemCount());
            }
            return model;
        } catch (IOException e) {
            throw new InvalidFieldException("artifact", "cannot be read: " + e.getMessage());
        }
    }
}
