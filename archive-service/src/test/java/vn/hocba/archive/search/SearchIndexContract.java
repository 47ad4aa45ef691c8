package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.archive.search.SearchIndex.IndexedDocument;
import vn.hocba.archive.search.SearchIndex.SearchScope;
import vn.hocba.archive.search.SearchIndex.SearchScope.Part;

/**
 * What every {@link SearchIndex} adapter must do, run against each: the embedded Lucene index
 * ({@link LuceneSearchIndexTest}) and a real Elasticsearch 8 server ({@code ElasticsearchSearchIndexIT}). Folding both
 * ways, apostrophes and hyphens, NFD, scopes inside the query (totals and facets count nothing outside), filters,
 * facets, highlights, removal and durability.
 */
abstract class SearchIndexContract {

    static final String SCHOOL = "THCS-MK2";
    static final String OTHER_SCHOOL = "THCS-KHAC";
    static final String Y24 = "2024-2025";
    static final String Y23 = "2023-2024";

    SearchIndex index;

    /** A new, empty index of the adapter under test. */
    abstract SearchIndex open() throws Exception;

    /** Closes {@code index} and opens the same index again, as a restarted process would. */
    abstract SearchIndex reopen(SearchIndex index) throws Exception;

    /** Closes the index and frees what it holds. */
    abstract void close(SearchIndex index) throws Exception;

    @BeforeEach
    void openIndex() throws Exception {
        index = open();
    }

    @AfterEach
    void closeIndex() throws Exception {
        close(index);
    }

    static IndexedDocument record(String code, String school, String year, String classCode, String student,
                                  String fullName, String text) {
        return new IndexedDocument(code, school, year, classCode, student, fullName, "STUDENT_RECORD", "ARCHIVED", text);
    }

    void indexTheSchool() {
        index.index(record("a", SCHOOL, Y24, "6A", "HS2400001", "Nguyễn Khánh Hạnh",
                "Ngày sinh 28/09/2013 Họ tên cha Huỳnh Tuấn Trung Toán 5.6 7.1"));
        index.index(record("b", SCHOOL, Y24, "7B", "HS2400002", "Nguyễn Khánh Hạnh", "Họ tên cha Lê Văn Bình Toán 8.2"));
        index.index(record("c", SCHOOL, Y23, "6A", "HS2300001", "Nguyễn Khánh Hạnh", "Toán 9.0"));
        index.index(record("d", OTHER_SCHOOL, Y24, "6A", "HS2400001", "Nguyễn Khánh Hạnh", "Toán 5.6"));
    }

    List<String> codes(SearchIndex.SearchPage page) {
        return page.hits().stream().map(SearchIndex.Hit::lookupCode).toList();
    }

    @Test
    void totalsAreExactPastAThousandHitsAndABatchIsDurableAtItsEnd() throws Exception {
        index.inBatch(() -> {
            for (int i = 0; i < 1_234; i++) {
                index.index(record("r" + i, SCHOOL, Y24, "6A", "HS" + i, "Nguyễn Văn An", "Toán 7.0"));
            }
        });
        assertThat(index.search("", SearchScope.everything(), 0, 20).total()).isEqualTo(1_234);
        assertThat(index.search("nguyen van an", SearchScope.everything(), 0, 20).total()).isEqualTo(1_234);
        index = reopen(index); // what the batch wrote was durable at its end
        assertThat(index.search("", SearchScope.everything(), 0, 20).total()).isEqualTo(1_234);
    }

    @Test
    void aTeacherOfOneClassFindsOnlyThatClassOfThatYearAndTotalsCountNothingElse() {
        indexTheSchool();
        var teacherOf6A = new SearchScope(false, List.of(Part.classes(SCHOOL, Y24, Set.of("6A"))));
        var page = index.search("nguyen khanh hanh", teacherOf6A, 0, 20);
        assertThat(codes(page)).containsExactly("a");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void nothingOfARecordOutsideTheScopeIsMatchableNotEvenItsMarksOrParentsOrBirthDate() {
        indexTheSchool();
        var teacherOf7B = new SearchScope(false, List.of(Part.classes(SCHOOL, Y24, Set.of("7B"))));
        assertThat(index.search("HS2400001 5.6", SearchScope.everything(), 0, 20).total())
                .as("the mark is in the text").isEqualTo(2);
        assertThat(index.search("HS2400001 5.6", teacherOf7B, 0, 20).total()).isZero();
        assertThat(index.search("HS2400001 9.9", teacherOf7B, 0, 20).total()).isZero();
        assertThat(index.search("huynh tuan trung", teacherOf7B, 0, 20).total()).isZero();
        assertThat(index.search("28/09/2013", teacherOf7B, 0, 20).total()).isZero();
        assertThat(index.search("", teacherOf7B, 0, 20).total()).isEqualTo(1);
        assertThat(codes(index.search("nguyen", teacherOf7B, 0, 20))).containsExactly("b");
    }

    @Test
    void aWholeYearScopeCoversEveryClassOfThatYearOfThatSchoolOnly() {
        indexTheSchool();
        var principalIn2024 = new SearchScope(false, List.of(Part.year(SCHOOL, Y24)));
        var page = index.search("nguyen khanh hanh", principalIn2024, 0, 20);
        assertThat(codes(page)).containsExactlyInAnyOrder("a", "b");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void scopesCombineAndASchoolPartCoversEveryYear() {
        indexTheSchool();
        var mixed = new SearchScope(false, List.of(Part.year(SCHOOL, Y23), Part.classes(SCHOOL, Y24, Set.of("7B"))));
        assertThat(codes(index.search("nguyen", mixed, 0, 20))).containsExactlyInAnyOrder("b", "c");
        assertThat(codes(index.search("nguyen", SearchScope.schools(List.of(SCHOOL)), 0, 20)))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(index.search("nguyen", SearchScope.everything(), 0, 20).total()).isEqualTo(4);
    }

    @Test
    void anEmptyScopeFindsNothing() {
        indexTheSchool();
        assertThat(index.search("nguyen", SearchScope.nothing(), 0, 20).total()).isZero();
        assertThat(index.search("", SearchScope.nothing(), 0, 20).total()).isZero();
        assertThat(index.search("nguyen", SearchScope.schools(List.of()), 0, 20).total()).isZero();
        var noClasses = new SearchScope(false, List.of(Part.classes(SCHOOL, Y24, Set.of())));
        assertThat(index.search("nguyen", noClasses, 0, 20).total()).isZero();
    }

    @Test
    void theSchoolYearAndClassMatchExactlyNotAsWords() {
        index.index(record("x", SCHOOL, Y24, "6A1", "HS1", "Lê Văn Tám", ""));
        var teacherOf6A = new SearchScope(false, List.of(Part.classes(SCHOOL, Y24, Set.of("6A"))));
        assertThat(index.search("tam", teacherOf6A, 0, 20).total()).isZero();
        var otherSchoolSameYear = new SearchScope(false, List.of(Part.year("THCS", Y24)));
        assertThat(index.search("tam", otherSchoolSameYear, 0, 20).total()).isZero();
    }

    @Test
    void aNameWithAnApostropheIsFoundHoweverTheApostropheIsTypedOrLeftOut() {
        index.index(record("hhen", SCHOOL, Y24, "6A", "HS1", "H\u2019Hen Niê", ""));
        index.index(record("hbia", SCHOOL, Y24, "6A", "HS2", "Ksor H'Bia", ""));
        index.index(record("other", SCHOOL, Y24, "6A", "HS3", "Nguyễn Văn Hen", ""));
        var all = SearchScope.everything();
        for (String q : List.of("h'hen nie", "hhen nie", "hen nie", "H’Hen Niê", "hʼhen nie", "h‘hen nie", "h`hen nie",
                "h´hen nie", "H Hen Nie")) {
            assertThat(codes(index.search(q, all, 0, 20))).as(q).containsExactly("hhen");
        }
        for (String q : List.of("Ksor H’Bia", "ksor h'bia", "ksor hbia", "ksor bia", "hbia", "h’bia")) {
            assertThat(codes(index.search(q, all, 0, 20))).as(q).containsExactly("hbia");
        }
        assertThat(codes(index.search("hen", all, 0, 20))).containsExactlyInAnyOrder("hhen", "other");
    }

    @Test
    void aHyphenInsideANameDoesNotMatter() {
        index.index(record("ymoan", SCHOOL, Y24, "6A", "HS1", "Y-Moan Êban", ""));
        var all = SearchScope.everything();
        for (String q : List.of("y-moan eban", "y moan eban", "ymoan eban", "moan", "Y‐Moan", "y'moan")) {
            assertThat(codes(index.search(q, all, 0, 20))).as(q).containsExactly("ymoan");
        }
    }

    @Test
    void theExactSpellingRanksFirst() {
        index.index(record("plain", SCHOOL, Y24, "6A", "HS1", "Ksor HBia", ""));
        index.index(record("apostrophe", SCHOOL, Y24, "6A", "HS2", "Ksor H'Bia", ""));
        index.index(record("an", SCHOOL, Y24, "6A", "HS3", "Lê Văn An", ""));
        index.index(record("ân", SCHOOL, Y24, "6A", "HS4", "Lê Văn Ân", ""));
        var all = SearchScope.everything();
        assertThat(codes(index.search("Ksor H'Bia", all, 0, 20))).containsExactly("apostrophe", "plain");
        assertThat(codes(index.search("Ksor HBia", all, 0, 20))).containsExactly("plain", "apostrophe");
        assertThat(codes(index.search("Lê Văn Ân", all, 0, 20))).containsExactly("ân", "an");
        assertThat(codes(index.search("Lê Văn An", all, 0, 20))).containsExactly("an", "ân");
    }

    @Test
    void decomposedTextFindsComposedTextAndTheOtherWayRound() {
        String nfd = Normalizer.normalize("Lê Văn Ân", Normalizer.Form.NFD);
        index.index(record("nfc", SCHOOL, Y24, "6A", "HS1", "Lê Văn Ân", "Họ tên cha Trần Đức Thắng"));
        index.index(record("nfd", SCHOOL, Y24, "6A", "HS2", Normalizer.normalize("Hà Thị Ân", Normalizer.Form.NFD),
                Normalizer.normalize("Họ tên mẹ Đỗ Thị Lụa", Normalizer.Form.NFD)));
        var all = SearchScope.everything();
        assertThat(codes(index.search(nfd, all, 0, 20))).first().isEqualTo("nfc");
        assertThat(codes(index.search(Normalizer.normalize("Trần Đức Thắng", Normalizer.Form.NFD), all, 0, 20)))
                .containsExactly("nfc");
        assertThat(codes(index.search("Hà Thị Ân", all, 0, 20))).first().isEqualTo("nfd");
        assertThat(codes(index.search("Đỗ Thị Lụa", all, 0, 20))).containsExactly("nfd");
        assertThat(index.search("Hà Thị Ân", all, 0, 20).hits().get(0).fullName())
                .as("stored in NFC").isEqualTo("Hà Thị Ân");
    }

    @Test
    void removesAndListsEntriesWithTheirStoredFields() {
        indexTheSchool();
        index.remove("b");
        index.remove("no-such-code");
        assertThat(index.contains("b")).isFalse();
        List<SearchIndex.IndexedEntry> entries = new ArrayList<>();
        index.forEachEntry(entries::add);
        assertThat(entries).extracting(e -> e.fields().lookupCode()).containsExactlyInAnyOrder("a", "c", "d");
        assertThat(entries).allMatch(SearchIndex.IndexedEntry::current);
        var a = entries.stream().filter(e -> e.fields().lookupCode().equals("a")).findFirst().orElseThrow().fields();
        assertThat(a).isEqualTo(new SearchIndex.Hit("a", SCHOOL, Y24, "6A", "HS2400001", "Nguyễn Khánh Hạnh",
                "STUDENT_RECORD", "ARCHIVED"));
        assertThat(index.search("HS2400002", SearchScope.everything(), 0, 20).total()).isZero();
    }

    @Test
    void theIndexOutlivesItsProcess() throws Exception {
        indexTheSchool();
        index = reopen(index);
        assertThat(index.search("nguyen", SearchScope.everything(), 0, 20).total()).isEqualTo(4);
    }

    static IndexedDocument document(String code, String school, String year, String classCode, String type,
                                    String status, String fullName, String text) {
        return new IndexedDocument(code, school, year, classCode, "HS-" + code, fullName, type, status, text);
    }

    List<String> facet(SearchIndex.SearchPage page, String name) {
        return page.facet(name).stream().map(f -> f.value() + "=" + f.count()).toList();
    }

    @Test
    void facetsCountEveryMatchOfTheScopeAndFiltersNarrowToAValue() {
        index.index(document("r1", SCHOOL, Y24, "6A", "STUDENT_RECORD", "ARCHIVED", "Nguyễn Văn An", "Toán 7.0"));
        index.index(document("r2", SCHOOL, Y24, "6A", "STUDENT_RECORD", "SUPERSEDED", "Trần Thị An", "Toán 8.0"));
        index.index(document("r3", SCHOOL, Y24, "7B", "CLASS_GRADEBOOK", "ARCHIVED", "", "Sổ theo dõi lớp 7B An"));
        index.index(document("r4", SCHOOL, Y23, "6A", "STUDENT_RECORD", "ARCHIVED", "Lê An", "Toán 9.0"));
        index.index(document("r5", OTHER_SCHOOL, Y24, "6A", "STUDENT_RECORD", "ARCHIVED", "Phạm An", "Toán 6.0"));
        index.index(document("r6", SCHOOL, Y24, "6A", "STUDENT_RECORD", "ARCHIVED", "Võ Bình", "Toán 5.0"));

        var page = index.search("an", SearchScope.everything(), 0, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.hits()).hasSize(2);
        assertThat(facet(page, "school")).containsExactly(SCHOOL + "=4", OTHER_SCHOOL + "=1");
        assertThat(facet(page, "schoolYear")).containsExactly(Y24 + "=4", Y23 + "=1");
        assertThat(facet(page, "class")).containsExactly("6A=4", "7B=1");
        assertThat(facet(page, "documentType")).containsExactly("STUDENT_RECORD=4", "CLASS_GRADEBOOK=1");
        assertThat(facet(page, "status")).containsExactly("ARCHIVED=4", "SUPERSEDED=1");

        var filtered = index.search(new SearchIndex.SearchRequest("an", SearchScope.everything(),
                new SearchIndex.Filters(SCHOOL, Y24, "6A", null, null), 0, 20));
        assertThat(codes(filtered)).containsExactlyInAnyOrder("r1", "r2");
        assertThat(facet(filtered, "status")).containsExactly("ARCHIVED=1", "SUPERSEDED=1");
        assertThat(facet(filtered, "school")).containsExactly(SCHOOL + "=2");
        var byType = index.search(new SearchIndex.SearchRequest("", SearchScope.everything(),
                new SearchIndex.Filters(null, null, null, "CLASS_GRADEBOOK", "ARCHIVED"), 0, 20));
        assertThat(codes(byType)).containsExactly("r3");
        var none = index.search(new SearchIndex.SearchRequest("an", SearchScope.everything(),
                new SearchIndex.Filters(null, null, "6", null, null), 0, 20));
        assertThat(none.total()).as("a filter matches the whole value, not a prefix").isZero();
        assertThat(none.facet("class")).isEmpty();
    }

    @Test
    void aCallerOutsideTheJurisdictionGetsNoHitAndNoCountInAnyFacet() {
        index.index(document("mine", SCHOOL, Y24, "6A", "STUDENT_RECORD", "ARCHIVED", "Nguyễn Văn An", "Toán 7.0"));
        index.index(document("theirs", OTHER_SCHOOL, Y23, "9C", "CLASS_SUMMARY", "SUPERSEDED", "Nguyễn Văn An",
                "Toán 7.0"));
        var inspectorOfTheOtherDistrict = SearchScope.schools(List.of(OTHER_SCHOOL));
        var page = index.search("nguyen van an", inspectorOfTheOtherDistrict, 0, 20);
        assertThat(codes(page)).containsExactly("theirs");
        for (String f : SearchIndex.FACETS) {
            assertThat(page.facet(f)).as(f).hasSize(1).allMatch(c -> c.count() == 1);
        }
        assertThat(facet(page, "school")).containsExactly(OTHER_SCHOOL + "=1");
        var filteredToTheOther = index.search(new SearchIndex.SearchRequest("nguyen", inspectorOfTheOtherDistrict,
                new SearchIndex.Filters(SCHOOL, null, null, null, null), 0, 20));
        assertThat(filteredToTheOther.total()).as("a filter never widens the scope").isZero();
        for (String f : SearchIndex.FACETS) {
            assertThat(filteredToTheOther.facet(f)).as(f).isEmpty();
        }
        var nobody = index.search("", SearchScope.nothing(), 0, 20);
        assertThat(nobody.total()).isZero();
        SearchIndex.FACETS.forEach(f -> assertThat(nobody.facet(f)).as(f).isEmpty());
    }

    @Test
    void highlightsShowTheWordsAsWrittenWhateverTheQuerysDiacriticsAndEscapeTheRest() {
        index.index(record("a", SCHOOL, Y24, "6A", "HS1", "H\u2019Hen Niê",
                "Họ và tên: H\u2019Hen Niê <b>lớp</b> 6A. Môn Toán: 7.5. Nhận xét: chăm ngoan, tiến bộ."));
        var all = SearchScope.everything();
        assertThat(index.search("hen nie", all, 0, 20).highlightsOf("a"))
                .containsExactly("Họ và tên: <em>H’Hen</em> <em>Niê</em> &lt;b&gt;lớp&lt;/b&gt; 6A. Môn Toán: 7.5. Nhận xét: chăm ngoan,…");
        assertThat(index.search("TIEN BO", all, 0, 20).highlightsOf("a").get(0)).endsWith("<em>tiến</em> <em>bộ</em>.");
        assertThat(index.search("tiến bộ", all, 0, 20).highlightsOf("a").get(0)).contains("<em>tiến</em> <em>bộ</em>");
        String nfd = Normalizer.normalize("Nhận xét", Normalizer.Form.NFD);
        assertThat(index.search(nfd, all, 0, 20).highlightsOf("a").get(0)).contains("<em>Nhận</em> <em>xét</em>");
        assertThat(index.search("7.5", all, 0, 20).highlightsOf("a").get(0)).contains("<em>7.5</em>");
        assertThat(index.search("", all, 0, 20).highlightsOf("a")).as("no words, nothing to highlight").isEmpty();
    }

    @Test
    void indexingAgainReplacesTheEntry() {
        index.index(record("a", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", "Toán 7.0"));
        index.index(new IndexedDocument("a", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", "STUDENT_RECORD",
                "SUPERSEDED", "Toán 8.0"));
        var page = index.search("nguyen", SearchScope.everything(), 0, 20);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits().get(0).status()).isEqualTo("SUPERSEDED");
        assertThat(index.search("7.0", SearchScope.everything(), 0, 20).total()).isZero();
    }

    @Test
    void theCurrentVersionRanksAheadOfTheOneItReplaced() {
        String text = "Họ và tên: Nguyễn Văn An Toán 7.0 Ngữ văn 8.0";
        index.index(new IndexedDocument("v1", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", "STUDENT_RECORD", "SUPERSEDED", text));
        index.index(new IndexedDocument("v2", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn An", "STUDENT_RECORD", "ARCHIVED",
                text.replace("7.0", "7.5")));
        for (String q : List.of("HS1", "nguyen van an", "toan", "")) {
            assertThat(codes(index.search(q, SearchScope.everything(), 0, 20))).as(q).containsExactly("v2", "v1");
        }
    }

    @Test
    void theStudentsOwnRecordRanksAheadOfOneThatMentionsTheNameHoweverTheApostropheIsTyped() {
        index.index(record("mention", SCHOOL, Y24, "6A", "HS1", "Nguyễn Văn Bình",
                "Giáo viên chủ nhiệm: H\u2019Hen Niê. Môn Toán 7.0"));
        index.index(record("own", SCHOOL, Y24, "6B", "HS2", "H\u2019Hen Niê", "Môn Toán 8.0"));
        for (String q : List.of("hen nie", "h'hen nie", "hhen nie", "H’Hen Niê")) {
            assertThat(codes(index.search(q, SearchScope.everything(), 0, 20))).as(q).containsExactly("own", "mention");
        }
    }
}
