package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every app under examples/ loads without problems, so the examples stay valid as the loader evolves. */
class ExampleAppsTest {

    /** The seed example apps; more apps may exist beside them and are checked too. */
    private static final List<String> SEED_APPS = List.of(
            "worker-pool", "monitored-pool", "monitoring", "linking", "topologies", "messaging", "registry");

    private static Path examples() {
        // Surefire runs in the module directory; the examples are beside it at the repository root.
        Path here = Path.of("").toAbsolutePath();
        Path examples = here.resolveSibling("examples");
        return Files.isDirectory(examples) ? examples : here.resolve("examples");
    }

    /** Directories of examples/ that hold YAML entry files (Java examples have a Main.java instead). */
    static Stream<Path> apps() throws IOException {
        try (Stream<Path> dirs = Files.list(examples())) {
            return dirs.filter(Files::isDirectory).filter(ExampleAppsTest::hasYaml).sorted().toList().stream();
        }
    }

    private static boolean hasYaml(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSeedAppsAreThere() throws IOException {
        assertThat(apps().map(p -> p.getFileName().toString())).containsAll(SEED_APPS);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void loadsWithoutProblems(Path dir) throws Exception {
        Application app = new ApplicationLoader().load(dir);
        assertThat(app.entries()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void seedAppsHaveTestsAndEveryMethodIsExported(Path dir) throws Exception {
        Application app = new ApplicationLoader().load(dir);
        if (SEED_APPS.contains(dir.getFileName().toString())) {
            assertThat(app.tests()).as("tests of " + dir).isNotEmpty();
            assertThat(app.tests()).allSatisfy(t -> assertThat(t.id().namespace()).isEqualTo("tests"));
            assertThat(app.entry(EntryId.parse("app:processes"), ProcessHost.class)).isPresent();
        }
        // The module table a Lua file returns must name each entry's method ("{ main = main }").
        for (Entry entry : app.entries()) {
            String method = switch (entry) {
                case LuaProcess p -> p.method();
                case LuaFunction f -> f.method();
                default -> null;
            };
            if (method != null) {
                String source = Files.readString(((LuaEntry) entry).source());
                assertThat(source).as(entry.id() + " exports " + method).containsPattern("\\b" + method + "\\s*=\\s*" + method + "\\b");
            }
        }
    }
}
