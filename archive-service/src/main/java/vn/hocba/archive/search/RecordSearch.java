package vn.hocba.archive.search;

import org.springframework.stereotype.Service;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.InspectorAccessed;


/**
 * Search as the API and the pages offer it: only what the caller may read ({@link CallerScope}), and only once the
 * index agrees with the database ({@link SearchAvailability}), so that an answer is never silently partial. Every
 * search by an inspector is written to the audit log (who, query, filters, result count).
 */
@Service
public class RecordSearch {

    private final SearchIndex index;
    private final CallerScope scope;
    private final SearchAvailability availability;

    private final org.springframework.context.ApplicationEventPublisher events;

    RecordSearch(SearchIndex index, CallerScope scope, SearchAvailability availability,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.index = index;
        this.scope = scope;
        this.availability = availability;
        this.events = events;
    }

    /** Refuses with 503 ({@link IndexRebuildingException}) until the start-up reconciliation has finished. */
    public SearchIndex.SearchPage search(String query, Caller caller, int page, int size) {
        return search(query, SearchIndex.Filters.NONE, caller, page, size);
    }

    /**
     * The caller's search with filters (exact facet values).
     *
     * @throws IndexRebuildingException (503) until the start-up reconciliation has finished
     */
    public SearchIndex.SearchPage search(String query, SearchIndex.Filters filters, Caller caller, int page, int size) {
        if (!availability.isReady()) {
            throw new IndexRebuildingException();
        }
        var result = index.search(new SearchIndex.SearchRequest(query, scope.of(caller), filters, page, size));
        if (caller != null && caller.isInspector()) { // tests scope by a fixed rule, without a caller
            events.publishEvent(new InspectorAccessed(caller.username(), InspectorAccessed.Kind.SEARCH, "search",
                    "q=\"" + query + "\" filters=" + filters.byFacet() + " page=" + page + " size=" + size
                            + " total=" + result.total()));
        }
        return result;
    }
}
