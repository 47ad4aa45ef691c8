package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules of the grading package, checked on its source files: exact decimals only (no binary
 * floating point), no framework, one place that names the rounding mode.
 */
class GradingHouseRulesTest {

    private static final Path MAIN = Path.of("src/main/java/vn/hocba/archive/grading");
    private static final Path TEST = Path.of("src/test/java/vn/hocba/archive/grading");

    /** Binary floating-point types, their boxes and their conversions. */
    private static final Pattern FLOATING_TYPE =
            Pattern.compile("\\b(double|float|Double|Float|doubleValue|floatValue|strictfp)\\b");
    /** Floating-point literals: 6.5, .5, 6., 1e3, 6d, 6f. */
    private static final Pattern FLOATING_LITERAL = Pattern.compile(
            "(?<![\\w.])(\\d[\\d_]*\\.[\\d_]*|\\.\\d[\\d_]*|\\d[\\d_]*(?=[eE][+-]?\\d))([eE][+-]?\\d+)?[dDfF]?(?![\\w.(])"
                    + "|(?<![\\w.])\\d[\\d_]*[dDfF]\\b");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+)");

    @Test
    void noDoubleOrFloatAppearsInTheGradingSources() {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles(MAIN, TEST)) {
            String code = codeOnly(read(file));
            collect(offences, file, FLOATING_TYPE.matcher(code));
            collect(offences, file, FLOATING_LITERAL.matcher(code));
        }
        assertThat(offences).as("binary floating point in the grading sources").isEmpty();
    }

    @Test
    void theScanRecognisesFloatingPointWhereverItHides() {
        String sample = "class X { double a = 6.5; Float b; long c = 7L; var d = 1e3; var e = 2f; var f = .5;"
                + " var g = BigDecimal.valueOf(0.1); var h = x.doubleValue(); var i = list.get(0).size(); }";
        String code = codeOnly(sample + " // double in a comment\n /* float */ String s = \"6.5 double\";");
        List<String> found = new ArrayList<>();
        collect(found, Path.of("X.java"), FLOATING_TYPE.matcher(code));
        collect(found, Path.of("X.java"), FLOATING_LITERAL.matcher(code));

        assertThat(found).extracting(offence -> offence.substring(offence.indexOf(": ") + 2))
                .containsExactlyInAnyOrder("double", "Float", "doubleValue", "6.5", "1e3", "2f", ".5", "0.1");
    }

    @Test
    void theGradingCodeImportsOnlyTheJdk() {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            Matcher imports = IMPORT.matcher(codeOnly(read(file)));
            while (imports.find()) {
                String imported = imports.group(1);
                if (!imported.startsWith("java.") && !imported.startsWith("vn.hocba.archive.grading.")) {
                    offences.add(file.getFileName() + ": " + imported);
                }
            }
        }
        assertThat(offences).as("imports outside the JDK (no Spring, no Lombok, no other library)").isEmpty();
    }

    @Test
    void onlyAverageRoundingNamesARoundingMode() {
        List<String> naming = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            if (codeOnly(read(file)).contains("RoundingMode")) {
                naming.add(file.getFileName().toString());
            }
        }
        assertThat(naming).containsExactly("AverageRounding.java");
    }

    @Test
    void thePackageHasAPackageInfo() {
        assertThat(MAIN.resolve("package-info.java")).isRegularFile();
    }

    private static void collect(List<String> offences, Path file, Matcher matcher) {
        while (matcher.find()) {
            offences.add(file.getFileName() + ": " + matcher.group());
        }
    }

    private static List<Path> javaFiles(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            assertThat(root).as("run from the module directory").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> path.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source with comments, string literals, text blocks and char literals blanked out, so
     * that only code is checked (Javadoc may well say "6.5"; a message may say anything).
     */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
