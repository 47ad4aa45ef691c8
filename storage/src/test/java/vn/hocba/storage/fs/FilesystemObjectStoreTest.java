package vn.hocba.storage.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.storage.IntegrityException;
import vn.hocba.storage.MutableClock;
import vn.hocba.storage.NoSuchObjectException;
import vn.hocba.storage.ObjectExistsException;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectLockedException;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.TimeTravelContract;
import vn.hocba.storage.Retention;
import vn.hocba.storage.StorageException;
import vn.hocba.storage.StoredObject;

class FilesystemObjectStoreTest extends TimeTravelContract {

    private static final byte[] PDF = "%PDF-1.7 sổ điểm".getBytes(UTF_8);
    private static final Path CHATTR = Path.of("/usr/bin/chattr");
    private static final Path LSATTR = Path.of("/usr/bin/lsattr");

    @TempDir
    Path temp;

    private Path root;
    private MutableClock clock;
    private FilesystemObjectStore store;

    @BeforeEach
    void openStore() throws IOException {
        root = Files.createDirectories(temp.resolve("objects"));
        clock = new MutableClock(T0);
        // the default, immutable files on: the whole contract runs with the attribute where this machine allows it
        store = new FilesystemObjectStore(root, clock);
    }

    /** Immutable files would make the @TempDir clean-up (and so the test) fail, root or not. */
    @AfterEach
    void releaseImmutableFiles() throws Exception {
        if (Files.isExecutable(CHATTR) && Files.exists(temp)) {
            run(CHATTR.toString(), "-R", "-i", temp.toString());
        }
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }

    @Override
    protected void corruptStoredBytes(ObjectKey key) throws IOException {
        Path data = dataFile(key);
        if (Files.isExecutable(CHATTR)) {
            run(CHATTR.toString(), "-i", data.toString()); // what an operator with root would have to do first
        }
        data.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(data);
        bytes[0] ^= 0x01;
        Files.write(data, bytes);
    }

    private Path dataFile(ObjectKey key) {
        return root.resolve(key.value() + FilesystemObjectStore.DATA_SUFFIX);
    }

    private Path metaFile(ObjectKey key) {
        return root.resolve(key.value() + FilesystemObjectStore.META_SUFFIX);
    }

    @Test
    void keysCannotEscapeTheRoot() throws IOException {
        assertThatThrownBy(() -> ObjectKey.of("../outside.pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.of("records/../../outside.pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.of("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        // a listing prefix is compared as a string, never resolved as a path
        Files.writeString(temp.resolve("planted.pdf" + FilesystemObjectStore.META_SUFFIX), "key=planted.pdf");
        assertThat(store.list("../")).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void symbolicLinkInsideTheRootCannotLeadWritesOrReadsOutside() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("evil"), outside);
        ObjectKey key = ObjectKey.of("evil/sub/record.pdf");

        assertThatThrownBy(() -> store.put(args(key, PDF, Retention.permanent()).build()))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.stat(ObjectKey.of("evil/record.pdf"))).isInstanceOf(StorageException.class);
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written).isEmpty();
        }
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void dataFileWithoutItsSidecarIsNotReportedAsStored() throws IOException {
        ObjectKey key = ObjectKey.of("records/crashed.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());
        // a crash between publishing the bytes and writing the sidecar leaves exactly this
        Files.delete(metaFile(key));

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.list("")).isEmpty();
        assertThatThrownBy(() -> store.getBytes(key)).isInstanceOf(NoSuchObjectException.class);
    }

    @Test
    void putAfterAnInterruptedWriteSetsTheOrphanAsideAndStores() throws IOException {
        ObjectKey key = ObjectKey.of("records/crashed.pdf");
        store.put(args(key, "half-written".getBytes(UTF_8), Retention.permanent()).build());
        Files.delete(metaFile(key));

        StoredObject stored = store.put(args(key, PDF, Retention.permanent()).build());

        assertThat(store.getBytes(key)).isEqualTo(PDF);
        assertThat(stored.sha256()).isEqualTo(sha256(PDF));
        assertThat(filesIn(dataFile(key).getParent()))
                .anyMatch(name -> name.startsWith("crashed.pdf~") && name.endsWith("~orphan"));
    }

    @Test
    void storedFilesAreReadOnlyAndNoTemporaryFilesRemain() throws IOException {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());
        assertThatThrownBy(() -> store.put(args(key, "other".getBytes(UTF_8), Retention.permanent()).build()))
                .isInstanceOf(ObjectExistsException.class);
        store.setLegalHold(key, true);

        assertThat(filesIn(dataFile(key).getParent())).containsExactlyInAnyOrder("hs-001.pdf~data", "hs-001.pdf~meta");
        assertThat(Files.getPosixFilePermissions(dataFile(key))).doesNotContain(
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        assertThat(Files.getPosixFilePermissions(metaFile(key))).doesNotContain(PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void failedPutLeavesNoTemporaryFile() throws IOException {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        assertThatThrownBy(() -> store.put(args(key, PDF, Retention.permanent()).expectedSha256("0".repeat(64)).build()))
                .isInstanceOf(IntegrityException.class);

        assertThat(filesIn(root.resolve("records"))).isEmpty();
    }

    @Test
    void objectsSurviveReopeningTheStore() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        StoredObject stored = store.put(args(key, PDF, Retention.compliance(T0.plusSeconds(3600))).build());
        store.setLegalHold(key, true);

        FilesystemObjectStore reopened = new FilesystemObjectStore(root, clock);

        assertThat(reopened.stat(key)).contains(stored.withLegalHold(true));
        assertThat(reopened.verify(key)).isTrue();
    }

    @Test
    void refusesKeysWhoseLastSegmentIsTooLongForTheFilesystem() {
        ObjectKey key = ObjectKey.of("records/" + "x".repeat(FilesystemObjectStore.MAX_NAME_LENGTH + 1));

        assertThatThrownBy(() -> store.put(args(key, PDF, Retention.permanent()).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void archivedDataFilesAreImmutableSoEvenRootCannotChangeOrDeleteThem() throws Exception {
        assumeImmutableAttributeWorks();
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());

        assertThat(lsattrFlags(dataFile(key))).contains("i");
        // root ignores read-only permissions but not the immutable attribute
        assertThatThrownBy(() -> Files.write(dataFile(key), "altered".getBytes(UTF_8), StandardOpenOption.WRITE))
                .isInstanceOf(FileSystemException.class);
        assertThatThrownBy(() -> Files.delete(dataFile(key))).isInstanceOf(FileSystemException.class);
        assertThat(store.getBytes(key)).isEqualTo(PDF);
        // the sidecar stays replaceable: legal hold and retention changes rewrite it
        assertThat(lsattrFlags(metaFile(key))).doesNotContain("i");
        store.setLegalHold(key, true);
        assertThat(store.stat(key).orElseThrow().legalHold()).isTrue();
    }

    @Test
    void deleteAfterRetentionClearsTheImmutableAttributeFirst() throws Exception {
        assumeImmutableAttributeWorks();
        ObjectKey key = ObjectKey.of("records/hs-002.pdf");
        store.put(args(key, PDF, Retention.compliance(T0.plusSeconds(60))).build());
        assertThat(lsattrFlags(dataFile(key))).contains("i");

        clock.advance(Duration.ofSeconds(61));
        store.delete(key);

        assertThat(dataFile(key)).doesNotExist();
        assertThat(metaFile(key)).doesNotExist();
        assertThat(store.stat(key)).isEmpty();
    }

    @Test
    void theAttributeIsSetWithOneSystemCallWhereTheSystemIsKnownAndWithChattrElsewhere() throws Exception {
        assumeImmutableAttributeWorks();
        boolean known = "Linux".equals(System.getProperty("os.name"))
                && java.util.Set.of("amd64", "aarch64").contains(System.getProperty("os.arch"));
        assertThat(ImmutableAttribute.system(true).toString()).as("JNA loads here")
                .contains(known ? "ioctl" : "chattr");
        // either way, as lsattr (e2fsprogs) reads it: set on one file, its other flags (extents "e") kept, cleared
        for (ImmutableAttribute attribute : List.of(ImmutableAttribute.system(true), ImmutableAttribute.using(CHATTR))) {
            Path file = Files.write(temp.resolve("flagged-" + attribute.toString().hashCode()), PDF);
            String before = lsattrFlags(file);
            assertThat(attribute.protect(file)).as(attribute.toString()).isTrue();
            assertThat(attribute.isSet(file)).isTrue();
            assertThat(lsattrFlags(file)).as(attribute.toString()).contains("i")
                    .isEqualTo(before.substring(0, 4) + "i" + before.substring(5));
            assertThatThrownBy(() -> Files.delete(file)).isInstanceOf(FileSystemException.class);
            attribute.release(file);
            assertThat(attribute.isSet(file)).isFalse();
            assertThat(lsattrFlags(file)).isEqualTo(before);
            Files.delete(file);
        }
    }

    @Test
    void withoutChattrTheStoreStillStoresOnlyWithoutTheAttribute() throws Exception {
        FilesystemObjectStore withoutTool = new FilesystemObjectStore(root, clock,
                ImmutableAttribute.using(temp.resolve("no-such-chattr")));
        ObjectKey first = ObjectKey.of("records/hs-003.pdf");
        ObjectKey second = ObjectKey.of("records/hs-004.pdf");

        withoutTool.put(args(first, PDF, Retention.compliance(T0.plusSeconds(60))).build());
        withoutTool.put(args(second, PDF, Retention.permanent()).build());

        assertThat(withoutTool.getBytes(first)).isEqualTo(PDF);
        assertThat(withoutTool.verify(second)).isTrue();
        if (Files.isExecutable(LSATTR)) {
            assertThat(lsattrFlags(dataFile(first))).doesNotContain("i");
        }
        assertThatThrownBy(() -> withoutTool.delete(second)).isInstanceOf(ObjectLockedException.class);
        clock.advance(Duration.ofSeconds(61));
        withoutTool.delete(first);
        assertThat(withoutTool.stat(first)).isEmpty();
    }

    @Test
    void immutableFilesCanBeTurnedOffAndTheStoreStillDeletesFilesProtectedEarlier() throws Exception {
        FilesystemObjectStore off = new FilesystemObjectStore(root, clock, false);
        assertThat(off.immutableFiles()).isFalse();
        assertThat(store.immutableFiles()).isTrue();
        ObjectKey plain = ObjectKey.of("records/plain.pdf");
        off.put(args(plain, PDF, Retention.compliance(T0.plusSeconds(60))).build());
        if (Files.isExecutable(LSATTR)) {
            assertThat(lsattrFlags(dataFile(plain))).doesNotContain("i");
        }

        // protected by the default store, deleted by one with the setting off: the attribute is cleared all the same
        ObjectKey protectedEarlier = ObjectKey.of("records/protected.pdf");
        store.put(args(protectedEarlier, PDF, Retention.compliance(T0.plusSeconds(60))).build());
        clock.advance(Duration.ofSeconds(61));
        off.delete(protectedEarlier);
        off.delete(plain);

        assertThat(off.list("records/")).isEmpty();
        assertThat(filesIn(root.resolve("records"))).isEmpty();
    }

    /** Skips unless this process may set the attribute on this filesystem (root, ext4/XFS/Btrfs/tmpfs, e2fsprogs). */
    private void assumeImmutableAttributeWorks() throws Exception {
        assumeTrue(Files.isExecutable(CHATTR) && Files.isExecutable(LSATTR), "no chattr/lsattr (e2fsprogs)");
        Path probe = Files.createFile(temp.resolve("probe"));
        try {
            assumeTrue(run(CHATTR.toString(), "+i", probe.toString()) == 0,
                    "cannot set the immutable attribute here (not root, or the filesystem does not keep it)");
        } finally {
            run(CHATTR.toString(), "-i", probe.toString());
            Files.delete(probe);
        }
    }

    /** The flags field of {@code lsattr -d}, e.g. {@code ----i---------e-------}. */
    private static String lsattrFlags(Path file) throws Exception {
        Process p = new ProcessBuilder(LSATTR.toString(), "-d", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.strip().split("\\s+", 2)[0];
    }

    private static int run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command[0] + " interrupted", e);
        }
        return p.exitValue();
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Bytes altered in place on disk are never served: the read fails at the end of the stream. */
    @Test
    void readingCorruptedBytesFailsInsteadOfReturningThem() throws IOException {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());

        corruptStoredBytes(key);

        assertThatThrownBy(() -> store.getBytes(key)).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> readAll(store.get(key))).isInstanceOf(IntegrityException.class);
    }
}
