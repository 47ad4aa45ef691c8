package vn.hocba.storage.fs;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import vn.hocba.storage.IntegrityException;
import vn.hocba.storage.NoSuchObjectException;
import vn.hocba.storage.ObjectExistsException;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectLockedException;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.PutObjectArgs;
import vn.hocba.storage.Retention;
import vn.hocba.storage.RetentionChangeRefusedException;
import vn.hocba.storage.RetentionMode;
import vn.hocba.storage.StorageException;
import vn.hocba.storage.StoredObject;
import vn.hocba.storage.VerifyingInputStream;

/**
 * {@link ObjectStore} on a local directory: the embedded default, with the same write-once guarantees
 * as the S3 Object Lock adapter. The guarantee is the API's refusal; file permissions and the immutable
 * attribute (below) are defence in depth against other processes and slips of the hand.
 *
 * <h2>Layout</h2>
 * The key's segments become directories under {@code root}; its last segment {@code name} gives
 * <ul>
 *   <li>{@code name~data}: the bytes, read-only once written;</li>
 *   <li>{@code name~meta}: the sidecar, a properties file with SHA-256, size, content type, storage
 *       time, retention and legal hold;</li>
 *   <li>{@code name~<random>~tmp}: a write in progress, and {@code name~<millis>-<random>~orphan}: bytes
 *       of an interrupted write set aside (never deleted by the store).</li>
 * </ul>
 * {@code ~} cannot occur in an {@link ObjectKey}, so these names never collide with each other nor with
 * the directories of other keys ({@code a} and {@code a/b} can both exist).
 *
 * <h2>Crash safety</h2>
 * Bytes are written to a temporary file in the target directory, hashed on the way, fsynced, and then
 * published without replacing anything; only then is the sidecar written (temporary file, fsync, atomic
 * rename). <b>The sidecar is the commit marker</b>: a data file without its sidecar is an interrupted
 * write, reported as absent by {@code stat}, {@code get} and {@code list}, and set aside as an orphan by
 * the next put of the key. Deletion removes the sidecar first for the same reason.
 *
 * <h2>Immutable attribute</h2>
 * With {@code immutableFiles} on (the default), each data file gets the Linux immutable attribute
 * ({@code chattr +i}, {@code FS_IMMUTABLE_FL}) once it is published and fsynced, before its sidecar commits it.
 * Read-only permissions stop only other users; an immutable file cannot be written, truncated, renamed,
 * hard-linked or deleted by any process, root included, until someone clears the flag on purpose
 * ({@code chattr -i FILE}, which needs {@code CAP_LINUX_IMMUTABLE}). Setting it needs the same capability (in
 * practice: the store runs as root) and a filesystem that keeps the flag (ext2/3/4, XFS, Btrfs, tmpfs on recent
 * kernels; not NFS or most FUSE filesystems). It is set with one {@code ioctl} (JNA) on Linux x86-64 and AArch64,
 * elsewhere by running {@code chattr}. Where it cannot be set (not root, such a filesystem, neither way available) the
 * store logs one WARNING naming the missing protection and carries on: a put never fails for it, and the store's own
 * refusals are unchanged.
 * <ul>
 *   <li>The sidecar stays mutable: legal hold and retention changes replace it by an atomic rename, which an
 *       immutable file would refuse. It is read-only like the data file.</li>
 *   <li>{@link #delete} of an object whose retention has ended clears the flag before removing anything; if
 *       the flag stays set (the store lacks the capability), the delete fails with a {@link StorageException}
 *       and the object is left whole.</li>
 *   <li>The data file of an interrupted put is released the same way before it is set aside as an orphan.</li>
 *   <li>Anything that deletes a store's directory outside the store (test clean-up, {@code mvn clean},
 *       {@code rm -r}) must first run {@code chattr -R -i} on it, or turn the setting off for such stores.</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * Thread-safe. Every check-then-write on a key runs under a lock shared by all instances in the JVM
 * that use the same root, so simultaneous puts of the same key end with one object: identical content
 * returns it to every caller, other content gets {@link ObjectExistsException}. Publishing with a hard
 * link also refuses to replace a file written meanwhile by another process; beyond that, one process
 * should own a root.
 */
public final class FilesystemObjectStore implements ObjectStore {

    static final String DATA_SUFFIX = "~data";
    static final String META_SUFFIX = "~meta";
    private static final String TEMP_SUFFIX = "~tmp";
    private static final String ORPHAN_SUFFIX = "~orphan";

    /** Longest last key segment: leaves room for the suffixes within the usual 255-byte file name limit. */
    static final int MAX_NAME_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/-]*");
    private static final HexFormat HEX = HexFormat.of();
    private static final int FORMAT_VERSION = 1;

    private static final ReentrantLock[] LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private final Path root;
    private final Clock clock;
    private final ImmutableAttribute immutable;

    /**
     * Opens (and creates if needed) a store in {@code root} that makes its data files immutable where the
     * system allows it (see the class comment).
     *
     * @param root  directory holding the objects
     * @param clock source of storage times and of "now" for retention checks
     * @throws StorageException when the directory cannot be created or opened
     */
    public FilesystemObjectStore(Path root, Clock clock) {
        this(root, clock, true);
    }

    /**
     * Opens (and creates if needed) a store in {@code root}.
     *
     * @param root           directory holding the objects
     * @param clock          source of storage times and of "now" for retention checks
     * @param immutableFiles whether data files get the immutable attribute ({@code chattr +i}) where the system
     *                       allows it; off suits stores whose directory is deleted wholesale, e.g. by tests. Either
     *                       way the store clears the attribute of a file it deletes.
     * @throws StorageException when the directory cannot be created or opened
     */
    public FilesystemObjectStore(Path root, Clock clock, boolean immutableFiles) {
        this(root, clock, ImmutableAttribute.system(immutableFiles));
    }

    FilesystemObjectStore(Path root, Clock clock, ImmutableAttribute immutable) {
        Objects.requireNonNull(root, "root");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.immutable = Objects.requireNonNull(immutable, "immutable");
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new StorageException(null, "cannot open storage root " + root, e);
        }
        if (!immutable.enabled()) {
            System.getLogger(FilesystemObjectStore.class.getName()).log(System.Logger.Level.INFO,
                    "Immutable attribute off by configuration for {0}: archived files are only read-only", this.root);
        }
    }

    /** The directory holding the objects (its real path). */
    public Path root() {
        return root;
    }

    /** Whether data files are made immutable where the system allows it (the setting, not whether it works). */
    public boolean immutableFiles() {
        return immutable.enabled();
    }

    @Override
    public StoredObject put(PutObjectArgs args) {
        Objects.requireNonNull(args, "args");
        ObjectKey key = args.key();
        if (!args.retention().inForce(clock.instant())) {
            throw new IllegalArgumentException("retention must end in the future: " + args.retention());
        }
        Location at = locate(key);
        Path temp = at.temp();
        try {
            prepareDirectory(key, at.dir);
            String sha256 = writeTemp(key, args, temp);
            String expected = args.expectedSha256().orElse(sha256);
            if (!expected.equals(sha256)) {
                throw new IntegrityException(key, expected, sha256, "content does not match the expected SHA-256");
            }
            return locked(key, () -> {
                Optional<StoredObject> existing = readMeta(key, at);
                if (existing.isPresent()) {
                    return sameOrRefuse(existing.get(), sha256);
                }
                if (Files.exists(at.data(), NOFOLLOW_LINKS)) {
                    setAsideOrphan(at);
                }
                if (!publish(temp, at.data())) {
                    // another process published this key between our check and our link
                    StoredObject raced = readMeta(key, at)
                            .orElseThrow(() -> new ObjectExistsException(key, null, sha256));
                    return sameOrRefuse(raced, sha256);
                }
                makeReadOnly(at.data());
                // published and fsynced (writeTemp, publish): from here on not even root changes it by accident
                immutable.protect(at.data());
                StoredObject stored = new StoredObject(key, args.size(), sha256, args.contentType(),
                        clock.instant(), args.retention(), false);
                writeMeta(at, stored);
                return stored;
            });
        } catch (IOException e) {
            throw new StorageException(key, "cannot write object", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static StoredObject sameOrRefuse(StoredObject existing, String sha256) {
        if (existing.sha256().equals(sha256)) {
            return existing;
        }
        throw new ObjectExistsException(existing.key(), existing.sha256(), sha256);
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        Location at = locate(key);
        return io(key, () -> readMeta(key, at));
    }

    @Override
    public InputStream get(ObjectKey key) {
        Location at = locate(key);
        StoredObject object = require(key, at);
        try {
            return new VerifyingInputStream(Files.newInputStream(at.data()), object);
        } catch (NoSuchFileException e) {
            throw new IntegrityException(key, object.sha256(), null, "stored bytes are missing");
        } catch (IOException e) {
            throw new StorageException(key, "cannot read object", e);
        }
    }

    @Override
    public byte[] getBytes(ObjectKey key) {
        Location at = locate(key);
        StoredObject object = require(key, at);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(at.data());
        } catch (NoSuchFileException e) {
            throw new IntegrityException(key, object.sha256(), null, "stored bytes are missing");
        } catch (IOException e) {
            throw new StorageException(key, "cannot read object", e);
        }
        String actual = HEX.formatHex(sha256().digest(bytes));
        if (!actual.equals(object.sha256())) {
            throw new IntegrityException(key, object.sha256(), actual, "stored bytes do not match their SHA-256");
        }
        return bytes;
    }

    @Override
    public void delete(ObjectKey key) {
        Location at = locate(key);
        locked(key, () -> {
            StoredObject object = readMeta(key, at).orElseThrow(() -> new NoSuchObjectException(key));
            if (object.locked(clock.instant())) {
                throw new ObjectLockedException(key, object.retention(), object.legalHold());
            }
            // before anything is removed: an immutable data file cannot be unlinked, and a failure here must
            // leave the object whole rather than a sidecar-less data file
            immutable.release(at.data());
            // sidecar first: if we stop in between, what remains is an uncommitted data file, i.e. absent
            Files.delete(at.meta());
            syncDirectory(at.dir);
            deleteEvenIfReadOnly(at.data());
            syncDirectory(at.dir);
            return null;
        });
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean on) {
        Location at = locate(key);
        locked(key, () -> {
            StoredObject object = readMeta(key, at).orElseThrow(() -> new NoSuchObjectException(key));
            if (object.legalHold() != on) {
                writeMeta(at, object.withLegalHold(on));
            }
            return null;
        });
    }

    @Override
    public StoredObject extendRetention(ObjectKey key, Retention longer) {
        Objects.requireNonNull(longer, "longer");
        Location at = locate(key);
        return locked(key, () -> {
            StoredObject object = readMeta(key, at).orElseThrow(() -> new NoSuchObjectException(key));
            if (!object.retention().allowsChangeTo(longer)) {
                throw new RetentionChangeRefusedException(key, object.retention(), longer);
            }
            if (object.retention().equals(longer)) {
                return object;
            }
            StoredObject updated = object.withRetention(longer);
            writeMeta(at, updated);
            return updated;
        });
    }

    @Override
    public boolean verify(ObjectKey key) {
        Location at = locate(key);
        StoredObject object = require(key, at);
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(at.data())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new StorageException(key, "cannot read object", e);
        }
        return size == object.size() && HEX.formatHex(digest.digest()).equals(object.sha256());
    }

    @Override
    public Stream<ObjectKey> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix may only contain A-Z a-z 0-9 . _ / - : " + prefix);
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new KeyIterator(prefix),
                Spliterator.ORDERED | Spliterator.SORTED | Spliterator.DISTINCT | Spliterator.NONNULL), false);
    }

    @Override
    public String toString() {
        return "FilesystemObjectStore[" + root + (immutable.enabled() ? "" : ", immutable files off") + "]";
    }

    // ---- paths -------------------------------------------------------------------------------------

    /** Where a key lives; valid keys cannot escape, the normalize/startsWith check is a second fence. */
    private Location locate(ObjectKey key) {
        Objects.requireNonNull(key, "key");
        String name = key.name();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "the last key segment may have at most " + MAX_NAME_LENGTH + " characters here: " + key);
        }
        Path path = root.resolve(key.value()).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new StorageException(key, "key resolves outside the storage root");
        }
        Location at = new Location(path.getParent(), name);
        // a symbolic link inside the root must not lead reads or writes elsewhere
        io(key, () -> {
            if (Files.exists(at.dir)) {
                ensureInsideRoot(key, at.dir);
            }
            return null;
        });
        return at;
    }

    private void prepareDirectory(ObjectKey key, Path dir) throws IOException {
        Path existing = dir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        ensureInsideRoot(key, existing);
        Files.createDirectories(dir);
        ensureInsideRoot(key, dir);
    }

    private void ensureInsideRoot(ObjectKey key, Path path) throws IOException {
        if (!path.toRealPath().startsWith(root)) {
            throw new StorageException(key, "key resolves outside the storage root");
        }
    }

    private record Location(Path dir, String name) {

        Path data() {
            return dir.resolve(name + DATA_SUFFIX);
        }

        Path meta() {
            return dir.resolve(name + META_SUFFIX);
        }

        Path temp() {
            return dir.resolve(name + "~" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        }
    }

    // ---- writing -----------------------------------------------------------------------------------

    /** Copies exactly {@code args.size()} bytes to {@code temp}, fsyncs them and returns their SHA-256. */
    private static String writeTemp(ObjectKey key, PutObjectArgs args, Path temp) throws IOException {
        MessageDigest digest = sha256();
        InputStream in = args.content(); // the caller's stream: not ours to close
        try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            long remaining = args.size();
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IntegrityException(key, null, null,
                            "content is shorter than its declared size " + args.size());
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                remaining -= n;
            }
            if (in.read() >= 0) {
                throw new IntegrityException(key, null, null, "content is longer than its declared size " + args.size());
            }
            channel.force(true);
        }
        return HEX.formatHex(digest.digest());
    }

    /**
     * Publishes {@code temp} as {@code target} without ever replacing an existing file. A hard link is
     * used because {@code link(2)} fails atomically when the target exists, whereas an
     * {@code ATOMIC_MOVE} is a {@code rename(2)} that silently replaces it on Unix.
     *
     * @return {@code false} when {@code target} already exists
     */
    private static boolean publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links on this filesystem: fall back on a rename, safe within this JVM because the
            // caller holds the key's lock and has just seen the target absent
            if (Files.exists(target, NOFOLLOW_LINKS)) {
                return false;
            }
            Files.move(temp, target, ATOMIC_MOVE);
            syncDirectory(target.getParent());
            return true;
        }
        Files.delete(temp);
        syncDirectory(target.getParent());
        return true;
    }

    /** Moves the data file of an interrupted put out of the way; bytes are never destroyed silently. */
    private void setAsideOrphan(Location at) throws IOException {
        Path orphan = at.dir.resolve(at.name + "~" + clock.millis() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ORPHAN_SUFFIX);
        immutable.release(at.data()); // protected before the crash that left it without a sidecar
        Files.move(at.data(), orphan, ATOMIC_MOVE);
    }

    /** Writes the sidecar atomically: temporary file, fsync, rename over the old one, fsync the directory. */
    private static void writeMeta(Location at, StoredObject object) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT_VERSION));
        p.setProperty("key", object.key().value());
        p.setProperty("size", Long.toString(object.size()));
        p.setProperty("sha256", object.sha256());
        p.setProperty("contentType", object.contentType());
        p.setProperty("storedAt", object.storedAt().toString());
        p.setProperty("retention.mode", object.retention().mode().name());
        if (!object.retention().isPermanent()) {
            p.setProperty("retention.retainUntil", object.retention().retainUntil().toString());
        }
        p.setProperty("legalHold", Boolean.toString(object.legalHold()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            p.store(writer, "Hocba write-once object metadata; written by the store only");
        }
        Path temp = at.temp();
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            makeReadOnly(temp);
            Files.move(temp, at.meta(), ATOMIC_MOVE, REPLACE_EXISTING);
            syncDirectory(at.dir);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void makeReadOnly(Path file) {
        // defence in depth only: root and the owner can still change it; the API refusal is the guarantee. Readable by
        // the owner alone (r--------): archived records hold personal data.
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            file.toFile().setReadOnly();
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot fsync a directory; the rename itself stays atomic
        }
    }

    private static void deleteEvenIfReadOnly(Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (AccessDeniedException e) {
            // platforms that refuse to delete read-only files
            file.toFile().setWritable(true);
            Files.deleteIfExists(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a left-over temporary file is ignored by every reader
        }
    }

    // ---- reading -----------------------------------------------------------------------------------

    private StoredObject require(ObjectKey key, Location at) {
        return io(key, () -> readMeta(key, at)).orElseThrow(() -> new NoSuchObjectException(key));
    }

    private static Optional<StoredObject> readMeta(ObjectKey key, Location at) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(at.meta());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        try {
            if (!key.value().equals(p.getProperty("key"))) {
                throw new IllegalArgumentException("sidecar names another key: " + p.getProperty("key"));
            }
            String until = p.getProperty("retention.retainUntil");
            Retention retention = new Retention(RetentionMode.valueOf(required(p, "retention.mode")),
                    until == null ? null : Instant.parse(until));
            return Optional.of(new StoredObject(key,
                    Long.parseLong(required(p, "size")),
                    required(p, "sha256"),
                    required(p, "contentType"),
                    Instant.parse(required(p, "storedAt")),
                    retention,
                    Boolean.parseBoolean(required(p, "legalHold"))));
        } catch (RuntimeException e) {
            throw new StorageException(key, "unreadable object metadata", e);
        }
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---- listing -----------------------------------------------------------------------------------

    /**
     * Walks the tree depth first, one directory listing in memory at a time. Sorting the entries of a
     * directory by their key contribution ({@code name} for an object, {@code name/} for a directory)
     * yields the keys in global lexicographic order. Only committed objects (with a sidecar) are listed.
     */
    private final class KeyIterator implements Iterator<ObjectKey> {

        private final String prefix;
        private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
        private ObjectKey next;

        KeyIterator(String prefix) {
            this.prefix = prefix;
            stack.push(entries(root, "").iterator());
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Iterator<Entry> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Entry entry = top.next();
                if (entry.directory) {
                    if (entry.key.startsWith(prefix) || prefix.startsWith(entry.key)) {
                        stack.push(entries(entry.path, entry.key).iterator());
                    }
                } else if (entry.key.startsWith(prefix)) {
                    next = new ObjectKey(entry.key);
                }
            }
            return next != null;
        }

        @Override
        public ObjectKey next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ObjectKey result = next;
            next = null;
            return result;
        }
    }

    private record Entry(String key, Path path, boolean directory) {
    }

    private static List<Entry> entries(Path dir, String keyPrefix) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(child -> {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child, NOFOLLOW_LINKS)) {
                    if (isKeySegment(name)) {
                        entries.add(new Entry(keyPrefix + name + "/", child, true));
                    }
                } else if (name.endsWith(META_SUFFIX)) {
                    String base = name.substring(0, name.length() - META_SUFFIX.length());
                    String key = keyPrefix + base;
                    if (isKeySegment(base) && key.length() <= ObjectKey.MAX_LENGTH
                            && Files.isRegularFile(child, NOFOLLOW_LINKS)) {
                        entries.add(new Entry(key, child, false));
                    }
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StorageException(null, "cannot list objects", e);
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    private static boolean isKeySegment(String name) {
        return SEGMENT.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    // ---- locking and I/O plumbing ------------------------------------------------------------------

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }

    private static <T> T io(ObjectKey key, IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new StorageException(key, "storage I/O failed", e);
        }
    }

    /** Runs {@code action} holding the key's lock, shared by every instance on the same root. */
    private <T> T locked(ObjectKey key, IoAction<T> action) throws StorageException {
        int stripe = Math.floorMod(Objects.hash(root.toString(), key.value()), LOCKS.length);
        ReentrantLock lock = LOCKS[stripe];
        lock.lock();
        try {
            return io(key, action);
        } finally {
            lock.unlock();
        }
    }
}
