package io.mnistspark.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file or directory on a Hadoop file system, looked up once. Every access to user-given data goes
 * through here, so {@code file:}, {@code hdfs:}, {@code s3a:} and plain local paths behave alike and
 * fail with the same messages.
 *
 * @param fs       the (cached, shared) file system; never closed here
 * @param status   what the file system reported
 * @param location the fully qualified path, for messages and {@link DataFile#location()}
 */
record HadoopFile(FileSystem fs, FileStatus status, String location) {

    /** Looks up {@code uri}; a missing or unreachable path becomes a {@link DataException}. */
    static HadoopFile stat(String uri, Configuration conf) {
        Path path;
        try {
            path = new Path(uri);
        } catch (IllegalArgumentException e) {
            throw new DataException(uri + ": not a valid path or URI (" + e.getMessage() + ")", e);
        }
        FileSystem fs;
        try {
            fs = path.getFileSystem(conf);
        } catch (IOException e) {
            throw Streams.failure(uri, "cannot reach the file system", e);
        }
        try {
            FileStatus status = fs.getFileStatus(path);
            return new HadoopFile(fs, status, status.getPath().toString());
        } catch (FileNotFoundException e) {
            throw new DataException(uri + ": does not exist; check the path (and the scheme, e.g. file: or hdfs:)", e);
        } catch (IOException e) {
            throw Streams.failure(uri, "cannot read its status", e);
        }
    }

    String name() {
        return status.getPath().getName();
    }

    long length() {
        return status.getLen();
    }

    boolean isDirectory() {
        return status.isDirectory();
    }

    /** Opens the file; the stream is seekable, as every Hadoop input stream is. */
    FSDataInputStream open() {
        try {
            return fs.open(status.getPath());
        } catch (IOException e) {
            throw Streams.failure(location, "cannot open", e);
        }
    }

    /** The regular files directly inside this directory, by name, in listing order. */
    Map<String, HadoopFile> listFiles() {
        FileStatus[] children;
        try {
            children = fs.listStatus(status.getPath());
        } catch (IOException e) {
            throw Streams.failure(location, "cannot list the directory", e);
        }
        Map<String, HadoopFile> files = new LinkedHashMap<>();
        for (FileStatus child : children) {
            if (child.isFile()) {
                files.put(child.getPath().getName(), new HadoopFile(fs, child, child.getPath().toString()));
            }
        }
        return files;
    }
}
