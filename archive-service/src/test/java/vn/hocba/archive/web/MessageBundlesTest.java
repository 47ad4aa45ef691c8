package vn.hocba.archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 18: every page text is in Vietnamese and in English. The two bundles have the same keys, none blank, and
 * every key a template names ({@code #{key}}, {@code #messages.msg('key')}) is in both.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("src/main/resources");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)}|#messages\\.msg\\('([A-Za-z0-9_.]+)'\\)");

    @Test
    void vietnameseAndEnglishHaveTheSameKeysNoneBlank() throws IOException {
        Properties vi = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(vi.stringPropertyNames()).as("keys").isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(vi.stringPropertyNames()).allSatisfy(k -> {
            assertThat(vi.getProperty(k)).as("vi " + k).isNotBlank();
            assertThat(en.getProperty(k)).as("en " + k).isNotBlank();
        });
        assertThat(vi.getProperty("nav.work")).isEqualTo("Việc của tôi");
        assertThat(en.getProperty("nav.work")).isEqualTo("My work");
    }

    @Test
    void everyKeyATemplateNamesIsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                var m = KEY.matcher(Files.readString(t));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(used).as("the templates name keys").contains("nav.work", "work.title", "error.home");
        assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(used);
        assertThat(bundle("messages_en.properties").stringPropertyNames()).containsAll(used);
    }

    private static Properties bundle(String name) throws IOException {
        var p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(RESOURCES.resolve(name)), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
