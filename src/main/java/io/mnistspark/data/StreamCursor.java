package io.mnistspark.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link RecordCursor} over two decoded streams already positioned at record {@code first}: one of
 * images, one of labels. Serves IDX files and npz members alike; only the label encoding differs.
 */
final class StreamCursor implements RecordCursor {

    private final ImageShape shape;
    private final InputStream images;
    private final String imageLocation;
    private final InputStream labels;
    private final String labelLocation;
    private final LabelType labelType;
    private final int first;
    private final int end;
    private final byte[] labelBytes;
    private int next;

    /**
     * Takes ownership of both streams (closed by {@link #close()}).
     *
     * @param images image data, positioned at record {@code first}
     * @param labels label data, positioned at record {@code first}
     */
    StreamCursor(ImageShape shape, InputStream images, String imageLocation, InputStream labels,
                 String labelLocation, LabelType labelType, int first, int end) {
        this.shape = shape;
        this.images = new BufferedInputStream(images, Streams.BUFFER);
        this.imageLocation = imageLocation;
        this.labels = new BufferedInputStream(labels, 8192);
        this.labelLocation = labelLocation;
        this.labelType = labelType;
        this.first = first;
        this.end = end;
        this.labelBytes = new byte[labelType.bytes()];
        this.next = first;
    }

    @Override
    public int next(byte[] pixels) {
        if (pixels.length != shape.pixels()) {
            throw new IllegalArgumentException("pixel buffer must hold " + shape.pixels() + " bytes (" + shape
                    + "), got " + pixels.length);
        }
        if (next >= end) {
            throw new DataException(imageLocation + ": record " + next + " requested but this cursor covers records ["
                    + first + ", " + end + ")");
        }
        String location = imageLocation;
        try {
            Streams.readFully(images, pixels, pixels.length, imageLocation, "image " + next);
            location = labelLocation;
            Streams.readFully(labels, labelBytes, labelBytes.length, labelLocation, "label " + next);
        } catch (IOException e) {
            throw Streams.failure(location, "cannot read record " + next, e);
        }
        int label = labelType.decode(labelBytes, 0, labelLocation, next);
        next++;
        return label;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public void close() {
        IOException failure = null;
        String location = imageLocation;
        try {
            images.close();
        } catch (IOException e) {
            failure = e;
        }
        try {
            labels.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
                location = labelLocation;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw Streams.failure(location, "cannot close", failure);
        }
    }
}
