package vn.hocba.archive.search;

import org.springframework.stereotype.Component;

/**
 * Whether the index may answer: not until the start-up reconciliation with the database has finished, since until then
 * it may lack archived records or still hold records that are no longer archived. Health and readiness checks may read
 * it too.
 */
@Component
public class SearchAvailability {

    private volatile boolean ready;

    /** True once the index agrees with the database (the start-up reconciliation has finished). */
    public boolean isReady() {
        return ready;
    }

    void markReady() {
        ready = true;
    }
}
