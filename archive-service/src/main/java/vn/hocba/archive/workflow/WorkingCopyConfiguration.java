package vn.hocba.archive.workflow;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.hocba.archive.HocbaProperties;

/**
 * Where working PDFs live: {@code hocba.working-copies} ({@code HOCBA_WORKING_COPIES}) is {@code files} (under
 * {@code <data-dir>/working}, see {@link WorkingCopyFiles}; the embedded H2 database only), {@code database} (the
 * {@code document.pdf} column), or {@code auto}, the default: files on H2, the database on any other (PostgreSQL, which
 * several instances share). Either way a working copy written the other way before a switch is still read.
 */
@Configuration
class WorkingCopyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingCopyConfiguration.class);

    /**
     * @throws IllegalStateException {@code files} on another database than H2 (instances would not see each other's
     *                               files, and one's start-up sweep would take another's), or an unknown value
     */
    @Bean
    WorkingCopyFiles workingCopyFiles(HocbaProperties properties, Environment environment) {
        boolean h2 = environment.getProperty("spring.datasource.url", "jdbc:h2:").startsWith("jdbc:h2:");
        String mode = environment.getProperty("hocba.working-copies", "auto").trim();
        boolean files = switch (mode) {
            case "files" -> {
                if (!h2) {
                    throw new IllegalStateException("hocba.working-copies=files needs the embedded H2 database; with "
                            + "PostgreSQL working copies stay in the database, which every instance shares (use auto)");
                }
                yield true;
            }
            case "database" -> false;
            case "auto" -> h2;
            default -> throw new IllegalStateException("hocba.working-copies is files, database or auto, not " + mode);
        };
        return new WorkingCopyFiles(properties.dataDir().resolve("working"), files);
    }

    /**
     * At start, once every bean exists and before the web server, the outbox or any schedule runs: files that no row
     * names and that were written before this process started (a transaction a crash cut short) are removed.
     */
    @Bean
    SmartInitializingSingleton workingCopySweep(ObjectProvider<WorkingCopyFiles> files,
                                                ObjectProvider<DocumentRepository> documents) {
        return () -> {
            Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
            int removed = files.getObject().sweep(documents.getObject()::workingCopies, started);
            if (removed > 0) {
                log.info("working copies: {} file(s) no document names removed", removed);
            }
        };
    }

    /**
     * Removes the files of replaced revisions, once H2 has forced the commits that replaced them to disk. Only files
     * are retired, and files are written on H2 only ({@link #workingCopyFiles}): the checkpoint is H2's.
     */
    @Component
    static class Purge {

        private final WorkingCopyFiles files;
        private final JdbcClient db;

        Purge(WorkingCopyFiles files, JdbcClient db) {
            this.files = files;
            this.db = db;
        }

        @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
        void purge() {
            try {
                files.purge(() -> db.sql("checkpoint sync").update());
            } catch (RuntimeException e) {
                log.warn("working copies: replaced revisions not removed yet: {}", e.toString());
            }
        }
    }
}
