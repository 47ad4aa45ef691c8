package vn.hocba.archive.search;

import org.springframework.stereotype.Service;

import vn.hocba.archive.common.Caller;


/**
 * Search as the API and the pages offer it: only what the caller may read ({@link CallerScope}), and only once the
 * index agrees with the database ({@link SearchAvailability}), so that an answer is never silently partial.
 */
@Service
public class RecordSearch {

    private final SearchIndex index;
    private final CallerScope scope;
    private final SearchAvailability availability;

    RecordSearch(SearchIndex index, CallerScope scope, SearchAvailability availability) {
        this.index = index;
        this.scope = scope;
        this.availability = availability;
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
        return index.search(new SearchIndex.SearchRequest(query, scope.of(caller), filters, page, size));
    }
}
