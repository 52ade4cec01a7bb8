package io.tandem.application.serving;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.ranking.ItemStats;
import io.tandem.domain.retrieval.ItemFacets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Everything besides the ranker that serving needs to rank exactly as training did, stored as one artifact
 * ({@value #FILE}) beside the ranker: the item ids by model index, the item facets and statistics the features
 * read, the candidates taken per retriever, each retriever's encoded model, and the SHA-256 digest of the ranker
 * artifact trained with them. A CRC-32 seals the bytes, so a truncated or altered bundle is refused instead of
 * served; the digest does the same for the ranker, whose ONNX file carries no checksum of its own and can still
 * parse after a bit flip.
 *
 * <p>SHA-256 rather than CRC-32C for the ranker: it is checked once per load, never per request, where hashing a
 * few megabytes costs milliseconds beside opening the ONNX session; and it also recognises a ranker that is
 * whole but not the one trained with this bundle (another version's file copied over it), which a 32-bit sum
 * would only catch with high probability.
 */
public record ServingBundle(List<ItemId> itemIds, ItemFacets facets, ItemStats stats, int candidatesPerRetriever,
                     List<String> retrieverNames, List<byte[]> retrievers, byte[] rankerSha256) {

    public static final String FILE = "serving.bin";

    private static final int MAGIC = 0x54534231; // "TSB1"
    /** 2 added the ranker's SHA-256; 1 had none and is refused rather than served unchecked. */
    private static final int FORMAT = 2;
    private static final int SHA256_BYTES = 32;
    private static final int MAX_LENGTH = 1 << 30;

    public ServingBundle {
        itemIds = List.copyOf(itemIds);
        Objects.requireNonNull(facets, "facets");
        Objects.requireNonNull(stats, "stats");
        retrieverNames = List.copyOf(retrieverNames);
        retrievers = List.copyOf(retrievers);
        if (facets.itemCount() != itemIds.size() || stats.itemCount() != itemIds.size()) {
            throw new InvalidFieldException("artifact", "item ids, facets and statistics cover different items");
        }
        if (retrieverNames.size() != retrievers.size()) {
            throw new InvalidFieldException("artifact", "needs one model per retriever name");
        }
        if (candidatesPerRetriever < 1) {
            throw new InvalidFieldException("artifact", "needs at least one candidate per retriever");
        }
        if (Objects.requireNonNull(rankerSha256, "rankerSha256").length != SHA256_BYTES) {
            throw new InvalidFieldException("artifact", "needs the ranker's " + SHA256_BYTES + "-byte SHA-256, got "
                    + rankerSha256.length + " bytes");
        }
        rankerSha256 = rankerSha256.clone();
    }

    /** The SHA-256 digest of {@code artifact}, as {@link #rankerSha256} records the ranker's. */
    public static byte[] sha256(byte[] artifact) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(artifact);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** True when {@code ranker} is, byte for byte, the ranker this bundle was trained with. */
    public boolean matchesRanker(byte[] ranker) {
        return MessageDigest.isEqual(sha256(ranker), rankerSha256);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.write(rankerSha256);
            out.writeInt(itemIds.size());
            for (ItemId id : itemIds) {
                out.writeUTF(id.value());
            }
            out.writeInt(facets.categoryCount());
            for (String name : facets.categoryNames()) {
                out.writeUTF(name);
            }
            for (int item = 0; item < itemIds.size(); item++) {
                int[] categories = facets.categories()[item];
                out.writeInt(categories.length);
                for (int category : categories) {
                    out.writeInt(category);
                }
                out.writeLong(facets.createdAt()[item]);
                out.writeInt(stats.count()[item]);
                out.writeDouble(stats.meanTime()[item]);
                out.writeLong(stats.firstTime()[item]);
                out.writeDouble(stats.meanValue()[item]);
            }
            out.writeInt(candidatesPerRetriever);
            out.writeInt(retrieverNames.size());
            for (int m = 0; m < retrieverNames.size(); m++) {
                out.writeUTF(retrieverNames.get(m));
                out.writeInt(retrievers.get(m).length);
                out.write(retrievers.get(m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CRC32 crc = new CRC32();
        byte[] body = bytes.toByteArray();
        crc.update(body);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream(body.length + 8);
        sealed.writeBytes(body);
        long sum = crc.getValue();
        for (int shift = 56; shift >= 0; shift -= 8) {
            sealed.write((int) (sum >>> shift));
        }
        return sealed.toByteArray();
    }

    /** @throws InvalidFieldException naming {@code artifact} when the bytes are not an intact bundle */
    public static ServingBundle decode(byte[] bytes) {
        if (bytes.length < 16) {
            throw new InvalidFieldException("artifact", FILE + " is too short (" + bytes.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = 0;
        for (int k = bytes.length - 8; k < bytes.length; k++) {
            stored = (stored << 8) | (bytes[k] & 0xff);
        }
        if (stored != crc.getValue()) {
            throw new InvalidFieldException("artifact", FILE + " is corrupt: its checksum does not match");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, 8);
        if (header.getInt() != MAGIC) {
            throw new InvalidFieldException("artifact", FILE + " is not a serving bundle");
        }
        int format = header.getInt();
        if (format == 1) {
            throw new InvalidFieldException("artifact", FILE + " is format 1, written before the ranker's checksum "
                    + "was recorded; this build reads format " + FORMAT + " only: train the model again");
        }
        if (format != FORMAT) {
            throw new InvalidFieldException("artifact", FILE + " is format " + format + "; this build reads format "
                    + FORMAT + " only");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 16))) {
            byte[] rankerSha256 = new byte[SHA256_BYTES];
            in.readFully(rankerSha256);
            int n = length(in);
            List<ItemId> ids = new ArrayList<>(n);
            for (int item = 0; item < n; item++) {
                ids.add(new ItemId(in.readUTF()));
            }
            int categoryCount = length(in);
            List<String> names = new ArrayList<>(categoryCount);
            for (int c = 0; c < categoryCount; c++) {
                names.add(in.readUTF());
            }
            int[][] categories = new int[n][];
            long[] createdAt = new long[n];
            int[] count = new int[n];
            double[] meanTime = new double[n];
            long[] firstTime = new long[n];
            double[] meanValue = new double[n];
            for (int item = 0; item < n; item++) {
                categories[item] = new int[length(in)];
                for (int c = 0; c < categories[item].length; c++) {
                    categories[item][c] = in.readInt();
                }
                createdAt[item] = in.readLong();
                count[item] = in.readInt();
                meanTime[item] = in.readDouble();
                firstTime[item] = in.readLong();
                meanValue[item] = in.readDouble();
            }
            int perRetriever = in.readInt();
            int models = length(in);
            List<String> retrieverNames = new ArrayList<>(models);
            List<byte[]> retrievers = new ArrayList<>(models);
            for (int m = 0; m < models; m++) {
                retrieverNames.add(in.readUTF());
                byte[] model = new byte[length(in)];
                in.readFully(model);
                retrievers.add(model);
            }
            return new ServingBundle(ids, new ItemFacets(names, categories, createdAt),
                    new ItemStats(count, meanTime, firstTime, meanValue), perRetriever, retrieverNames, retrievers,
                    rankerSha256);
        } catch (IOException e) {
            throw new InvalidFieldException("artifact", FILE + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // Sealed bytes that still break a rule were written wrong: refused as the artifact all the same.
            throw new InvalidFieldException("artifact", FILE + " holds inconsistent data: "
                    + (e instanceof InvalidFieldException refused && refused.field().equals("artifact")
                    ? refused.reason() : e.getMessage()));
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("implausible length " + length);
        }
        return length;
    }
}
