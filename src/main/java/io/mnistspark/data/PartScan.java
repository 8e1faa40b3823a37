package io.mnistspark.data;

/**
 * What reading one part (train or test) in full yields, before the parts are checked against each other.
 *
 * @param shape      image shape from the image header
 * @param labels     every label, in file order (already checked to be in [0, 255])
 * @param imageFile  the image file or member read
 * @param labelFile  the label file or member read
 */
record PartScan(ImageShape shape, int[] labels, DataFile imageFile, DataFile labelFile) {
}
