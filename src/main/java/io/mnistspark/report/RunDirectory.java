package io.mnistspark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output directory that appears only when complete: everything is written into a hidden sibling
 * ({@code .NAME.tmp-<id>}) and renamed into place by {@link #commit()}, so a run killed at any moment never
 * leaves a directory that looks finished. Works on any Hadoop file system ({@code file:}, {@code hdfs:}).
 */
public final class RunDirectory {
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;

    private RunDirectory(FileSystem fs, Path target, Path staging, boolean overwrite) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /**
     * Checks that {@code out} may be written and creates the staging directory.
     *
     * @throws OutputException if {@code out} is a file, or a non-empty directory and {@code overwrite} is off
     */
    public static RunDirectory create(String out, boolean overwrite, Configuration conf) {
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            checkWritable(fs, target, overwrite);
            Path staging = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
            if (!fs.mkdirs(staging)) {
                throw new OutputException(staging + ": cannot create the staging directory");
            }
            return new RunDirectory(fs, target, staging, overwrite);
        } catch (IOException e) {
            throw new OutputException(out + ": cannot prepare the output directory: " + e.getMessage(), e);
        }
    }

    /** Fails fast, before any work, if {@code out} cannot take a new run. */
    public static void checkWritable(String out, boolean overwrite, Configuration conf) {
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(conf);
            checkWritable(fs, fs.makeQualified(target), overwrite);
        } catch (IOException e) {
            throw new OutputException(out + ": cannot check the output directory: " + e.getMessage(), e);
        }
    }

    private static void checkWritable(FileSystem fs, Path target, boolean overwrite) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        FileStatus status = fs.getFileStatus(target);
        if (!status.isDirectory()) {
            throw new OutputException(target + ": exists and is a file; choose a directory for --out");
        }
        if (fs.listStatus(target).length > 0 && !overwrite) {
            throw new OutputException(target + ": already holds files; choose a new --out directory or add --overwrite");
        }
    }

    /** A location inside the staging directory, as a URI string Spark and Hadoop accept. */
    public String resolve(String relative) {
        return new Path(staging, relative).toString();
    }

    /** Writes a UTF-8 text file inside the staging directory. */
    public void writeText(String relative, String text) {
        try (OutputStream out = fs.create(new Path(staging, relative), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " under " + staging, e);
        }
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** The staging directory, where files go until {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /** Moves the finished staging directory into place (replacing an old run only under overwrite). */
    public void commit() {
        try {
            if (fs.exists(target)) {
                if (!overwrite && fs.listStatus(target).length > 0) {
                    throw new OutputException(target + ": appeared while the run was writing; the finished run is left in " + staging);
                }
                fs.delete(target, true);
            }
            if (!fs.rename(staging, target)) {
                throw new OutputException(target + ": could not move the finished run from " + staging);
            }
        } catch (IOException e) {
            throw new OutputException(target + ": could not move the finished run into place: " + e.getMessage(), e);
        }
    }

    /** Deletes the staging directory (after a failure), leaving no partial output behind. */
    public void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            // Nothing more to do: the staging name is hidden and says it is temporary.
        }
    }
}
