package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;

/** Reads parts of an {@link NpzArchive}: the {@code x_<part>.npy} and {@code y_<part>.npy} members. */
final class NpzDataset {

    private NpzDataset() {
    }

    /**
     * Reads both parts in full through one stream: every member once, hashed, CRC-checked, and stopped at
     * what its header's shape needs.
     *
     * @return {train, test}
     */
    static PartScan[] scan(NpzArchive archive, Configuration conf) {
        HadoopFile file = archiveFile(archive, conf);
        FSDataInputStream in = file.open();
        try (in) {
            ZipDirectory zip = directory(in, file);
            return new PartScan[] {scanPart(in, zip, file, Part.TRAIN), scanPart(in, zip, file, Part.TEST)};
        } catch (IOException e) {
            throw Streams.failure(file.location(), "cannot close", e);
        }
    }

    private static PartScan scanPart(FSDataInputStream in, ZipDirectory zip, HadoopFile file, Part part) {
        ZipDirectory.Member labelMember = zip.member(part.npzLabels());
        ZipDirectory.Member imageMember = zip.member(part.npzImages());
        String labelWhere = file.location() + "!/" + labelMember.name();
        String imageWhere = file.location() + "!/" + imageMember.name();
        MessageDigest labelSha = Streams.sha256();
        MessageDigest imageSha = Streams.sha256();
        CRC32 crc = new CRC32();
        int[] labels;
        try (InputStream member = new DigestInputStream(new CheckedInputStream(zip.open(in, labelMember, false), crc), labelSha)) {
            NpyArray array = NpyArray.labels(member, labelMember, labelWhere);
            labels = array.labelType().readAll(member, array.count(), labelWhere);
            Streams.requireEnd(member, labelWhere, "the " + array.count() + " labels its header describes");
            checkCrc(labelMember, crc, labelWhere);
        } catch (IOException e) {
            throw readFailure(labelMember, labelWhere, e);
        }
        crc.reset();
        NpyArray images;
        try (InputStream member = new DigestInputStream(new CheckedInputStream(zip.open(in, imageMember, false), crc), imageSha)) {
            images = NpyArray.images(member, imageMember, imageWhere);
            checkCounts(images, labels.length, labelWhere);
            long read = Streams.consume(member, images.dataBytes(), new byte[Streams.BUFFER]);
            if (read < images.dataBytes()) {
                throw new DataException(imageWhere + ": truncated: the data ends inside image " + read / images.recordBytes()
                        + " of " + images.count());
            }
            Streams.requireEnd(member, imageWhere, "the " + images.count() + " images its header describes");
            checkCrc(imageMember, crc, imageWhere);
        } catch (IOException e) {
            throw readFailure(imageMember, imageWhere, e);
        }
        return new PartScan(images.shape(), labels,
                new DataFile(file.name() + ":" + imageMember.name(), imageWhere, imageMember.compressedSize(), Streams.hex(imageSha)),
                new DataFile(file.name() + ":" + labelMember.name(), labelWhere, labelMember.compressedSize(), Streams.hex(labelSha)));
    }

    /**
     * Opens records {@code [first, end)} of a part: two streams on the archive, one per member, each moved
     * to {@code first} by seeking (stored members) or inflating and discarding (deflated members).
     */
    static RecordCursor open(NpzArchive archive, Part part, int first, int end, Configuration conf) {
        HadoopFile file = archiveFile(archive, conf);
        InputStream images = file.open();
        InputStream labels = null;
        String where = file.location();
        try {
            ZipDirectory zip = directory((FSDataInputStream) images, file);
            ZipDirectory.Member imageMember = zip.member(part.npzImages());
            ZipDirectory.Member labelMember = zip.member(part.npzLabels());
            String imageWhere = file.location() + "!/" + imageMember.name();
            String labelWhere = file.location() + "!/" + labelMember.name();
            where = imageWhere;
            images = zip.open((FSDataInputStream) images, imageMember, true);
            NpyArray imageArray = NpyArray.images(images, imageMember, imageWhere);
            where = labelWhere;
            FSDataInputStream labelFile = file.open();
            labels = labelFile;
            labels = zip.open(labelFile, labelMember, true);
            NpyArray labelArray = NpyArray.labels(labels, labelMember, labelWhere);
            checkCounts(imageArray, labelArray.count(), labelWhere);
            IdxDataset.checkRange(imageWhere, first, end, imageArray.count());
            where = imageWhere;
            Streams.skip(images, (long) first * imageArray.recordBytes(), imageWhere, "image " + first);
            where = labelWhere;
            Streams.skip(labels, (long) first * labelArray.recordBytes(), labelWhere, "label " + first);
            return new StreamCursor(imageArray.shape(), images, imageWhere, labels, labelWhere,
                    labelArray.labelType(), first, end);
        } catch (IOException | RuntimeException e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : Streams.failure(where, "read failed", (IOException) e);
            IdxDataset.closeQuietly(images, failure);
            if (labels != null) {
                IdxDataset.closeQuietly(labels, failure);
            }
            throw failure;
        }
    }

    private static HadoopFile archiveFile(NpzArchive archive, Configuration conf) {
        HadoopFile file = HadoopFile.stat(archive.uri(), conf);
        if (file.isDirectory()) {
            throw new DataException(file.location() + ": is a directory, not an .npz file; give the .npz file "
                    + "itself, or a path not ending in .npz to read a directory of IDX files");
        }
        return file;
    }

    private static ZipDirectory directory(FSDataInputStream in, HadoopFile file) {
        try {
            return ZipDirectory.read(in, file.length(), file.location());
        } catch (IOException e) {
            throw Streams.failure(file.location(), "cannot read the zip directory", e);
        }
    }

    private static void checkCounts(NpyArray images, int labels, String labelWhere) {
        if (images.count() != labels) {
            throw new DataException(images.where() + ": holds " + images.count() + " images but " + labelWhere
                    + " holds " + labels + " labels; each image needs exactly one label");
        }
    }

    private static void checkCrc(ZipDirectory.Member member, CRC32 crc, String where) {
        if (crc.getValue() != member.crc()) {
            throw new DataException(where + ": CRC-32 " + Long.toHexString(crc.getValue()) + " differs from the "
                    + Long.toHexString(member.crc()) + " recorded in the archive; the npz is corrupt");
        }
    }

    private static DataException readFailure(ZipDirectory.Member member, String where, IOException e) {
        return Streams.failure(where, member.method() == ZipDirectory.Member.DEFLATED
                ? "corrupt or truncated deflate data" : "read failed", e);
    }
}
