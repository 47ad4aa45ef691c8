package vn.hocba.signing.dss;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes the TrueType hinting from a font program: the instructions of every glyph (OpenType {@code glyf}: a simple
 * glyph's {@code instructionLength} becomes 0, a composite glyph loses {@code WE_HAVE_INSTRUCTIONS} and its
 * instructions) and the hinting tables {@code fpgm}, {@code prep}, {@code cvt }, {@code gasp}, {@code hdmx},
 * {@code LTSH}, {@code VDMX}. Outlines, metrics and the character map are kept byte for byte, so a PDF draws the same
 * shapes at the same places; hinting only snaps outlines to a screen's pixel grid at small sizes, which a PDF viewer
 * may ignore (and most do when they scale). DejaVu Sans: its Vietnamese glyphs shrink from 22.7 to 11.7 KB.
 *
 * <p>The input must be a plain TrueType file (version 0x00010000 or {@code true}, not a collection, no CFF
 * outlines); the output is a TrueType file with a long {@code loca} table ({@code head.indexToLocFormat} = 1) and
 * recomputed table checksums and {@code head.checkSumAdjustment} (OpenType spec, "Calculating checksums").
 */
final class UnhintedTrueType {

    private static final java.util.Set<String> HINTING_TABLES =
            java.util.Set.of("fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX");

    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;
    private static final int MORE_COMPONENTS = 0x0020;

    private UnhintedTrueType() {
    }

    /**
     * @param font a TrueType font program
     * @return the same font without hinting
     * @throws IllegalArgumentException when the bytes are not a TrueType font this class understands
     */
    static byte[] strip(byte[] font) {
        try {
            ByteBuffer in = ByteBuffer.wrap(font);
            int version = in.getInt(0);
            if (version != 0x00010000 && version != 0x74727565) { // 'true'
                throw new IllegalArgumentException("not a TrueType font (version 0x" + Integer.toHexString(version) + ")");
            }
            int numTables = in.getShort(4) & 0xFFFF;
            Map<String, byte[]> tables = new TreeMap<>(); // tags in ascending order, as the directory wants
            java.util.Set<String> tags = new java.util.HashSet<>();
            for (int i = 0; i < numTables; i++) {
                int entry = 12 + 16 * i;
                String tag = new String(font, entry, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                long offset = in.getInt(entry + 8) & 0xFFFFFFFFL;
                long length = in.getInt(entry + 12) & 0xFFFFFFFFL;
                if (offset + length > font.length) {
                    throw new IllegalArgumentException("damaged TrueType font: table '" + tag + "' ends past the file");
                }
                if (!tags.add(tag)) {
                    throw new IllegalArgumentException("damaged TrueType font: two tables '" + tag + "'");
                }
                if (!HINTING_TABLES.contains(tag)) {
                    tables.put(tag, java.util.Arrays.copyOfRange(font, (int) offset, (int) (offset + length)));
                }
            }
            byte[] head = tables.get("head");
            byte[] maxp = tables.get("maxp");
            byte[] loca = tables.get("loca");
            byte[] glyf = tables.get("glyf");
            if (head == null || maxp == null || loca == null || glyf == null) {
                throw new IllegalArgumentException("not a TrueType font with glyph outlines (head, maxp, loca, glyf)");
            }
            int glyphs = ByteBuffer.wrap(maxp).getShort(4) & 0xFFFF;
            boolean longLoca = ByteBuffer.wrap(head).getShort(50) != 0;
            if (loca.length < (glyphs + 1) * (longLoca ? 4 : 2)) {
                throw new IllegalArgumentException("damaged TrueType font: 'loca' is shorter than 'maxp' says");
            }
            ByteBuffer oldLoca = ByteBuffer.wrap(loca);
            ByteArrayOutputStream newGlyf = new ByteArrayOutputStream(glyf.length);
            ByteBuffer newLoca = ByteBuffer.allocate(4 * (glyphs + 1));
            for (int gid = 0; gid < glyphs; gid++) {
                long start = longLoca ? oldLoca.getInt(4 * gid) & 0xFFFFFFFFL : 2L * (oldLoca.getShort(2 * gid) & 0xFFFF);
                long end = longLoca ? oldLoca.getInt(4 * gid + 4) & 0xFFFFFFFFL
                        : 2L * (oldLoca.getShort(2 * gid + 2) & 0xFFFF);
                newLoca.putInt(newGlyf.size());
                if (end < start || end > glyf.length) {
                    throw new IllegalArgumentException("damaged TrueType font: glyph " + gid + " lies outside 'glyf'");
                }
                if (end > start) {
                    byte[] glyph = withoutInstructions(glyf, (int) start, (int) end);
                    newGlyf.write(glyph, 0, glyph.length);
                    while (newGlyf.size() % 4 != 0) {
                        newGlyf.write(0);
                    }
                }
            }
            newLoca.putInt(newGlyf.size());
            tables.put("glyf", newGlyf.toByteArray());
            tables.put("loca", newLoca.array());
            ByteBuffer.wrap(head).putShort(50, (short) 1);
            ByteBuffer.wrap(head).putInt(8, 0); // checkSumAdjustment, set below
            ByteBuffer.wrap(maxp).putShort(26, (short) 0); // maxSizeOfInstructions
            return write(version, tables);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("damaged TrueType font", e);
        }
    }

    /** One glyph's record from {@code glyf[start, end)} without its instructions. */
    private static byte[] withoutInstructions(byte[] glyf, int start, int end) {
        ByteBuffer g = ByteBuffer.wrap(glyf, start, end - start).slice();
        short contours = g.getShort(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        if (contours >= 0) {
            // header (10 bytes), endPtsOfContours[n], instructionLength, instructions[], flags and coordinates
            int lengthAt = 10 + 2 * contours;
            int instructions = g.getShort(lengthAt) & 0xFFFF;
            out.write(glyf, start, lengthAt);
            out.write(0);
            out.write(0);
            int rest = lengthAt + 2 + instructions;
            out.write(glyf, start + rest, end - start - rest);
            return out.toByteArray();
        }
        // composite: header, then components until one lacks MORE_COMPONENTS; instructions follow the last one
        byte[] copy = java.util.Arrays.copyOfRange(glyf, start, end);
        ByteBuffer c = ByteBuffer.wrap(copy);
        int at = 10;
        int flags;
        int lastFlagsAt;
        do {
            lastFlagsAt = at;
            flags = c.getShort(at) & 0xFFFF;
            at += 4; // flags, glyphIndex
            at += (flags & 0x0001) != 0 ? 4 : 2; // ARG_1_AND_2_ARE_WORDS
            if ((flags & 0x0080) != 0) { // WE_HAVE_A_TWO_BY_TWO
                at += 8;
            } else if ((flags & 0x0040) != 0) { // WE_HAVE_AN_X_AND_Y_SCALE
                at += 4;
            } else if ((flags & 0x0008) != 0) { // WE_HAVE_A_SCALE
                at += 2;
            }
        } while ((flags & MORE_COMPONENTS) != 0);
        if ((flags & WE_HAVE_INSTRUCTIONS) != 0) {
            c.putShort(lastFlagsAt, (short) (flags & ~WE_HAVE_INSTRUCTIONS));
        }
        return java.util.Arrays.copyOf(copy, at);
    }

    /** A font file of the given tables, with its directory, padding and checksums. */
    private static byte[] write(int version, Map<String, byte[]> tables) {
        int count = tables.size();
        int directory = 12 + 16 * count;
        int size = directory;
        for (byte[] table : tables.values()) {
            size += (table.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int power = Integer.highestOneBit(count);
        out.putInt(version).putShort((short) count).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (count * 16 - power * 16));
        int offset = directory;
        int headAt = -1;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] bytes = table.getValue();
            out.put(table.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.putInt((int) checksum(bytes, 0, bytes.length)).putInt(offset).putInt(bytes.length);
            if (table.getKey().equals("head")) {
                headAt = offset;
            }
            offset += (bytes.length + 3) & ~3;
        }
        for (byte[] bytes : tables.values()) {
            out.put(bytes);
            out.position((out.position() + 3) & ~3);
        }
        byte[] file = out.array();
        long adjustment = 0xB1B0AFBAL - checksum(file, 0, file.length);
        ByteBuffer.wrap(file).putInt(headAt + 8, (int) adjustment);
        return file;
    }

    /** The OpenType checksum: the sum of big-endian 32-bit words, the last one padded with zeros. */
    private static long checksum(byte[] bytes, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i += 4) {
            int word = 0;
            for (int k = 0; k < 4; k++) {
                word = word << 8 | (i + k < to ? bytes[i + k] & 0xFF : 0);
            }
            sum += word & 0xFFFFFFFFL;
        }
        return sum & 0xFFFFFFFFL;
    }
}
