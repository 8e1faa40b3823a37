package io.mnistspark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run's claim on its output directory, so that two runs started at the same moment with the same
 * {@code --out} cannot both write it. The claim is a file {@code .claim-N} inside the directory, created
 * only if absent: on HDFS the name node creates a file atomically; on a local disk {@code Files.createFile}
 * does ({@code O_CREAT | O_EXCL}), which Hadoop's local file system does not (it checks, then opens). Other
 * file systems get Hadoop's {@code create} without overwrite, which object stores do not make atomic.
 *
 * <p>The file names its owner (host, process id, the process's start time). A claim outlives a run killed
 * with SIGKILL or a lost machine; a later run may take it over only when its owner is known to be gone: on
 * the same host, no process with that id and start time is running. The takeover creates the next number,
 * {@code .claim-(N+1)}, again only if absent, so of two runs taking over together one wins. An owner on
 * another host cannot be checked from here: its claim stands until deleted by hand.
 */
public final class OutputClaim implements AutoCloseable {
    /** Claim files are named this followed by their number; they are never part of a run's outputs. */
    public static final String PREFIX = ".claim-";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The claim files this JVM's runs hold: a run's own claim does not make its directory "in use" to it. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final FileSystem fs;
    private final Path file;
    private final boolean createdDirectory;

    private OutputClaim(FileSystem fs, Path file, boolean createdDirectory) {
        this.fs = fs;
        this.file = file;
        this.createdDirectory = createdDirectory;
    }

    /**
     * Claims {@code target} (qualified), creating it if needed.
     *
     * @throws OutputException (exit 4) when another live run holds it or claims it at the same moment
     */
    static OutputClaim take(FileSystem fs, Path target) throws IOException {
        boolean existed = fs.exists(target);
        fs.mkdirs(target);
        int newest = 0;
        List<Path> older = new ArrayList<>();
        for (FileStatus child : fs.listStatus(target)) {
            if (isClaim(child.getPath())) {
                older.add(child.getPath());
                newest = Math.max(newest, number(child.getPath()));
            }
        }
        if (newest > 0) {
            Path held = new Path(target, PREFIX + newest);
            Optional<String> owner = liveOwner(fs, held);
            if (owner.isPresent()) {
                throw inUse(target, held, owner.get());
            }
        }
        Path file = new Path(target, PREFIX + (newest + 1));
        try (OutputStream out = createIfAbsent(fs, file)) {
            if (out == null) {
                removeIfEmpty(fs, target, !existed);
                throw new OutputException(target + ": another run claimed this output directory at the same moment; "
                        + "two runs cannot write one directory: choose another --out");
            }
            HELD.add(file);
            out.write(JSON.writeValueAsBytes(ownerRecord()));
        }
        for (Path stale : older) {   // every one listed is the newest, whose owner is gone, or older still
            fs.delete(stale, false);
        }
        return new OutputClaim(fs, file, !existed);
    }

    /**
     * The refusal to give when some other live run holds a claim on {@code target}; empty when none does (no
     * claim, this JVM's own, or one whose owner is gone).
     */
    static Optional<OutputException> heldByAnother(FileSystem fs, Path target) throws IOException {
        for (FileStatus child : fs.listStatus(target)) {
            if (isClaim(child.getPath()) && !HELD.contains(child.getPath())) {
                Optional<String> owner = liveOwner(fs, child.getPath());
                if (owner.isPresent()) {
                    return Optional.of(inUse(target, child.getPath(), owner.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code path} is a claim file (and so not part of any run's contents). */
    public static boolean isClaim(Path path) {
        return number(path) > 0;
    }

    static OutputException inUse(Path target, Path claim, String owner) {
        return new OutputException(target + ": in use by another run (" + owner + "); two runs cannot write one "
                + "directory: wait for it to end or choose another --out (if that run is gone, delete " + claim
                + " and try again)");
    }

    /** Gives the claim up: deletes its file, and the directory if the claim made it and nothing else is in it. */
    public void release() {
        try {
            fs.delete(file, false);
            removeIfEmpty(fs, file.getParent(), createdDirectory);
        } catch (IOException e) {
            // the claim file names its owner: a later run sees this process gone and takes the claim over
        } finally {
            HELD.remove(file);
        }
    }

    @Override
    public void close() {
        release();
    }

    /** The claim file. */
    public Path file() {
        return file;
    }

    private static void removeIfEmpty(FileSystem fs, Path dir, boolean createdHere) throws IOException {
        if (createdHere && fs.exists(dir) && fs.listStatus(dir).length == 0) {
            // not recursive: if another run put something there meanwhile, the delete fails and it stays
            try {
                fs.delete(dir, false);
            } catch (IOException e) {
                // someone else's now
            }
        }
    }

    /** A stream writing the new file {@code file}, or null if it exists already; atomic where the file system allows. */
    private static OutputStream createIfAbsent(FileSystem fs, Path file) throws IOException {
        if ("file".equals(fs.getScheme())) {
            try {
                return Files.newOutputStream(java.nio.file.Path.of(file.toUri()), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                return null;
            }
        }
        try {
            return fs.create(file, false);
        } catch (IOException e) {
            if (fs.exists(file)) {
                return null;
            }
            throw e;
        }
    }

    /** The claim's number, or 0 for any other file. */
    private static int number(Path path) {
        String name = path.getName();
        if (!name.startsWith(PREFIX)) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(name.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Who holds {@code claim}, if its owner may still be running (this JVM included). A claim still empty is
     * being written by its owner right now, so it counts as held.
     */
    private static Optional<String> liveOwner(FileSystem fs, Path claim) throws IOException {
        JsonNode owner;
        try (InputStream in = fs.open(claim)) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return Optional.of("a run that is starting now");
            }
            owner = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("an unreadable claim: " + e.getMessage());
        }
        String host = owner.path("host").asText();
        long pid = owner.path("pid").asLong();
        String described = "process " + pid + " on " + host + ", started " + owner.path("started_at").asText();
        if (!host.equals(hostName())) {
            return Optional.of(described);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        long startedMs = owner.path("process_start_ms").asLong(-1);
        Optional<Instant> start = process.get().info().startInstant();
        if (startedMs >= 0 && start.isPresent() && start.get().toEpochMilli() != startedMs) {
            return Optional.empty();   // the id was reused by a later process
        }
        return Optional.of(described);
    }

    private static Map<String, Object> ownerRecord() {
        ProcessHandle self = ProcessHandle.current();
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("host", hostName());
        owner.put("pid", self.pid());
        owner.put("process_start_ms", self.info().startInstant().map(Instant::toEpochMilli).orElse(-1L));
        owner.put("started_at", Instant.now().toString());
        return owner;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
