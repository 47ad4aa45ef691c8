package vn.hocba.archive.archive;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.hocba.storage.ObjectStore;

/** {@code archiveStore} in {@code /actuator/health}: UP when the archive's store answers a listing. */
@Component("archiveStoreHealthIndicator") // the contributor is named "archiveStore"
class ArchiveStoreHealth implements HealthIndicator {

    private final ObjectStore store;

    ArchiveStoreHealth(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try (var keys = store.list(ArchiveIntegrity.DOCUMENTS_PREFIX)) {
            keys.findFirst();
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
