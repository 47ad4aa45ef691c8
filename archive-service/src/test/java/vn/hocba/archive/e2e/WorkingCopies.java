package vn.hocba.archive.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The working PDF of a version as the service keeps it, for tests that change it behind the service's back: the
 * {@code document.pdf} column (PostgreSQL), or the file {@code <data-dir>/working/<lookup code>/<sha256>.pdf} that the
 * row's {@code sha256} names (the embedded default).
 */
record WorkingCopies(JdbcClient jdbc, Path dataDir) {

    private record Row(byte[] pdf, String sha256) {
    }

    private Row row(UUID lookupCode) {
        return jdbc.sql("select pdf, sha256 from document where lookup_code = ?").param(lookupCode)
                .query((rs, i) -> new Row(rs.getBytes(1), rs.getString(2))).single();
    }

    private Path file(UUID lookupCode, String sha256) {
        return dataDir.resolve("working").resolve(lookupCode.toString()).resolve(sha256 + ".pdf");
    }

    /** Whether the version's working PDF is a file (not in the row). */
    boolean inFile(UUID lookupCode) {
        return row(lookupCode).pdf() == null;
    }

    byte[] read(UUID lookupCode) {
        Row row = row(lookupCode);
        if (row.pdf() != null) {
            return row.pdf();
        }
        try {
            return Files.readAllBytes(file(lookupCode, row.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the bytes where they are, the recorded sha256 unchanged (as a disk fault or an intruder would). */
    void replace(UUID lookupCode, byte[] pdf) {
        Row row = row(lookupCode);
        if (row.pdf() != null) {
            jdbc.sql("update document set pdf = ? where lookup_code = ?").params(pdf, lookupCode).update();
            return;
        }
        try {
            Files.write(file(lookupCode, row.sha256()), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the version's working file (as a disk fault or an intruder would); the row is left as it is. */
    void deleteFile(UUID lookupCode) {
        try {
            Files.delete(file(lookupCode, row(lookupCode).sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
