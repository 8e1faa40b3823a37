package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes and offsets as zip64 fields give them: up to 2^63 - 1 after the sign check, so an end computed from
 * them can overflow a long. A member or central directory whose end wraps around is refused as not fitting,
 * not read at a wrapped-around position.
 */
class ZipDirectoryTest {

    @Test
    void aSizeWhoseEndOverflowsALongIsRefusedAsBeyondTheMemberData() throws Exception {
        Path npz = Path.of(ZipDirectoryTest.class.getResource("/fixtures/mnist-first100.npz").toURI());
        LocalFileSystem fs = FileSystem.getLocal(TestData.conf());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(npz.toUri());
        try (FSDataInputStream in = fs.open(path)) {
            ZipDirectory directory = ZipDirectory.read(in, fs.getFileStatus(path).getLen(), npz.toString());
            ZipDirectory.Member real = directory.member("y_test.npy");
            for (long huge : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - real.localOffset() - 40}) {
                ZipDirectory.Member claimed = new ZipDirectory.Member(real.name(), ZipDirectory.Member.STORED,
                        real.flags(), real.crc(), huge, huge, real.localOffset());
                DataException e = assertThrows(DataException.class, () -> open(directory, in, claimed));
                assertTrue(e.getMessage().contains("member y_test.npy claims " + huge + " stored bytes, beyond the end "
                        + "of the member data"), e.getMessage());
            }
        }
    }

    @Test
    void aZip64CentralOffsetWhoseEndOverflowsALongIsRefusedAsNotFitting(@TempDir Path dir) throws Exception {
        byte[] zip = Files.readAllBytes(Path.of(ZipDirectoryTest.class.getResource("/fixtures/mnist-first100-zip64.npz")
                .toURI()));
        int zip64End = lastIndexOf(zip, new byte[] {'P', 'K', 6, 6});
        assertTrue(zip64End > 0, "the fixture has a zip64 end record");
        long huge = Long.MAX_VALUE - 5;
        ByteBuffer.wrap(zip, zip64End + 48, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(huge);
        Path file = dir.resolve("bad.npz");
        Files.write(file, zip);
        LocalFileSystem fs = FileSystem.getLocal(TestData.conf());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        try (FSDataInputStream in = fs.open(path)) {
            DataException e = assertThrows(DataException.class, () -> ZipDirectory.read(in, zip.length, "bad.npz"));
            assertTrue(e.getMessage().contains("bytes at offset " + huge + " does not fit before byte " + zip64End),
                    e.getMessage());
        }
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static void open(ZipDirectory directory, FSDataInputStream in, ZipDirectory.Member member) throws IOException {
        directory.open(in, member, false).close();
    }
}
