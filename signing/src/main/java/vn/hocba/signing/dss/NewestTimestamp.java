package vn.hocba.signing.dss;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The time of the newest RFC 3161 timestamp in a signed PDF, read from the newest revision's CMS alone: the signature
 * or document timestamp whose {@code /ByteRange} reaches furthest into the file (ISO 32000-2 12.8.1: each covers the
 * file up to its own revision). For a signature that is its signature timestamp (the best-signature-time of
 * ETSI EN 319 102-1), for a document timestamp its own time, which is never older.
 *
 * <p>Why not DSS's validator: finding it there parses every revision of the file twice (EU DSS 6.4
 * {@code getRevisions}), about 40% of the cost of a B-LT extension of a record with 14 signatures; this reads one
 * CMS. A file it cannot read this way answers empty and the caller falls back to the validator.
 */
final class NewestTimestamp {

    private static final String BYTE_RANGE_KEY = "/ByteRange";

    private NewestTimestamp() {
    }

    /**
     * @param pdf a PDF
     * @return the generation time of the newest revision's timestamp; empty when that revision has none, or the
     *         file's signatures cannot be read this way
     */
    static Optional<Instant> of(byte[] pdf) {
        long[] newest = null;
        for (long[] range : byteRanges(pdf)) {
            if (newest == null || range[2] + range[3] > newest[2] + newest[3]) {
                newest = range;
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        try {
            CMSSignedData cms = cms(pdf, newest);
            if (cms == null) {
                return Optional.empty();
            }
            if (isTimestamp(cms)) {
                return Optional.of(new TimeStampToken(cms).getTimeStampInfo().getGenTime().toInstant());
            }
            Instant time = null;
            for (TimeStampToken token : signatureTimestamps(cms)) {
                Instant t = token.getTimeStampInfo().getGenTime().toInstant();
                time = time == null || t.isAfter(time) ? t : time;
            }
            return Optional.ofNullable(time);
        } catch (Exception | StackOverflowError unreadable) {
            return Optional.empty();
        }
    }

    /**
     * @return the {@code [a b c d]} of every readable {@code /ByteRange} of the file, in file order; ranges that do
     *         not fit the file are left out
     */
    static java.util.List<long[]> byteRanges(byte[] pdf) {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        // searched as a Latin-1 string: one byte a char, so offsets are the file's, and String.indexOf is a vectorised
        // intrinsic (a byte-by-byte loop over the 500 KB of a record with 15 signatures cost about 2 ms an extension)
        String file = new String(pdf, StandardCharsets.ISO_8859_1);
        for (int at = file.indexOf(BYTE_RANGE_KEY); at >= 0; at = file.indexOf(BYTE_RANGE_KEY, at + 1)) {
            long[] range = byteRange(pdf, at + BYTE_RANGE_KEY.length());
            if (range != null) {
                out.add(range);
            }
        }
        return out;
    }

    /**
     * @param range a {@code /ByteRange} of the file
     * @return the CMS in the gap of that range ({@code /Contents}), or null when the gap is not one hex string
     * @throws Exception when the bytes there are not a CMS SignedData
     */
    static CMSSignedData cms(byte[] pdf, long[] range) throws Exception {
        int start = (int) (range[0] + range[1]);
        int end = (int) range[2];
        if (pdf[start] != '<' || pdf[end - 1] != '>') {
            return null;
        }
        byte[] der = hex(pdf, start + 1, end - 1);
        ASN1Primitive first;
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            first = in.readObject(); // the zero padding after the CMS is not read
        }
        return new CMSSignedData(ContentInfo.getInstance(first));
    }

    /** @return whether the CMS is an RFC 3161 token (a document timestamp), not a signature */
    static boolean isTimestamp(CMSSignedData cms) {
        return PKCSObjectIdentifiers.id_ct_TSTInfo.getId().equals(cms.getSignedContentTypeOID());
    }

    /** @return the signature timestamps (ETSI EN 319 122-1 signature-time-stamp) of every signer of the CMS */
    static java.util.List<TimeStampToken> signatureTimestamps(CMSSignedData cms) throws Exception {
        java.util.List<TimeStampToken> out = new java.util.ArrayList<>();
        for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
            out.addAll(signatureTimestamps(signer));
        }
        return out;
    }

    /** @return the signature timestamps of one signer */
    static java.util.List<TimeStampToken> signatureTimestamps(SignerInformation signer) throws Exception {
        java.util.List<TimeStampToken> out = new java.util.ArrayList<>();
        if (signer.getUnsignedAttributes() == null) {
            return out;
        }
        for (Attribute attribute : signer.getUnsignedAttributes().toASN1Structure().getAttributes()) {
            if (PKCSObjectIdentifiers.id_aa_signatureTimeStampToken.equals(attribute.getAttrType())) {
                for (var value : attribute.getAttributeValues()) {
                    out.add(new TimeStampToken(ContentInfo.getInstance(value)));
                }
            }
        }
        return out;
    }

    /** @return {@code [a, b, c, d]} of {@code [a b c d]} after {@code from}, or null if it is not four integers */
    private static long[] byteRange(byte[] pdf, int from) {
        int i = skipSpaces(pdf, from);
        if (i >= pdf.length || pdf[i] != '[') {
            return null;
        }
        long[] out = new long[4];
        i++;
        for (int k = 0; k < 4; k++) {
            i = skipSpaces(pdf, i);
            long value = 0;
            int digits = 0;
            while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 11) {
                value = value * 10 + (pdf[i++] - '0');
                digits++;
            }
            if (digits == 0) {
                return null;
            }
            out[k] = value;
        }
        boolean sane = out[0] == 0 && out[1] > 0 && out[2] > out[1] + 1 && out[2] + out[3] <= pdf.length;
        return sane ? out : null;
    }

    private static int skipSpaces(byte[] pdf, int i) {
        while (i < pdf.length && (pdf[i] == ' ' || pdf[i] == '\n' || pdf[i] == '\r' || pdf[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Hex digit values; {@link #SPACE} for the white space a hex string may hold, -1 for anything else. */
    private static final byte[] HEX = new byte[256];
    private static final byte SPACE = -2;

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = 0; c < 10; c++) {
            HEX['0' + c] = (byte) c;
        }
        for (int c = 0; c < 6; c++) {
            HEX['a' + c] = (byte) (10 + c);
            HEX['A' + c] = (byte) (10 + c);
        }
        for (char c : new char[] {' ', '\n', '\r', '\t', '\f', 0}) {
            HEX[c] = SPACE; // white space is allowed inside a hex string (ISO 32000-2 7.3.4.3)
        }
    }

    /**
     * Decodes the hex string between {@code from} and {@code to} up to the end of the DER object it starts with: a
     * signature's {@code /Contents} is mostly zero padding after the CMS, which is neither decoded nor checked.
     *
     * @throws IllegalArgumentException when a byte before the object's end is not a hex digit or white space
     */
    static byte[] hex(byte[] pdf, int from, int to) {
        byte[] out = new byte[(to - from) / 2];
        int n = 0;
        int high = -1;
        int needed = out.length; // known once the DER header is decoded
        for (int i = from; i < to && n < needed; i++) {
            int digit = HEX[pdf[i] & 0xff];
            if (digit == SPACE) {
                continue;
            }
            if (digit < 0) {
                throw new IllegalArgumentException("not a hex string");
            }
            if (high < 0) {
                high = digit;
            } else {
                out[n++] = (byte) (high << 4 | digit);
                high = -1;
                if (needed == out.length) {
                    needed = Math.min(out.length, derLength(out, n));
                }
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * @return the whole length of the DER object (tag, length, content) whose first {@code n} bytes are decoded, or
     *         {@link Integer#MAX_VALUE} while its header is incomplete or when it is not a definite length
     */
    private static int derLength(byte[] der, int n) {
        if (n < 2) {
            return Integer.MAX_VALUE;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 3) {
            return Integer.MAX_VALUE; // indefinite (BER), or larger than any /Contents
        }
        if (n < 2 + octets) {
            return Integer.MAX_VALUE;
        }
        int length = 0;
        for (int k = 0; k < octets; k++) {
            length = length << 8 | der[2 + k] & 0xff;
        }
        return 2 + octets + length;
    }
}
