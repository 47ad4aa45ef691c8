package vn.hocba.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.archive.common.Hashes;

class WorkingCopyFilesTest {

    @TempDir
    Path dir;

    private static byte[] pdf(String text) {
        return ("%PDF-1.7\n" + text).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void aRevisionIsReadBackUnderItsHashAndLeavesNoOtherFile() throws Exception {
        var files = new WorkingCopyFiles(dir, true);
        UUID code = UUID.randomUUID();
        byte[] bytes = pdf("one");
        String sha = Hashes.sha256(bytes);
        files.write(code, sha, bytes);
        Files.write(dir.resolve(code.toString()).resolve(sha + ".pdf"), java.util.Arrays.copyOf(bytes, 3));
        files.write(code, sha, bytes); // over a part a crash left: replaced whole

        assertThat(files.read(code, sha)).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes));
        assertThat(files.read(code, Hashes.sha256(pdf("other")))).isEmpty();
        assertThat(files.read(UUID.randomUUID(), sha)).isEmpty();
        try (Stream<Path> all = Files.list(dir.resolve(code.toString()))) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly(sha + ".pdf");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve(code.toString()).resolve(sha + ".pdf")))).isEqualTo("rw-------");
    }

    @Test
    void aForceIsAwaitedOnceWrittenAndNotAtAllOnceDiscarded() throws Exception {
        var files = new WorkingCopyFiles(dir, true);
        UUID code = UUID.randomUUID();
        byte[] bytes = pdf("forced");
        String sha = Hashes.sha256(bytes);
        var forcing = files.writeAndForce(code, sha, bytes);
        assertThat(files.read(code, sha)).as("readable before its force is done").isPresent();
        forcing.await();

        // a revision no row will name (the version moved on): deleted at once, its force may fail on the missing
        // file, and the transaction that wrote it must still commit or roll back by its own outcome
        byte[] other = pdf("moved on");
        String otherSha = Hashes.sha256(other);
        var discarded = files.writeAndForce(code, otherSha, other);
        discarded.discard();
        files.delete(code, otherSha);
        discarded.await();
        assertThat(files.read(code, otherSha)).isEmpty();
    }

    @Test
    void aNameThatIsNotAHashIsRefused() {
        var files = new WorkingCopyFiles(dir, true);
        assertThatThrownBy(() -> files.write(UUID.randomUUID(), "../../etc/passwd", pdf("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.read(UUID.randomUUID(), "ABCDEF")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesOneRevisionAndDeleteAllTheFolder() {
        var files = new WorkingCopyFiles(dir, true);
        UUID code = UUID.randomUUID();
        String a = Hashes.sha256(pdf("a"));
        String b = Hashes.sha256(pdf("b"));
        files.write(code, a, pdf("a"));
        files.write(code, b, pdf("b"));

        files.delete(code, a);
        assertThat(files.read(code, a)).isEmpty();
        assertThat(files.read(code, b)).isPresent();

        files.deleteAll(code);
        assertThat(dir.resolve(code.toString())).doesNotExist();
        files.deleteAll(code); // nothing left: no error
        files.delete(code, b);
    }

    @Test
    void inTheDatabaseModeNothingIsCreatedAndTheSweepAsksTheDatabaseNothing() {
        Path absent = dir.resolve("working");
        var files = new WorkingCopyFiles(absent, false);
        assertThat(absent).doesNotExist();
        assertThat(files.sweep(() -> {
            throw new AssertionError("the database was asked with no file on disk");
        }, Instant.now())).isZero();

        var writing = new WorkingCopyFiles(absent, true);
        assertThat(absent).isDirectory();
        assertThat(writing.sweep(() -> {
            throw new AssertionError("the database was asked with no file on disk");
        }, Instant.now())).isZero();
    }

    @Test
    void theSweepRemovesOnlyOldFilesNoRowNames() throws Exception {
        var files = new WorkingCopyFiles(dir, true);
        UUID current = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        String named = Hashes.sha256(pdf("named"));
        String replaced = Hashes.sha256(pdf("replaced"));
        String fresh = Hashes.sha256(pdf("fresh"));
        String lost = Hashes.sha256(pdf("lost"));
        files.write(current, named, pdf("named"));
        files.write(current, replaced, pdf("replaced"));
        files.write(current, fresh, pdf("fresh"));
        files.write(orphan, lost, pdf("lost"));
        Instant start = Instant.now().minusSeconds(60); // the process's start: all four were written after it
        FileTime before = FileTime.from(start.minusSeconds(3600));
        for (var p : new Path[] {dir.resolve(current + "/" + named + ".pdf"), dir.resolve(current + "/" + replaced + ".pdf"),
                dir.resolve(orphan + "/" + lost + ".pdf")}) {
            Files.setLastModifiedTime(p, before);
        }
        Files.createDirectories(dir.resolve("not-a-lookup-code"));

        int removed = files.sweep(() -> Map.of(current, named), start);

        assertThat(removed).isEqualTo(2);
        assertThat(files.read(current, named)).isPresent();
        assertThat(files.read(current, replaced)).isEmpty();
        assertThat(files.read(current, fresh)).as("written after the start: a transaction may still name it").isPresent();
        assertThat(dir.resolve(orphan.toString())).doesNotExist();
        assertThat(dir.resolve("not-a-lookup-code")).exists();
    }

    @Test
    void aRetiredRevisionGoesOnlyAfterTheDatabaseMadeItsReplacementDurable() {
        var files = new WorkingCopyFiles(dir, true);
        UUID code = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        String a = Hashes.sha256(pdf("a"));
        String b = Hashes.sha256(pdf("b"));
        files.write(code, a, pdf("a"));
        files.write(code, b, pdf("b"));
        files.write(archived, a, pdf("a"));
        files.retire(code, a);
        files.retire(archived, null);
        assertThat(files.read(code, a)).as("retired, not removed").isPresent();

        assertThatThrownBy(() -> files.purge(() -> {
            throw new IllegalStateException("checkpoint failed");
        })).hasMessage("checkpoint failed");
        assertThat(files.read(code, a)).as("the database did not confirm: kept").isPresent();
        assertThat(files.retiredCount()).isEqualTo(2);

        var synced = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(files.purge(synced::incrementAndGet)).isEqualTo(2);
        assertThat(synced).hasValue(1);
        assertThat(files.read(code, a)).isEmpty();
        assertThat(files.read(code, b)).isPresent();
        assertThat(dir.resolve(archived.toString())).doesNotExist();
        assertThat(files.purge(synced::incrementAndGet)).as("nothing retired: no checkpoint").isZero();
        assertThat(synced).hasValue(1);
    }
}
