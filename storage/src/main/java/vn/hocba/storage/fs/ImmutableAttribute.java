package vn.hocba.storage.fs;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Linux immutable attribute ({@code FS_IMMUTABLE_FL}, {@code chattr +i}) set and cleared with one ioctl through
 * JNA ({@link InodeFlags}) where it knows the system, else through e2fsprogs' {@code chattr} (Java has no API for inode
 * flags). An immutable file cannot be
 * written, renamed, linked or unlinked by any process, root included, until a process with
 * {@code CAP_LINUX_IMMUTABLE} clears the flag; setting or clearing it needs that capability too (in practice root)
 * and a filesystem that keeps the flag (ext2/3/4, XFS, Btrfs, tmpfs on recent kernels; not NFS, not most FUSE).
 *
 * <p>Best effort by design: when the flag cannot be set (no {@code chattr}, not privileged, unsupported
 * filesystem) {@link #protect} logs one warning per store naming what is missing and returns false; it never throws,
 * so a write never fails for want of this extra protection. Thread-safe.
 */
final class ImmutableAttribute {

    private static final Logger LOG = System.getLogger(FilesystemObjectStore.class.getName());
    private static final List<Path> CHATTR = List.of(Path.of("/usr/bin/chattr"), Path.of("/bin/chattr"));
    private static final List<Path> LSATTR = List.of(Path.of("/usr/bin/lsattr"), Path.of("/bin/lsattr"));
    private static final long TIMEOUT_SECONDS = 30;

    private final boolean enabled;
    private final Path chattrLookedFor;
    private final Optional<Path> chattr;
    private final Optional<Path> lsattr;
    /** Once setting the flag has failed, later puts do not retry (nor warn again): the cause is the environment. */
    private final AtomicBoolean unavailable = new AtomicBoolean();
    /** The ioctl, where available; {@code chattr} and {@code lsattr} otherwise. */
    private final Optional<InodeFlags> flags;

    private ImmutableAttribute(boolean enabled, Path chattrLookedFor, Optional<Path> lsattr, Optional<InodeFlags> flags) {
        this.enabled = enabled;
        this.chattrLookedFor = chattrLookedFor;
        this.chattr = Optional.of(chattrLookedFor).filter(Files::isExecutable);
        this.lsattr = lsattr;
        this.flags = flags;
    }

    /**
     * @param enabled whether {@link #protect} sets the flag; {@link #release} works either way, for files protected
     *                under an earlier setting
     * @return the attribute handled through the system's {@code chattr} and {@code lsattr}, where present
     */
    static ImmutableAttribute system(boolean enabled) {
        return new ImmutableAttribute(enabled, firstExecutable(CHATTR).orElse(CHATTR.get(0)), firstExecutable(LSATTR),
                InodeFlags.load());
    }

    /** For tests: the attribute handled through the given {@code chattr}, which may be absent (no ioctl). */
    static ImmutableAttribute using(Path chattr) {
        return new ImmutableAttribute(true, chattr, firstExecutable(LSATTR), Optional.empty());
    }

    /** @return whether this store sets the flag on archived files (the setting, not whether it works here) */
    boolean enabled() {
        return enabled;
    }

    /**
     * Sets the immutable flag on {@code file}, or logs once why it cannot and carries on.
     *
     * @return true if the flag is now set
     */
    boolean protect(Path file) {
        if (!enabled || unavailable.get()) {
            return false;
        }
        if (flags.isPresent()) {
            try {
                flags.get().set(file, InodeFlags.IMMUTABLE, true);
                return true;
            } catch (InodeFlags.FlagsException e) {
                if (e.lasting()) {
                    warnOnce(e.getMessage() + (isRoot() || !e.getMessage().contains("EPERM") ? "" : " (run as root)"));
                } else {
                    // a passing cause (no file descriptor left, an I/O error): this file only, the next ones try again
                    LOG.log(Level.WARNING, "Archived file {0} got no immutable attribute: {1}", file, e.getMessage());
                }
                return false;
            }
        }
        if (chattr.isEmpty()) {
            warnOnce("no chattr at " + chattrLookedFor + " (not Linux, or e2fsprogs missing)");
            return false;
        }
        Result result = run(chattr.get(), "+i", file);
        if (!result.ok()) {
            warnOnce(result.output().isBlank() ? "chattr +i failed" : result.output()
                    + (isRoot() ? "" : " (needs CAP_LINUX_IMMUTABLE: run as root)"));
            return false;
        }
        return true;
    }

    /**
     * Clears the immutable flag of {@code file} so that it can be deleted or moved.
     *
     * @throws IOException if the flag stays set (clearing needs {@code CAP_LINUX_IMMUTABLE}); nothing is thrown when
     *                     the flag could not be read, as a file on a filesystem without it was never protected
     */
    void release(Path file) throws IOException {
        if (flags.isPresent()) {
            try {
                flags.get().set(file, InodeFlags.IMMUTABLE, false);
                return;
            } catch (IOException e) {
                if (isSet(file)) {
                    throw new IOException("cannot clear the immutable attribute of " + file + ": " + e.getMessage(), e);
                }
                return;
            }
        }
        if (chattr.isEmpty()) {
            return;
        }
        Result result = run(chattr.get(), "-i", file);
        if (!result.ok() && isSet(file)) {
            throw new IOException("cannot clear the immutable attribute of " + file + ": " + result.output());
        }
    }

    /** @return true if {@code lsattr} shows the {@code i} flag on {@code file}; false when unknown */
    boolean isSet(Path file) {
        if (flags.isPresent()) {
            try {
                return (flags.get().get(file) & InodeFlags.IMMUTABLE) != 0;
            } catch (IOException e) {
                return false;
            }
        }
        if (lsattr.isEmpty()) {
            return false;
        }
        Result result = run(lsattr.get(), "-d", file);
        if (!result.ok()) {
            return false;
        }
        // "----i---------e------- /path/to/file": the flags are the first field
        String flags = result.output().strip().split("\\s+", 2)[0];
        return flags.indexOf('i') >= 0;
    }

    private void warnOnce(String reason) {
        if (unavailable.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "Archived files get no immutable attribute here: {0}. They stay read-only and the "
                    + "store still refuses every delete before retention ends, but root could change them by "
                    + "accident.", reason);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private record Result(boolean ok, String output) {
    }

    private static Result run(Path tool, String flag, Path file) {
        try {
            // "--" so that no file name is ever read as an option
            Process p = new ProcessBuilder(tool.toString(), flag, "--", file.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, tool.getFileName() + " timed out");
            }
            return new Result(p.exitValue() == 0, output);
        } catch (IOException e) {
            return new Result(false, tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, tool.getFileName() + " interrupted");
        }
    }

    private static Optional<Path> firstExecutable(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    @Override
    public String toString() {
        return "ImmutableAttribute[" + (enabled ? "on" : "off") + ", " + (flags.isPresent() ? "ioctl"
                : chattr.map(Path::toString).orElse("no chattr")) + "]";
    }
}
