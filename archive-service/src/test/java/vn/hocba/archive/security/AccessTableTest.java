package vn.hocba.archive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.hocba.archive.common.Access;

/**
 * The authorization table ({@link Access}) covers every HTTP handler of the service, and {@code docs/authorization.md}
 * reproduces it with each row's endpoints. Regenerate the document with {@code -Dhocba.authorization.write=true}.
 */
public class AccessTableTest {

    static final Path DOC = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
            .resolve("docs/authorization.md");
    private static final String BEGIN = "<!-- table: generated from Access.java by AccessTableTest -->";
    private static final String END = "<!-- end of table -->";

    /** One handler: its HTTP methods and path, and the row that guards it (null: none). */
    public record Endpoint(String methods, String path, String handler, Access row) {
        @Override
        public String toString() {
            return methods + " " + path;
        }
    }

    /** Every handler method of every controller of the service, with its row. */
    public static List<Endpoint> endpoints() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<Endpoint> endpoints = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("vn.hocba.archive")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            RequestMapping prefix = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String base = prefix == null || prefix.path().length == 0 ? "" : prefix.path()[0];
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                String verbs = mapping.method().length == 0 ? "ANY" : Arrays.stream(mapping.method())
                        .map(Enum::name).collect(Collectors.joining(","));
                String params = mapping.params().length == 0 ? "" : "?" + String.join("&", mapping.params());
                String consumes = mapping.consumes().length == 0 ? "" : " (" + String.join(", ", mapping.consumes()) + ")";
                for (String path : paths) {
                    String full = (base + path).startsWith("${") ? "/error" : base + path;
                    endpoints.add(new Endpoint(verbs, full + params + consumes,
                            type.getSimpleName() + "#" + method.getName(),
                            AccessGate.rowOf(method, type)));
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyHandlerNamesARow() throws ClassNotFoundException {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the scan finds the service's handlers").hasSizeGreaterThan(80);
        assertThat(endpoints.stream().filter(e -> e.row() == null).map(Endpoint::handler))
                .as("handlers without @Allowed: everyone is refused them").isEmpty();
    }

    @Test
    void docsReproduceTheTable() throws ClassNotFoundException, IOException {
        String table = markdown(endpoints());
        String doc = Files.exists(DOC) ? Files.readString(DOC) : "";
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (Boolean.getBoolean("hocba.authorization.write") && begin >= 0 && end > begin) {
            doc = doc.substring(0, begin + BEGIN.length()) + "\n" + table + doc.substring(end);
            Files.writeString(DOC, doc);
            begin = doc.indexOf(BEGIN);
            end = doc.indexOf(END);
        }
        assertThat(begin).as(DOC + " holds the table's markers").isNotNegative();
        assertThat(doc.substring(begin + BEGIN.length(), end))
                .as("docs/authorization.md is stale: regenerate it with -Dhocba.authorization.write=true")
                .isEqualTo("\n" + table);
    }

    @Test
    void onlyTheSystemAdministratorAdministers() {
        var admin = vn.hocba.archive.common.Caller.systemAdministrator("admin");
        var principal = vn.hocba.archive.common.Caller.staff("GV001@THCS-MK2", "THCS-MK2", "GV001",
                java.util.Set.of(vn.hocba.archive.common.StaffRole.PRINCIPAL));
        var inspector = new vn.hocba.archive.common.Caller("inspector.district", null, null, java.util.Set.of(), false,
                new vn.hocba.archive.common.Caller.Jurisdiction("Quảng Ninh", "Thị xã Đông Triều"));
        assertThat(Access.ADMINISTER.admits(admin)).isTrue();
        assertThat(Access.ADMINISTER.admits(principal)).isFalse();
        assertThat(Access.ADMINISTER.admits(inspector)).isFalse();
        assertThat(Access.ADMINISTER.admits(null)).isFalse();
        assertThat(Access.SIGN.admits(admin)).as("the system administrator signs nothing").isFalse();
        assertThat(Access.SIGN.admits(inspector)).isFalse();
        assertThat(Access.HOLD.admits(inspector)).isTrue();
        assertThat(Access.VERIFY.admits(null)).isTrue();
        assertThat(Access.READ_DOCUMENT.admits(inspector)).isTrue();
        assertThat(Access.READ_SCHOOL_DATA.admits(inspector)).isFalse();
    }

    /** The table as docs/authorization.md shows it: one line a row, its endpoints sorted. */
    static String markdown(List<Endpoint> endpoints) {
        Map<Access, TreeSet<String>> byRow = new EnumMap<>(Access.class);
        for (Endpoint e : endpoints) {
            byRow.computeIfAbsent(e.row(), r -> new TreeSet<>()).add("`" + e.toString().replace("|", "\\|") + "`");
        }
        StringBuilder md = new StringBuilder()
                .append("| Row | Who passes the gate | Roles, in the school year asked about | What the feature checks |"
                        + " Endpoints |\n")
                .append("|---|---|---|---|---|\n");
        for (Access row : Access.values()) {
            List<String> gate = new ArrayList<>();
            row.who().stream().filter(w -> w.staffRole() == null).sorted()
                    .forEach(w -> gate.add(w == Access.Who.ANONYMOUS ? "anyone without an account"
                            : w.name().toLowerCase().replace('_', ' ')));
            if (row.who().stream().anyMatch(w -> w.staffRole() != null)) {
                gate.add("staff (any role)");
            }
            String roles = row.who().stream().filter(w -> w.staffRole() != null).sorted()
                    .map(w -> w.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "));
            md.append("| `").append(row.name()).append("` | ").append(String.join(", ", gate)).append(" | ")
                    .append(roles.isEmpty() ? "—" : roles).append(" | ").append(row.scope())
                    .append(" | ").append(String.join("<br>", byRow.getOrDefault(row, new TreeSet<>())))
                    .append(" |\n");
        }
        return md.toString();
    }
}
