package vn.hocba.archive.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolYearImport;

/** On the embedded default's first start, loads the demo school so the service is usable at once. */
@Component
@Order(0)
class DemoSchoolLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSchoolLoader.class);

    private final HocbaProperties properties;
    private final SchoolDirectory directory;
    private final SchoolYearImport imports;
    private final ResourceLoader resources;
    private final ClassTermLocks locks;
    private final TransactionTemplate tx;

    DemoSchoolLoader(HocbaProperties properties, SchoolDirectory directory, SchoolYearImport imports,
                     ResourceLoader resources, ClassTermLocks locks, TransactionTemplate tx) {
        this.locks = locks;
        this.tx = tx;
        this.properties = properties;
        this.directory = directory;
        this.imports = imports;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled() || properties.demo().dataset().isBlank() || !directory.schoolYears().isEmpty()) {
            return;
        }
        try (InputStream in = resources.getResource(properties.demo().dataset()).getInputStream()) {
            byte[] dataset = in.readAllBytes();
            // the demo year arrives locked (its marks are final), so its records can be rendered and signed at once;
            // one transaction, so that a crash never leaves it imported but open
            var summary = tx.execute(status -> {
                var imported = imports.importDataset(dataset, "system");
                locks.lockAll(imported.school(), imported.schoolYear(), "system");
                return imported;
            });
            log.info("loaded the demo school {} {}: {}", summary.school(), summary.schoolYear(), summary.counts());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo dataset " + properties.demo().dataset(), e);
        }
    }
}
