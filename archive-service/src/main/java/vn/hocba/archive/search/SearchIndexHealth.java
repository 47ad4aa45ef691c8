package vn.hocba.archive.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in {@code /actuator/health} and its readiness group: OUT_OF_SERVICE until the start-up
 * reconciliation has made the index agree with the database, then UP while the index answers.
 */
@Component("searchIndexHealthIndicator") // the contributor is named "searchIndex"
class SearchIndexHealth implements HealthIndicator {

    private final SearchAvailability availability;
    private final SearchIndex index;

    SearchIndexHealth(SearchAvailability availability, SearchIndex index) {
        this.availability = availability;
        this.index = index;
    }

    @Override
    public Health health() {
        if (!availability.isReady()) {
            return Health.outOfService().withDetail("reason", "the index is being reconciled with the database").build();
        }
        try {
            index.contains("00000000-0000-0000-0000-000000000000");
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
