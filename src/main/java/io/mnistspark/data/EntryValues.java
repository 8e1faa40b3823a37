package io.mnistspark.data;

/**
 * A block's entry values as {@link EntryValuesBuilder} hands them to {@link ImageBlock}, in exactly one of
 * two forms, the other pair of arrays null: raw pixel bytes read as {@code p / 255.0} (2 bytes an entry,
 * what byte image datasets keep), or doubles as given (16 bytes an entry, for standardized or other real
 * features). The block keeps the arrays themselves, not this object: see {@link ImageBlock#scaledA}.
 *
 * @param rawA  the raw pixel of each entry's first column (0 where only the second is nonzero), or null
 * @param rawB  the raw pixel of each entry's second column, or null
 * @param realA the value of each entry's first column (0.0 where only the second is nonzero), or null
 * @param realB the value of each entry's second column, or null
 */
record EntryValues(byte[] rawA, byte[] rawB, double[] realA, double[] realB) {
    EntryValues {
        boolean bytes = rawA != null && rawB != null && realA == null && realB == null
                && rawA.length == rawB.length;
        boolean reals = rawA == null && rawB == null && realA != null && realB != null
                && realA.length == realB.length;
        if (!bytes && !reals) {
            throw new IllegalArgumentException("entry values need one pair of equally long arrays, bytes or doubles");
        }
    }

    static EntryValues ofBytes(byte[] a, byte[] b) {
        return new EntryValues(a, b, null, null);
    }

    static EntryValues ofReals(double[] a, double[] b) {
        return new EntryValues(null, null, a, b);
    }

    int entries() {
        return rawA != null ? rawA.length : realA.length;
    }
}
