package io.mnistspark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run's output directory. While the run trains it holds only checkpoints; the outputs are written into a
 * hidden staging directory inside it and moved into place by {@link #commit()}, {@code summary.json} last,
 * so a directory without {@code summary.json} is never mistaken for a finished run. A run holds an
 * {@link OutputClaim} on the directory from before Spark starts to its end ({@link #claim}); claim files are
 * never counted as contents. Works on any Hadoop file system ({@code file:}, {@code hdfs:}).
 */
public final class RunDirectory {
    /** The file whose presence marks a finished run; written last. */
    public static final String COMPLETION_MARKER = "summary.json";

    /** How an existing directory is treated. */
    public enum Mode {
        NEW, OVERWRITE, RESUME;

        /** The mode of a new job: {@code OVERWRITE} with {@code --overwrite}, else {@code NEW}. */
        public static Mode of(boolean overwrite) {
            return overwrite ? OVERWRITE : NEW;
        }
    }

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean createdHere;

    private RunDirectory(FileSystem fs, Path target, Path staging, boolean createdHere) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
        this.createdHere = createdHere;
    }

    /**
     * Checks {@code out} against {@code mode} and prepares it (deleting an old run under OVERWRITE).
     *
     * @throws OutputException if the directory cannot take the run, with what to do instead
     */
    public static RunDirectory open(String out, Mode mode, Configuration conf) {
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            // No .crc side files next to the outputs on a local disk (the checksum file system's default).
            fs.setWriteChecksum(false);
            boolean existed = check(fs, target, mode);
            if (existed && mode == Mode.OVERWRITE) {
                for (FileStatus child : fs.listStatus(target)) {
                    if (!OutputClaim.isClaim(child.getPath())) {   // the claim stays: this run holds it
                        fs.delete(child.getPath(), true);
                    }
                }
            }
            fs.mkdirs(target);
            Path staging = new Path(target, ".staging-" + UUID.randomUUID());
            return new RunDirectory(fs, target, staging, !existed);
        } catch (IOException e) {
            throw new OutputException(out + ": cannot prepare the output directory: " + e.getMessage(), e);
        }
    }

    /**
     * Claims {@code out} for this run (see {@link OutputClaim}), creating it if needed, and checks it against
     * {@code mode} while holding the claim; the caller releases the claim when the run ends, however it ends.
     *
     * @throws OutputException if another run holds or takes the directory, or it cannot take the run
     */
    public static OutputClaim claim(String out, Mode mode, Configuration conf) {
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            check(fs, target, mode);
            OutputClaim claim = OutputClaim.take(fs, target);
            try {
                check(fs, target, mode);
            } catch (RuntimeException | IOException e) {
                claim.release();
                throw e;
            }
            return claim;
        } catch (IOException e) {
            throw new OutputException(out + ": cannot claim the output directory: " + e.getMessage(), e);
        }
    }

    /** Fails fast, before any work, if {@code out} cannot take the run; changes nothing. */
    public static void check(String out, Mode mode, Configuration conf) {
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(conf);
            check(fs, fs.makeQualified(target), mode);
        } catch (IOException e) {
            throw new OutputException(out + ": cannot check the output directory: " + e.getMessage(), e);
        }
    }

    /** Returns whether the directory exists (and may be used in {@code mode}). */
    private static boolean check(FileSystem fs, Path target, Mode mode) throws IOException {
        if (!fs.exists(target)) {
            if (mode == Mode.RESUME) {
                throw new OutputException(target + ": does not exist; --resume takes the --out directory of an "
                        + "interrupted run");
            }
            return false;
        }
        FileStatus status = fs.getFileStatus(target);
        if (!status.isDirectory()) {
            throw new OutputException(target + ": exists and is a file; choose a directory for --out");
        }
        Optional<OutputException> inUse = OutputClaim.heldByAnother(fs, target);
        if (inUse.isPresent()) {
            throw inUse.get();
        }
        boolean finished = fs.exists(new Path(target, COMPLETION_MARKER));
        if (mode == Mode.RESUME && finished) {
            throw new OutputException(target + ": holds a finished run (it has " + COMPLETION_MARKER
                    + "); there is nothing to resume");
        }
        if (mode == Mode.NEW && Arrays.stream(fs.listStatus(target)).anyMatch(f -> !OutputClaim.isClaim(f.getPath()))) {
            throw new OutputException(target + ": already holds " + (finished ? "a finished run" : "files of an "
                    + "unfinished run") + "; choose a new --out directory, add --overwrite"
                    + (finished ? "" : ", or continue it with --resume " + target));
        }
        return true;
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

    /** The staging directory, where outputs go until {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /**
     * Moves every staged output into the directory, {@code summary.json} last, then removes the staging
     * directory and everything whose name starts with {@code transientPrefix} (the checkpoints).
     */
    public void commit(String transientPrefix) {
        try {
            Path marker = null;
            for (FileStatus child : fs.listStatus(staging)) {
                if (child.getPath().getName().equals(COMPLETION_MARKER)) {
                    marker = child.getPath();
                    continue;
                }
                moveIn(child.getPath());
            }
            if (marker == null) {
                throw new IllegalStateException("no " + COMPLETION_MARKER + " was staged in " + staging);
            }
            moveIn(marker);
            fs.delete(staging, true);
            for (FileStatus child : fs.listStatus(target)) {
                if (child.getPath().getName().startsWith(transientPrefix)) {
                    fs.delete(child.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new OutputException(target + ": could not move the finished run into place: " + e.getMessage(), e);
        }
    }

    private void moveIn(Path staged) throws IOException {
        Path destination = new Path(target, staged.getName());
        if (fs.exists(destination)) {
            fs.delete(destination, true);
        }
        if (!fs.rename(staged, destination)) {
            throw new IOException("rename of " + staged + " to " + destination + " failed");
        }
    }

    /**
     * After a failure: deletes the staging directory, and the run directory itself if this run created it
     * and left nothing in it (checkpoints stay, for --resume).
     */
    public void abort() {
        try {
            fs.delete(staging, true);
            if (createdHere && fs.exists(target) && fs.listStatus(target).length == 0) {
                fs.delete(target, true);
            }
        } catch (IOException e) {
            // Nothing more to do: the staging name is hidden and says it is temporary.
        }
    }
}
