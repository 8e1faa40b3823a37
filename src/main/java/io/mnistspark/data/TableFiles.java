package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The data files of one table path, in the order their rows are numbered: the file itself, or the files of
 * a directory Spark wrote ({@code df.write().csv("train.csv")}: {@code part-00000-...}, {@code part-00001-...})
 * in name order, which is the written DataFrame's partition order. Names Spark and Hadoop use for
 * bookkeeping ({@code _SUCCESS}, {@code .part-00000.crc}) and empty part files are left out; subdirectories
 * (a partitioned table) are not read.
 */
final class TableFiles {
    private final String uri;
    private final TableFormat format;
    private final List<HadoopFile> files;
    private final boolean directory;

    private TableFiles(String uri, TableFormat format, List<HadoopFile> files, boolean directory) {
        this.uri = uri;
        this.format = format;
        this.files = List.copyOf(files);
        this.directory = directory;
    }

    /** Looks {@code uri} up; refuses a missing path, an empty file, or a directory without data files. */
    static TableFiles list(String uri, TableFormat format, Configuration conf) {
        HadoopFile path = HadoopFile.stat(uri, conf);
        if (!path.isDirectory()) {
            if (path.length() == 0) {
                throw new DataException(path.location() + ": is empty (0 bytes); a " + format.label()
                        + " file needs " + (format == TableFormat.CSV ? "a header and " : "") + "rows");
            }
            return new TableFiles(uri, format, List.of(path), false);
        }
        List<HadoopFile> data = new ArrayList<>();
        for (HadoopFile file : path.listFiles().values()) {
            String name = file.name();
            if (!name.startsWith("_") && !name.startsWith(".") && file.length() > 0) {
                data.add(file);
            }
        }
        if (data.isEmpty()) {
            throw new DataException(path.location() + ": is a directory without data files (none but empty, hidden "
                    + "or _-prefixed ones, and subdirectories are not read); give a " + format.label()
                    + " file or the directory Spark wrote it to");
        }
        data.sort(Comparator.comparing(HadoopFile::name));
        return new TableFiles(uri, format, data, true);
    }

    /** The path as given. */
    String uri() {
        return uri;
    }

    TableFormat format() {
        return format;
    }

    /** The data files, in row order. */
    List<HadoopFile> files() {
        return files;
    }

    /**
     * Each file's name, location, size and the SHA-256 of its bytes as stored (which Spark decodes: for
     * CSV and LIBSVM the text itself), hashed by the executors, a task a file, so the driver reads nothing.
     */
    List<DataFile> describe(JavaSparkContext sc) {
        List<String> locations = files.stream().map(HadoopFile::location).toList();
        Broadcast<HadoopConf> conf = sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
        List<String> hashes = sc.parallelize(locations, locations.size())
                .map(location -> sha256(location, conf.value()))
                .collect();
        conf.destroy();
        List<DataFile> described = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            HadoopFile file = files.get(f);
            String name = directory ? lastSegment(uri) + "/" + file.name() : file.name();
            described.add(new DataFile(name, file.location(), file.length(), hashes.get(f)));
        }
        return described;
    }

    private static String sha256(String location, HadoopConf conf) {
        HadoopFile file = HadoopFile.stat(location, conf.get());
        MessageDigest sha = Streams.sha256();
        byte[] buffer = new byte[Streams.BUFFER];
        try (InputStream in = file.open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw Streams.failure(location, "read failed", e);
        }
        return Streams.hex(sha);
    }

    private static String lastSegment(String uri) {
        String trimmed = uri.replaceFirst("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
