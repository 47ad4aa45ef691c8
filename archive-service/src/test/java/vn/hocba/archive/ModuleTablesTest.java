package vn.hocba.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * House rule: each feature's SQL touches only its own tables; another feature's data is reached through that
 * feature's public types (a port, an event, a read service). The owner of every table created by a migration is
 * declared here, so a new table cannot go unowned, and every string literal of a feature's main code that names a
 * table after {@code from}, {@code join}, {@code into}, {@code update} or {@code table} must name one of its own.
 */
class ModuleTablesTest {

    /** Table → the feature package that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("school", "school"), Map.entry("school_year", "school"), Map.entry("staff", "school"),
            Map.entry("staff_role", "school"), Map.entry("subject", "school"), Map.entry("subject_periods", "school"),
            Map.entry("school_class", "school"), Map.entry("class_subject_teacher", "school"),
            Map.entry("student", "school"),
            Map.entry("assessment", "school"), Map.entry("conduct", "school"), Map.entry("attendance", "school"),
            Map.entry("student_comment", "school"), Map.entry("class_term_lock", "school"),
            Map.entry("student_record", "workflow"), Map.entry("record_signer", "workflow"), // until V7
            Map.entry("document", "workflow"), Map.entry("document_signer", "workflow"), Map.entry("document_text", "workflow"),
            Map.entry("document_signer_subject", "workflow"), Map.entry("pending_signature", "workflow"),
            Map.entry("signer_certificate", "pki"), Map.entry("document_archived_copy", "workflow"),
            Map.entry("signing_batch", "batch"), Map.entry("signing_batch_item", "batch"),
            Map.entry("audit_event", "audit"), Map.entry("audit_head", "audit"),
            Map.entry("correction_request", "corrections"), Map.entry("correction_evidence", "corrections"),
            Map.entry("fixity_sweep", "archive"), Map.entry("integrity_finding", "archive"),
            Map.entry("archived_object", "archive"), Map.entry("legal_hold", "archive"),
            Map.entry("account", "security"), Map.entry("login_failure", "security"),
            Map.entry("event_publication", "(Spring Modulith)"));

    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java/vn/hocba/archive");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_REF = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)");

    @Test
    void everyTableHasADeclaredOwner() throws IOException {
        Set<String> tables = new LinkedHashSet<>();
        try (Stream<Path> migrations = Files.list(MODULE.resolve("src/main/resources/db/migration"))) {
            for (Path m : (Iterable<Path>) migrations::iterator) {
                Matcher matcher = CREATE_TABLE.matcher(Files.readString(m));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).as("declare the owner of every table in ModuleTablesTest.OWNERS")
                .containsAll(tables);
    }

    @Test
    void eachFeaturesSqlTouchesOnlyItsOwnTables() throws IOException {
        Map<String, List<String>> violations = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root package holds no feature
                }
                String module = relative.getName(0).toString();
                Matcher strings = STRING.matcher(Files.readString(file));
                while (strings.find()) {
                    String literal = strings.group(1) != null ? strings.group(1) : strings.group(2);
                    Matcher ref = TABLE_REF.matcher(literal);
                    while (ref.find()) {
                        String table = ref.group(1).toLowerCase(java.util.Locale.ROOT);
                        String owner = OWNERS.get(table);
                        if (owner != null && !owner.equals(module)) {
                            violations.computeIfAbsent(module + " (" + relative + ")", k -> new ArrayList<>())
                                    .add(table + " of " + owner);
                        }
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another feature's tables").isEmpty();
    }

    @Test
    void theRuleCatchesAForeignTable() {
        Matcher strings = STRING.matcher("String sql = \"\"\"\n select count(*) from student_record where x\n\"\"\";");
        assertThat(strings.find()).isTrue();
        Matcher ref = TABLE_REF.matcher(strings.group(1));
        assertThat(ref.find()).isTrue();
        assertThat(OWNERS.get(ref.group(1))).isEqualTo("workflow");
    }
}
