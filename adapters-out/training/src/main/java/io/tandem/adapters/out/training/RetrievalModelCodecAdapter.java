package io.tandem.adapters.out.training;

import io.tandem.application.port.out.DecodeRetrievalModelPort;
import io.tandem.application.port.out.EncodeRetrievalModelPort;
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
 * Writes and reads the retrievers this module trains: a magic number, a format version, the model's tag, its
 * arrays, and a CRC-32 of everything before it, so a truncated or altered artifact is refused rather than served.
 */
public final class RetrievalModelCodecAdapter implements EncodeRetrievalModelPort, DecodeRetrievalModelPort {

    private static final int MAGIC = 0x54524d31; // "TRM1"
    private static final int FORMAT = 1;

    @Override
    public byte[] encode(RetrievalModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            if (model instanceof PopularityRetrieverAdapter.GlobalPopularity global) {
                out.writeByte(PopularityRetrieverAdapter.GlobalPopularity.TAG);
                BinaryArrays.writeFloats(out, global.popularity());
            } else if (model instanceof PopularityRetrieverAdapter.CategoryPopularity categories) {
                out.writeByte(PopularityRetrieverAdapter.CategoryPopularity.TAG);
                BinaryArrays.writeFloats(out, categories.popularity());
            } else if (model instanceof ItemKnnRetrieverAdapter.ItemNeighbours neighbours) {
                out.writeByte(ItemKnnRetrieverAdapter.ItemNeighbours.TAG);
                neighbours.write(out);
            } else if (model instanceof IalsRetrieverAdapter.FactorModel factors) {
                out.writeByte(IalsRetrieverAdapter.FactorModel.TAG);
                factors.write(out);
            } else if (model instanceof EaseRetrieverAdapter.EaseModel ease) {
                out.writeByte(EaseRetrieverAdapter.EaseModel.TAG);
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

    @Override
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
                case PopularityRetrieverAdapter.GlobalPopularity.TAG ->
                        new PopularityRetrieverAdapter.GlobalPopularity(BinaryArrays.readFloats(in));
                case PopularityRetrieverAdapter.CategoryPopularity.TAG ->
                        new PopularityRetrieverAdapter.CategoryPopularity(BinaryArrays.readFloats(in), items);
                case ItemKnnRetrieverAdapter.ItemNeighbours.TAG -> ItemKnnRetrieverAdapter.ItemNeighbours.read(in);
                case IalsRetrieverAdapter.FactorModel.TAG -> IalsRetrieverAdapter.FactorModel.read(in);
                case EaseRetrieverAdapter.EaseModel.TAG -> EaseRetrieverAdapter.EaseModel.read(in);
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
