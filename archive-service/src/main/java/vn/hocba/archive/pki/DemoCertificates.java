package vn.hocba.archive.pki;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolYearImported;

/**
 * On the embedded demo, issues every imported staff member's certificate right after the import, in the background,
 * so the demo PKI holds a certificate per staff member and the first signature does not wait for key generation.
 */
@Component
class DemoCertificates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

    private final boolean enabled;
    private final SigningKeys keys;
    private final SchoolDirectory directory;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "demo-pki");
        t.setDaemon(true);
        return t;
    });

    DemoCertificates(HocbaProperties properties, SigningKeys keys, SchoolDirectory directory) {
        this.enabled = properties.demo().enabled();
        this.keys = keys;
        this.directory = directory;
    }

    @TransactionalEventListener
    void on(SchoolYearImported e) {
        if (!enabled) {
            return;
        }
        var school = directory.school(e.school()).orElseThrow();
        var staff = directory.staff(e.school(), e.schoolYear());
        background.submit(() -> {
            try {
                staff.forEach(s -> keys.tokenFor(school.code(), school.name(), s.id(), s.fullName()));
                log.info("demo PKI: certificates ready for {} staff of {}", staff.size(), school.code());
            } catch (RuntimeException ex) {
                log.warn("demo PKI: issuing certificates for {} failed; they are issued on first signature", school.code(), ex);
            }
        });
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
