package vn.hocba.archive.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working PDFs of versions not yet archived, as files: {@code <dir>/<lookup code>/<sha256>.pdf}, one per revision
 * that a transaction wrote, the one the {@code document} row names being the current one. The embedded default keeps
 * them here rather than in the database: H2 stores a row's {@code bytea} inside its table pages, so every signature
 * rewrote half a megabyte of pages, every read of the row (a status, a revision) carried the PDF with it, and the
 * database file grew by gigabytes over a school's year end (issue 19: the working PDFs do not sit in the database's
 * cache). PostgreSQL keeps them in the row (TOAST stores them apart, and every instance sees them).
 *
 * <p>Durability: a file is written under its name and forced to disk with its directory, before the transaction that
 * names it commits. The file a new revision replaces is only {@linkplain #retire
 * retired}: {@link #purge} removes it once the database has made the replacing commit durable (H2 writes a commit at
 * once but forces it to disk only at a checkpoint, so a power cut could bring back a revision whose file an immediate
 * removal had taken). A file no committed row names (a rolled-back transaction, a crash between the two) is removed
 * by {@link #sweep} at the next start. Content addressing makes a write idempotent: the same bytes land under the same
 * name. Thread-safe (the file system arbitrates; the retired list is concurrent).
 */
final class WorkingCopyFiles {

    private static final Logger log = LoggerFactory.getLogger(WorkingCopyFiles.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String SUFFIX = ".pdf";
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");
    /** The working copies are the signed documents themselves: readable by the service's user only. */
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private final Path dir;
    private final boolean writes;
    /** Files to remove at the next {@link #purge}: a lookup code and a sha256, or a lookup code and null (all). */
    private final java.util.Queue<Map.Entry<UUID, String>> retired = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param dir    the directory of the working copies, created here if new revisions are written to it
     * @param writes whether new revisions go to files ({@code hocba.working-copies}); files written before a switch to
     *               the database are read either way
     */
    WorkingCopyFiles(Path dir, boolean writes) {
        this.dir = dir;
        this.writes = writes;
        if (writes) {
            try {
                createPrivateDirectory(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the working copies' directory " + dir, e);
            }
        }
    }

    /** Whether new revisions are written here (else into the database's row). */
    boolean writes() {
        return writes;
    }

    /**
     * Writes the bytes of a revision, durably: on disk (forced) when this returns. As {@link #writeAndForce}, waiting.
     *
     * @throws UncheckedIOException the disk refused (full, read-only): the caller's transaction must not commit
     */
    void write(UUID lookupCode, String sha256, byte[] pdf) {
        writeAndForce(lookupCode, sha256, pdf).await();
    }

    /**
     * Writes the bytes of a revision into the file (the operating system holds them: a killed process loses nothing)
     * and starts forcing the file and its name to disk on other threads, so that a signature's database statements run
     * while the disk works (a force took 0.8-1 ms here, an eighth of a signature). The caller awaits the returned
     * {@link Forcing} before its transaction commits: a row never names a file a power cut could take.
     *
     * @param sha256 the lowercase hex SHA-256 of {@code pdf}, the row's {@code sha256}
     * @throws UncheckedIOException the disk refused (full, read-only): the caller's transaction must not commit
     */
    Forcing writeAndForce(UUID lookupCode, String sha256, byte[] pdf) {
        Path folder = folder(lookupCode);
        Path target = folder.resolve(name(sha256));
        // straight under its final name, no temporary file renamed into place: until the transaction that names it
        // commits (after this returns) no reader looks for it, and a part written before a crash is named by no row
        // (the sweep takes it; the same bytes written again replace it). A rename cost a second journal commit a write.
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        boolean created;
        FileChannel out;
        try {
            created = !Files.isDirectory(folder);
            createPrivateDirectory(folder);
            out = POSIX ? FileChannel.open(target, options, OWNER_ONLY) : FileChannel.open(target, options);
            try {
                ByteBuffer buffer = ByteBuffer.wrap(pdf);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            } catch (IOException e) {
                out.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the working copy of " + lookupCode, e);
        }
        // the file's data (through the channel that wrote it, closed once forced), its name in the folder, and a new
        // folder's name: independent forces, run side by side
        List<java.util.concurrent.CompletableFuture<Void>> forces = new ArrayList<>();
        forces.add(forceLater(() -> {
            try (out) {
                out.force(true);
            }
        }));
        forces.add(forceLater(() -> force(folder)));
        if (created) {
            forces.add(forceLater(() -> force(dir)));
        }
        return new Forcing(lookupCode, java.util.concurrent.CompletableFuture.allOf(
                forces.toArray(java.util.concurrent.CompletableFuture[]::new)));
    }

    /** The forces of one write, under way. */
    static final class Forcing {
        private final UUID lookupCode;
        private final java.util.concurrent.CompletableFuture<Void> done;
        /** Set when the file was deleted again (no row names it): nothing waits for its force. */
        private volatile boolean discarded;

        private Forcing(UUID lookupCode, java.util.concurrent.CompletableFuture<Void> done) {
            this.lookupCode = lookupCode;
            this.done = done;
        }

        /**
         * Returns once the file and its name are on disk.
         *
         * @throws UncheckedIOException a force failed (the disk refused, or the wait was interrupted)
         */
        void await() {
            if (discarded) {
                return;
            }
            try {
                done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof UncheckedIOException unchecked ? unchecked
                        : new UncheckedIOException("cannot force the working copy of " + lookupCode + " to disk",
                        cause instanceof IOException io ? io : new IOException(cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException("interrupted while forcing the working copy of " + lookupCode,
                        new java.io.InterruptedIOException());
            }
        }

        /** The file was deleted again before any row named it: {@link #await} returns at once from now on. */
        void discard() {
            discarded = true;
        }
    }

    /** A force to run on the forcing threads. */
    @FunctionalInterface
    private interface Force {
        void run() throws IOException;
    }

    /**
     * The threads that force files: daemons, as many as forces may wait side by side (each blocks in the kernel, on
     * the disk, not on a core).
     */
    private static final java.util.concurrent.ExecutorService FORCING = java.util.concurrent.Executors.newFixedThreadPool(
            8, runnable -> {
                Thread thread = new Thread(runnable, "working-copy-force");
                thread.setDaemon(true);
                return thread;
            });

    private static java.util.concurrent.CompletableFuture<Void> forceLater(Force force) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                force.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, FORCING);
    }

    /** The bytes of that revision; empty when no such file exists (another transaction replaced it meanwhile). */
    Optional<byte[]> read(UUID lookupCode, String sha256) {
        try {
            return Optional.of(Files.readAllBytes(folder(lookupCode).resolve(name(sha256))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working copy of " + lookupCode, e);
        }
    }

    /**
     * Marks a replaced revision's file for removal at the next {@link #purge}.
     *
     * @param sha256 the revision, or null for every file of the version (it was archived)
     */
    void retire(UUID lookupCode, String sha256) {
        retired.add(new java.util.AbstractMap.SimpleImmutableEntry<>(lookupCode, sha256));
    }

    /**
     * Removes the files retired so far, after {@code makeDurable} has forced the database's commits to disk.
     *
     * @param makeDurable e.g. H2's {@code CHECKPOINT SYNC}; if it throws, nothing is removed (tried again next time)
     * @return the number of retirements carried out
     */
    int purge(Runnable makeDurable) {
        List<Map.Entry<UUID, String>> due = new ArrayList<>();
        for (Map.Entry<UUID, String> next; due.size() < 100_000 && (next = retired.poll()) != null; ) {
            due.add(next);
        }
        if (due.isEmpty()) {
            return 0;
        }
        try {
            makeDurable.run();
        } catch (RuntimeException e) {
            retired.addAll(due);
            throw e;
        }
        for (Map.Entry<UUID, String> entry : due) {
            if (entry.getValue() == null) {
                deleteAll(entry.getKey());
            } else {
                delete(entry.getKey(), entry.getValue());
            }
        }
        return due.size();
    }

    /** Files retired and not yet purged. */
    int retiredCount() {
        return retired.size();
    }

    /** Removes every revision of the version, and its folder (it was archived). Failures are logged. */
    void deleteAll(UUID lookupCode) {
        Path folder = folder(lookupCode);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            log.warn("could not remove the working copies of {}: {}", lookupCode, e.toString());
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.debug("working copy folder of {} not removed: {}", lookupCode, e.toString());
        }
    }

    /** Removes one revision's file (written for a transaction that did not commit it). Failures are logged. */
    void delete(UUID lookupCode, String sha256) {
        try {
            Files.deleteIfExists(folder(lookupCode).resolve(name(sha256)));
        } catch (IOException e) {
            log.warn("could not remove a working copy of {}: {}", lookupCode, e.toString());
        }
    }

    /**
     * Removes files that no committed row names, last written before {@code before} (later ones may belong to a
     * transaction still running), and the folders of versions left without a file. Meant for the start, before the
     * service takes requests; an entry that cannot be removed is logged and skipped.
     *
     * @param current the sha256 of every version that keeps a working copy, by lookup code; asked only when the
     *                directory holds a folder (a service on PostgreSQL, which never wrote one, asks nothing)
     * @param before  e.g. when this process started (the embedded default runs one instance)
     * @return the number of files removed
     */
    int sweep(java.util.function.Supplier<Map<UUID, String>> current, Instant before) {
        int removed = 0;
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            all.forEach(folders::add);
        } catch (NoSuchFileException nothingWritten) {
            return 0;
        } catch (IOException e) {
            log.warn("the sweep of {} could not list it: {}", dir, e.toString());
            return 0;
        }
        if (folders.isEmpty()) {
            return 0;
        }
        Map<UUID, String> rows = current.get();
        for (Path folder : folders) {
            UUID lookupCode;
            try {
                lookupCode = UUID.fromString(folder.getFileName().toString());
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            String keep = rows.get(lookupCode);
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
                all.forEach(files::add);
            } catch (IOException e) {
                log.warn("the sweep skipped {}: {}", folder, e.toString());
                continue;
            }
            int left = files.size();
            for (Path file : files) {
                try {
                    boolean named = keep != null && file.getFileName().toString().equals(name(keep));
                    if (!named && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                        removed++;
                        left--;
                    }
                } catch (NoSuchFileException gone) {
                    left--;
                } catch (IOException e) {
                    log.warn("the sweep skipped {}: {}", file, e.toString());
                }
            }
            if (left == 0 && keep == null) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException e) {
                    log.debug("working copy folder {} not removed: {}", folder, e.toString());
                }
            }
        }
        return removed;
    }

    private Path folder(UUID lookupCode) {
        return dir.resolve(lookupCode.toString());
    }

    private static String name(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return sha256 + SUFFIX;
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
            // Windows cannot open a directory as a channel; its rename is durable with the file's own force
        }
    }
}
