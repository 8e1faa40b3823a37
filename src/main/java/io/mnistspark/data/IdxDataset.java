package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.function.Function;

/** Reads parts of an {@link IdxDirectory} or the {@link EmbeddedMnist}: pairs of IDX image and label files. */
final class IdxDataset {

    private IdxDataset() {
    }

    /** Scans the training and test parts, whose image and label files {@code files} names, and combines them. */
    static DatasetInfo inspect(DataLocation location, Function<Part, IdxFile[]> files, ClassCount classes) {
        PartScan train = scan(files.apply(Part.TRAIN));
        PartScan test = scan(files.apply(Part.TEST));
        return DatasetReader.combine(location, train, test, classes);
    }

    /**
     * Reads both files of a part ({images, labels}) completely, once: headers, every label, every pixel (streamed, never
     * held), the SHA-256 of each decoded file, and that nothing follows the last record.
     */
    static PartScan scan(IdxFile[] imagesAndLabels) {
        IdxFile imageFile = imagesAndLabels[0];
        IdxFile labelFile = imagesAndLabels[1];
        // Labels first: they are small, and a count mismatch then shows before the large image file is read.
        MessageDigest labelSha = Streams.sha256();
        IdxHeader labelHeader;
        int[] labels;
        IdxFile.Opened opened = labelFile.open();
        try (InputStream in = new DigestInputStream(opened.stream(), labelSha)) {
            labelHeader = IdxHeader.read(in, labelFile.location(), false);
            labelHeader.checkLength(labelFile.location(), opened.knownLength());
            labels = LabelType.U1.readAll(in, labelHeader.count(), labelFile.location());
            Streams.requireEnd(in, labelFile.location(), "the " + labelHeader.count() + " labels");
        } catch (IOException e) {
            throw readFailure(labelFile, opened, e);
        }

        MessageDigest imageSha = Streams.sha256();
        IdxHeader imageHeader;
        opened = imageFile.open();
        try (InputStream in = new DigestInputStream(opened.stream(), imageSha)) {
            imageHeader = IdxHeader.read(in, imageFile.location(), true);
            imageHeader.checkLength(imageFile.location(), opened.knownLength());
            IdxHeader.checkCounts(imageHeader, imageFile.location(), labelHeader, labelFile.location());
            long read = Streams.consume(in, imageHeader.dataBytes(), new byte[Streams.BUFFER]);
            if (read < imageHeader.dataBytes()) {
                throw new DataException(imageFile.location() + ": truncated: header claims " + imageHeader.count()
                        + " images of " + imageHeader.shape() + " but the data ends inside image "
                        + read / imageHeader.recordBytes() + "; the file is cut short or the header is wrong");
            }
            Streams.requireEnd(in, imageFile.location(), "the " + imageHeader.count() + " images");
        } catch (IOException e) {
            throw readFailure(imageFile, opened, e);
        }
        return new PartScan(imageHeader.shape(), labels,
                new DataFile(imageFile.name(), imageFile.location(), imageFile.storedBytes(), Streams.hex(imageSha)),
                new DataFile(labelFile.name(), labelFile.location(), labelFile.storedBytes(), Streams.hex(labelSha)));
    }

    /**
     * Opens records {@code [first, end)}: validates both headers (and a raw file's length), then moves
     * both streams to {@code first}, seeking in raw files and decompressing-and-discarding in gzip ones.
     */
    static RecordCursor open(IdxFile[] imagesAndLabels, int first, int end) {
        IdxFile imageFile = imagesAndLabels[0];
        IdxFile labelFile = imagesAndLabels[1];
        IdxFile.Opened images = imageFile.open();
        IdxFile.Opened labels = null;
        try {
            IdxHeader imageHeader = header(imageFile, images, true);
            labels = labelFile.open();
            IdxHeader labelHeader = header(labelFile, labels, false);
            IdxHeader.checkCounts(imageHeader, imageFile.location(), labelHeader, labelFile.location());
            checkRange(imageFile.location(), first, end, imageHeader.count());
            skip(imageFile, images, (long) first * imageHeader.recordBytes(), "image " + first);
            skip(labelFile, labels, first, "label " + first);
            return new StreamCursor(imageHeader.shape(), images.stream(), imageFile.location(),
                    labels.stream(), labelFile.location(), LabelType.U1, first, end);
        } catch (RuntimeException e) {
            closeQuietly(images.stream(), e);
            if (labels != null) {
                closeQuietly(labels.stream(), e);
            }
            throw e;
        }
    }

    private static IdxHeader header(IdxFile file, IdxFile.Opened opened, boolean images) {
        try {
            IdxHeader header = IdxHeader.read(opened.stream(), file.location(), images);
            header.checkLength(file.location(), opened.knownLength());
            return header;
        } catch (IOException e) {
            throw readFailure(file, opened, e);
        }
    }

    private static void skip(IdxFile file, IdxFile.Opened opened, long bytes, String what) {
        try {
            Streams.skip(opened.stream(), bytes, file.location(), what);
        } catch (IOException e) {
            throw readFailure(file, opened, e);
        }
    }

    /** Refuses a range that is not inside {@code [0, count]}. */
    static void checkRange(String location, int first, int end, int count) {
        if (end > count) {
            throw new DataException(location + ": records [" + first + ", " + end + ") requested but the file holds "
                    + count + " records");
        }
    }

    private static DataException readFailure(IdxFile file, IdxFile.Opened opened, IOException e) {
        return Streams.failure(file.location(), opened.gzip() ? "corrupt or truncated gzip data" : "read failed", e);
    }

    static void closeQuietly(InputStream stream, RuntimeException failure) {
        try {
            stream.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
