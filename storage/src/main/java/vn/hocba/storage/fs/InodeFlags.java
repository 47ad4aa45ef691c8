package vn.hocba.storage.fs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Linux inode flags read and written with {@code ioctl(FS_IOC_GETFLAGS / FS_IOC_SETFLAGS)} (ioctl_iflags(2)) through
 * JNA: what e2fsprogs' {@code chattr} does, without starting a process per file. A {@code chattr} process per archived
 * file (the record and its manifest) cost the principal's year-end countersign about a millisecond of CPU in the
 * service and more in the processes themselves, for each of 3,000 files.
 *
 * <p>Only where the request numbers are known: Linux on x86-64 and AArch64 (the generic {@code _IOR('f', 1, long)}
 * and {@code _IOW('f', 2, long)} encodings). Elsewhere, or when JNA cannot load its native part, {@link #load} is empty
 * and {@link ImmutableAttribute} runs {@code chattr}. Thread-safe.
 */
final class InodeFlags {

    /** {@code FS_IMMUTABLE_FL}: no write, rename, link or unlink, root included, until cleared. */
    static final int IMMUTABLE = 0x10;

    private static final NativeLong FS_IOC_GETFLAGS = new NativeLong(0x80086601L);
    private static final NativeLong FS_IOC_SETFLAGS = new NativeLong(0x40086602L);
    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 0x800; // the same on x86-64 and AArch64
    private static final int O_CLOEXEC = 0x80000; // the same on both
    private static final Set<String> ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64");

    /** Why a call failed, with the system's error number. */
    static final class FlagsException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        FlagsException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        /**
         * @return whether the cause stays for this store (no privilege, a filesystem without the flag), as opposed to
         *         one of this file (not a regular file, a symbolic link put in its place) or a passing one (out of
         *         file descriptors, an I/O error): one odd file must not turn the protection off for the others
         */
        boolean lasting() {
            return errno == EPERM || errno == EACCES || errno == ENOTTY || errno == EOPNOTSUPP;
        }
    }

    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final int ENOTTY = 25;
    private static final int EOPNOTSUPP = 95;

    /** The C library's calls, with {@code errno} thrown as {@link LastErrorException}. */
    interface CLibrary extends Library {
        int open(byte[] path, int flags) throws LastErrorException;

        int ioctl(int fd, NativeLong request, IntByReference flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final CLibrary c;
    /** How the JVM encodes file names for the system (sun.jnu.encoding), so that any path opens as Java sees it. */
    private final Charset names;
    /** {@code O_NOFOLLOW}, which differs: 0x20000 on x86-64, 0x8000 on AArch64. */
    private final int noFollow;

    private InodeFlags(CLibrary c, Charset names, int noFollow) {
        this.c = c;
        this.names = names;
        this.noFollow = noFollow;
    }

    /** @return the flags through the C library, or empty where this class does not know the system */
    static Optional<InodeFlags> load() {
        if (!"Linux".equals(System.getProperty("os.name"))
                || !ARCHITECTURES.contains(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        try {
            Charset names = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
            int noFollow = "aarch64".equals(System.getProperty("os.arch")) ? 0x8000 : 0x20000;
            return Optional.of(new InodeFlags(Native.load("c", CLibrary.class), names, noFollow));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the flags of {@code file} ({@code FS_*_FL} bits)
     * @throws IOException with the system's reason: not a regular file, or the call failed (for instance ENOTTY or
     *                     EOPNOTSUPP on a filesystem without inode flags)
     */
    int get(Path file) throws FlagsException {
        IntByReference flags = new IntByReference();
        call(file, fd -> c.ioctl(fd, FS_IOC_GETFLAGS, flags));
        return flags.getValue();
    }

    /**
     * Sets or clears {@code flag} on {@code file}, keeping its other flags.
     *
     * @throws IOException with the system's reason (EPERM without {@code CAP_LINUX_IMMUTABLE}; ENOTTY or EOPNOTSUPP
     *                     on a filesystem that does not keep the flag)
     */
    void set(Path file, int flag, boolean on) throws FlagsException {
        call(file, fd -> {
            IntByReference flags = new IntByReference();
            c.ioctl(fd, FS_IOC_GETFLAGS, flags);
            int now = flags.getValue();
            int wanted = on ? now | flag : now & ~flag;
            if (wanted != now) {
                c.ioctl(fd, FS_IOC_SETFLAGS, new IntByReference(wanted));
            }
        });
    }

    private interface OnDescriptor {
        void run(int fd);
    }

    private void call(Path file, OnDescriptor action) throws FlagsException {
        // the store's files are regular files it wrote itself: a symbolic link (checked here, and refused by open(2)
        // with O_NOFOLLOW should one replace the file meanwhile) is never followed to set a flag elsewhere
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FlagsException(file + ": not a regular file", 0);
        }
        byte[] name = file.toString().getBytes(names);
        byte[] path = Arrays.copyOf(name, name.length + 1); // NUL-terminated
        int fd;
        try {
            fd = c.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | noFollow);
        } catch (LastErrorException e) {
            throw failure(file, "open", e);
        }
        try {
            action.run(fd);
        } catch (LastErrorException e) {
            throw failure(file, "ioctl", e);
        } finally {
            try {
                c.close(fd);
            } catch (LastErrorException ignored) {
                // the descriptor is released whatever close reports (close(2))
            }
        }
    }

    private static FlagsException failure(Path file, String call, LastErrorException e) {
        String reason = switch (e.getErrorCode()) {
            case EPERM -> "operation not permitted (EPERM: needs CAP_LINUX_IMMUTABLE)";
            case EACCES -> "permission denied (EACCES)";
            case ENOTTY, EOPNOTSUPP -> "the filesystem keeps no inode flags (ENOTTY/EOPNOTSUPP)";
            default -> "errno " + e.getErrorCode();
        };
        return new FlagsException(call + " " + file + ": " + reason, e.getErrorCode());
    }
}
