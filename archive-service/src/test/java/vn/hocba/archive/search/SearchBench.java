package vn.hocba.archive.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import vn.hocba.archive.search.SearchIndex.Filters;
import vn.hocba.archive.search.SearchIndex.IndexedDocument;
import vn.hocba.archive.search.SearchIndex.SearchRequest;
import vn.hocba.archive.search.SearchIndex.SearchScope;

/**
 * The search benchmark of issue 17 ({@code bin/bench}): indexes a generated archive into each adapter and prints the
 * index throughput and the latency percentiles (p50/p95/p99) of a fixed mix of inspectors' queries, each with its
 * facets and highlights, as the API asks them. Targets: p95 ≤ 50 ms and p99 ≤ 150 ms over 10,000 documents embedded
 * (Lucene) and over 100,000 on Elasticsearch (a real 8.x server that {@code bin/es-server} starts).
 *
 * <p>The archive: a province of 4 districts with 10 lower-secondary schools each, three school years, classes 6A-9E;
 * student records (most), gradebooks and summary books; names drawn from common Vietnamese family, middle and given
 * names, a few Central Highlands names with apostrophes and hyphens; each record's text is what a rendered record
 * prints (about 2 KB: identity, parents, marks of twelve subjects, comments). The same seed gives the same archive.
 *
 * <p>Knobs: {@code -Dbench.searchDocs=10000} (Lucene), {@code -Dbench.esDocs=100000} (Elasticsearch, 0 to skip),
 * {@code -Dbench.searchQueries=3000} (timed queries per adapter, after a tenth as many untimed).
 */
public final class SearchBench {

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Khánh", "Bảo",
            "Thu", "Hoài", "Xuân"};
    static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khoa", "Lan",
            "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tú", "Uyên", "Vy", "Yến"};
    static final String[] HIGHLANDS = {"H’Hen Niê", "Ksor H'Bia", "Y-Moan Êban", "Rơ Mah H’Lan", "Siu Y-Bình"};
    static final String[] SUBJECTS = {"Ngữ văn", "Toán", "Tiếng Anh", "GDCD", "Lịch sử và Địa lí", "KHTN", "Công nghệ",
            "Tin học", "GDTC", "Nghệ thuật", "HĐTN-HN", "GDĐP"};
    static final String[] COMMENTS = {"chăm ngoan, tiến bộ rõ", "cần cố gắng hơn ở môn Toán", "học tốt, hăng hái phát biểu",
            "tích cực tham gia hoạt động tập thể", "cần rèn chữ viết cẩn thận hơn"};
    static final String[] DISTRICTS = {"Thị xã Đông Triều", "Thành phố Hạ Long", "Thành phố Uông Bí", "Huyện Tiên Yên"};
    static final String[] YEARS = {"2022-2023", "2023-2024", "2024-2025"};

    private SearchBench() {
    }

    /** The {@code n}-th document of the generated archive (deterministic). */
    static IndexedDocument document(int n) {
        var random = new Random(n * 7919L + 17);
        int school = random.nextInt(DISTRICTS.length * 10);
        String schoolCode = "THCS-QN" + String.format(Locale.ROOT, "%02d", school);
        String year = YEARS[random.nextInt(YEARS.length)];
        String classCode = (6 + random.nextInt(4)) + String.valueOf((char) ('A' + random.nextInt(5)));
        String name = random.nextInt(50) == 0 ? HIGHLANDS[random.nextInt(HIGHLANDS.length)]
                : FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                        + GIVEN[random.nextInt(GIVEN.length)];
        int kind = random.nextInt(20);
        String type = kind < 16 ? "STUDENT_RECORD" : kind < 19 ? "CLASS_GRADEBOOK" : "CLASS_SUMMARY";
        String status = random.nextInt(25) == 0 ? "SUPERSEDED" : "ARCHIVED";
        String student = type.equals("STUDENT_RECORD") ? "HS" + year.substring(2, 4) + String.format(Locale.ROOT, "%05d", n % 100_000) : "";
        var text = new StringBuilder(2_400);
        text.append("HỌC BẠ TRUNG HỌC CƠ SỞ Trường THCS số ").append(school).append(' ')
                .append(DISTRICTS[school / 10]).append(" tỉnh Quảng Ninh Năm học ").append(year).append(" Lớp ")
                .append(classCode).append(" Họ và tên: ").append(type.equals("STUDENT_RECORD") ? name : "")
                .append(" Ngày sinh: ").append(1 + random.nextInt(28)).append('/').append(1 + random.nextInt(12))
                .append("/2011 Họ tên cha: ").append(FAMILY[random.nextInt(FAMILY.length)]).append(" Văn ")
                .append(GIVEN[random.nextInt(GIVEN.length)]).append(" Họ tên mẹ: ")
                .append(FAMILY[random.nextInt(FAMILY.length)]).append(" Thị ").append(GIVEN[random.nextInt(GIVEN.length)]);
        for (String subject : SUBJECTS) {
            text.append(' ').append(subject).append(' ').append(5 + random.nextInt(5)).append('.').append(random.nextInt(10))
                    .append(' ').append(5 + random.nextInt(5)).append('.').append(random.nextInt(10));
        }
        text.append(" Nhận xét của giáo viên chủ nhiệm: ").append(COMMENTS[random.nextInt(COMMENTS.length)])
                .append(". Kết quả rèn luyện: Tốt. Được lên lớp. Hiệu trưởng ký tên, đóng dấu.");
        return new IndexedDocument(java.util.UUID.nameUUIDFromBytes(("doc" + n).getBytes()).toString(), schoolCode, year,
                classCode, student, type.equals("STUDENT_RECORD") ? name : "", type, status, text.toString());
    }

    /** The jurisdiction of district {@code d}: its ten schools. */
    static SearchScope district(int d) {
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            schools.add("THCS-QN" + String.format(Locale.ROOT, "%02d", d * 10 + i));
        }
        return SearchScope.schools(schools);
    }

    static SearchScope province() {
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < DISTRICTS.length * 10; i++) {
            schools.add("THCS-QN" + String.format(Locale.ROOT, "%02d", i));
        }
        return SearchScope.schools(schools);
    }

    /** The fixed mix of inspectors' queries, the {@code i}-th. */
    static SearchRequest query(int i) {
        var random = new Random(i);
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String full = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " " + given;
        SearchScope scope = random.nextInt(3) == 0 ? province() : district(random.nextInt(DISTRICTS.length));
        return switch (i % 8) {
            case 0 -> new SearchRequest(vn.hocba.archive.common.Texts.fold(full), scope, Filters.NONE, 0, 20);
            case 1 -> new SearchRequest(full, scope, Filters.NONE, 0, 20);
            case 2 -> new SearchRequest(given.toLowerCase(Locale.ROOT), scope, Filters.NONE, 0, 20);
            case 3 -> new SearchRequest(random.nextBoolean() ? "h'hen nie" : "y moan eban", scope, Filters.NONE, 0, 20);
            case 4 -> new SearchRequest(given + " " + (6 + random.nextInt(4)) + "A", scope, Filters.NONE, 0, 20);
            case 5 -> new SearchRequest("", scope, new Filters(null, YEARS[random.nextInt(3)], null, "STUDENT_RECORD", null),
                    random.nextInt(5), 20);
            case 6 -> new SearchRequest("chăm ngoan tiến bộ", scope, new Filters(null, null, null, null, "ARCHIVED"), 0, 20);
            default -> new SearchRequest("HS24" + String.format(Locale.ROOT, "%05d", random.nextInt(10_000)), scope,
                    Filters.NONE, 0, 20);
        };
    }

    public static void main(String[] args) throws Exception {
        int luceneDocs = Integer.getInteger("bench.searchDocs", 10_000);
        int esDocs = Integer.getInteger("bench.esDocs", 100_000);
        int queries = Integer.getInteger("bench.searchQueries", 3_000);
        System.out.printf(Locale.ROOT, "search: %d documents in Lucene, %d in Elasticsearch, %d timed queries each; load %.2f%n",
                luceneDocs, esDocs, queries, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("search-bench");
        try (var lucene = new LuceneSearchIndex(dir.resolve("index"))) {
            run("lucene (embedded)", lucene, luceneDocs, queries);
        }
        if (esDocs > 0) {
            var server = EsTestServer.startNew("bench");
            var es = new ElasticsearchSearchIndex(server.url(), null, null, null, EsTestServer.newIndexName("bench"));
            try {
                run("elasticsearch 8", es, esDocs, queries);
            } finally {
                es.deleteIndex();
                es.close();
                server.stop();
            }
        }
    }

    static void run(String name, SearchIndex index, int documents, int queries) {
        long start = System.nanoTime();
        int chunk = 2_000;
        for (int from = 0; from < documents; from += chunk) {
            int first = from;
            int last = Math.min(documents, from + chunk);
            index.inBatch(() -> {
                for (int n = first; n < last; n++) {
                    index.index(document(n));
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: indexed %d documents in %.1f s: %.0f documents/s%n", name, documents,
                seconds, documents / seconds);
        Function<Integer, Long> once = i -> {
            long t = System.nanoTime();
            var page = index.search(query(i));
            if (page.total() < 0) {
                throw new IllegalStateException();
            }
            return System.nanoTime() - t;
        };
        for (int i = 0; i < Math.max(100, queries / 10); i++) {
            once.apply(100_000 + i); // untimed: warm-up
        }
        long[] times = new long[queries];
        long hits = 0;
        for (int i = 0; i < queries; i++) {
            times[i] = once.apply(i);
        }
        for (int i = 0; i < 8; i++) {
            hits += index.search(query(i)).total();
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%s: %d queries over %d documents: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (targets p95 <= 50, p99 <= 150; %d hits in the first eight)%n",
                name, queries, documents, pct(times, 50), pct(times, 95), pct(times, 99), times[times.length - 1] / 1e6, hits);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
