package io.mnistspark.data;

import java.io.Serializable;

/**
 * The two values of every entry of an {@link ImageBlock}'s column pairs, in one of two forms chosen per
 * block by {@link ImageBlockBuilder}: raw pixel bytes read through the {@code p / 255.0} table
 * ({@link ByteValues}: 2 bytes an entry, what every byte image dataset keeps), or doubles
 * ({@link RealValues}: 16 bytes an entry, for standardized or otherwise real-valued features).
 *
 * <p>Why a value type with two forms, not two block classes or a flag: the block's layout (chunks, column
 * pairs, entry rows) is the same for both and stays in one final class, and the kernel reads values through
 * one method, {@link ImageBlock#scaledA(int)}, whose single call here the JIT inlines for whichever forms
 * this JVM has met (a type check on the values object, hoisted out of the kernel's loops; see README,
 * "Real-valued features"). Data only: the arithmetic lives in {@code model.BlockKernel}.
 */
abstract sealed class EntryValues implements Serializable permits ByteValues, RealValues {
    private static final long serialVersionUID = 1L;

    /** Number of entries. */
    abstract int entries();

    /** The value of the pair's first column at entry e (0.0 where only the second is nonzero). */
    abstract double a(int entry);

    /** The value of the pair's second column at entry e (0.0 where only the first is nonzero). */
    abstract double b(int entry);

    /** Bytes held by the arrays, for memory reports. */
    abstract long sizeInBytes();
}
