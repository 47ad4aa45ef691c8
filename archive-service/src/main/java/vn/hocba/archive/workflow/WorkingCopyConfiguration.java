package vn.hocba.archive.workflow;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

import vn.hocba.archive.HocbaProperties;

/**
 * Where working PDFs live: {@code hocba.working-copies} ({@code HOCBA_WORKING_COPIES}) is {@code files} (under
 * {@code <data-dir>/working}, see {@link WorkingCopyFiles}), {@code database} (the {@code document.pdf} column), or
 * {@code auto}, the default: files on the embedded H2 database, the database on any other (PostgreSQL, where several
 * instances share it).
 */
@Configuration
class WorkingCopyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingCopyConfiguration.class);

    @Bean
    @Conditional(InFiles.class)
    WorkingCopyFiles workingCopyFiles(HocbaProperties properties) {
        return new WorkingCopyFiles(properties.dataDir().resolve("working"));
    }

    /**
     * At start (ordered before the archiving reconciler): files that no row names and that were written before this
     * process started (a transaction that a crash cut short) are removed.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    void sweep(ApplicationReadyEvent ready) {
        ObjectProvider<WorkingCopyFiles> files = ready.getApplicationContext().getBeanProvider(WorkingCopyFiles.class);
        WorkingCopyFiles working = files.getIfAvailable();
        if (working == null) {
            return;
        }
        DocumentRepository documents = ready.getApplicationContext().getBean(DocumentRepository.class);
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        int removed = working.sweep(documents.workingCopies(), started);
        if (removed > 0) {
            log.info("working copies: {} file(s) of transactions that did not commit removed", removed);
        }
    }

    /** {@code files}, or {@code auto} on an H2 database. */
    static final class InFiles implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String mode = context.getEnvironment().getProperty("hocba.working-copies", "auto").trim();
            return switch (mode) {
                case "files" -> true;
                case "database" -> false;
                case "auto" -> context.getEnvironment().getProperty("spring.datasource.url", "jdbc:h2:").startsWith("jdbc:h2:");
                default -> throw new IllegalStateException("hocba.working-copies is files, database or auto, not " + mode);
            };
        }
    }
}
