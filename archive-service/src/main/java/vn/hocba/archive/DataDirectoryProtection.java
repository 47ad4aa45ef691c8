package vn.hocba.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the data directory private to the service's own user: it holds personal data (the embedded database, the
 * signing keys, the search index, the archived records). Before any bean is created, the directory and its first-level
 * folders are made {@code rwx------}; once the application has started (the database file exists), the files of the
 * database, the demo PKI and the search index are made {@code rw-------} (files written later by the index or the PKI
 * get the process's umask, inside the private directory; start the service under {@code umask 077} to make them
 * private too; archived files are {@code r--------} by the store itself). Where the file system is not POSIX (Windows), nothing is
 * changed and a warning says so. Registered in {@code META-INF/spring.factories}: it must run before the context
 * (and the database) is created.
 */
public class DataDirectoryProtection implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryProtection.class);
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** Folders whose files hold personal data or keys and must be private even if the parent is opened up. */
    private static final String[] PRIVATE_FILES = {"db", "pki", "index"};

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            // the context's environment, with every property source (also a test's dynamic ones), before refresh
            String dir = prepared.getApplicationContext().getEnvironment().getProperty("hocba.data-dir", "./data");
            prepare(Path.of(dir));
        } else if (event instanceof ApplicationStartedEvent started) {
            String dir = started.getApplicationContext().getEnvironment().getProperty("hocba.data-dir", "./data");
            tighten(Path.of(dir));
        }
    }

    /** Creates the data directory and its database folder private to the owner. */
    static void prepare(Path dataDir) {
        if (!posix()) {
            log.warn("{} is not on a POSIX file system: its permissions are left as they are", dataDir);
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, OWNER_DIR);
            Path db = dataDir.resolve("db");
            Files.createDirectories(db);
            Files.setPosixFilePermissions(db, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + dataDir, e);
        }
    }

    /** Makes every file of the database and PKI folders readable and writable by the owner only. */
    static void tighten(Path dataDir) {
        if (!posix()) {
            return;
        }
        for (String folder : PRIVATE_FILES) {
            Path path = dataDir.resolve(folder);
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? OWNER_DIR : OWNER_FILE);
                }
            } catch (IOException e) {
                log.warn("cannot restrict the permissions of {}", path, e);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
