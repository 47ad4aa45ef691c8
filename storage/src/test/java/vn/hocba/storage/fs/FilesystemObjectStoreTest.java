package vn.hocba.storage.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.storage.IntegrityException;
import vn.hocba.storage.MutableClock;
import vn.hocba.storage.NoSuchObjectException;
import vn.hocba.storage.ObjectExistsException;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.ObjectStoreContract;
import vn.hocba.storage.Retention;
import vn.hocba.storage.StorageException;
import vn.hocba.storage.StoredObject;

class FilesystemObjectStoreTest extends ObjectStoreContract {

    private static final byte[] PDF = "%PDF-1.7 sổ điểm".getBytes(UTF_8);

    @TempDir
    Path temp;

    private Path root;
    private MutableClock clock;
    private FilesystemObjectStore store;

    @BeforeEach
    void openStore() throws IOException {
        root = Files.createDirectories(temp.resolve("objects"));
        clock = new MutableClock(T0);
        store = new FilesystemObjectStore(root, clock);
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

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
