package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Application and StartOrder built from records directly, as the Lua binding's tests will. */
class ApplicationTest {

    private static final Path ROOT = Path.of("app");
    private static final Location AT = new Location(ROOT.resolve("_index.yaml"), 1);

    private static Lifecycle lifecycle(boolean autoStart, String... requires) {
        List<EntryId> ids = java.util.Arrays.stream(requires).map(EntryId::parse).toList();
        Lifecycle d = Lifecycle.DEFAULT;
        return new Lifecycle(autoStart, d.startTimeout(), d.stopTimeout(), d.stableThreshold(), d.startup(), ids, d.restart());
    }

    private static ProcessHost host(String id, boolean autoStart, String... requires) {
        return new ProcessHost(EntryId.parse(id), Meta.EMPTY, AT, 2, lifecycle(autoStart, requires));
    }

    private static LuaService service(String id, String host, boolean autoStart, String... requires) {
        return new LuaService(EntryId.parse(id), Meta.EMPTY, AT, EntryId.parse("app:proc"), EntryId.parse(host),
                List.of(), lifecycle(autoStart, requires));
    }

    private static LuaProcess process(String id) {
        return new LuaProcess(EntryId.parse(id), Meta.EMPTY, AT, ROOT.resolve("p.lua"), "main", List.of(), Map.of(),
                Lifecycle.DEFAULT, Optional.empty());
    }

    @Test
    void startOrderPutsDependenciesFirstAndStopOrderReversesIt() throws Exception {
        Application app = Application.of(ROOT, List.of(
                service("app:web", "app:hosts", true, "app:db"),
                service("app:db", "app:hosts", false),
                host("app:hosts", true),
                host("app:idle", false),
                process("app:proc")));
        assertThat(app.startOrder()).extracting(e -> e.id().toString()).containsExactly("app:hosts", "app:db", "app:web");
        assertThat(app.stopOrder()).extracting(e -> e.id().toString()).containsExactly("app:web", "app:db", "app:hosts");
        assertThat(app.entriesOf(LifecycleEntry.class)).hasSize(5);
    }

    @Test
    void duplicateIdsAreRejected() {
        ApplicationException e = catchThrowableOfType(ApplicationException.class,
                () -> Application.of(ROOT, List.of(host("app:h", false), host("app:h", true))));
        assertThat(e.problems()).extracting(Problem::message)
                .containsExactly("duplicate entry id (first defined at app/_index.yaml:1)");
    }

    @Test
    void aCycleIsWalkedFromItsSmallestEntry() {
        ApplicationException e = catchThrowableOfType(ApplicationException.class, () -> StartOrder.of(List.of(
                host("app:z", false, "app:y"), host("app:y", false, "app:x"), host("app:x", false, "app:y"),
                host("app:w", false, "app:z"))));
        assertThat(e.problems()).singleElement().extracting(Problem::toString).asString()
                .isEqualTo("app/_index.yaml:1: entry 'app:x': dependency cycle: app:x -> app:y -> app:x"
                        + " (each needs the next one started first)");
    }

    /** Every dependency precedes its dependent in random acyclic graphs; the order is deterministic. */
    @Test
    void startOrderIsATopologicalOrderOfRandomGraphs() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(30);
            List<ProcessHost> hosts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> requires = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    if (random.nextInt(4) == 0) {
                        requires.add(String.format("app:h%02d", j));   // only earlier ones: no cycle
                    }
                }
                hosts.add(host(String.format("app:h%02d", i), random.nextBoolean(), requires.toArray(String[]::new)));
            }
            List<LifecycleEntry> order = StartOrder.of(hosts);
            assertThat(order).hasSize(n);
            for (int k = 0; k < order.size(); k++) {
                for (EntryId dependency : order.get(k).dependencies()) {
                    assertThat(order.subList(0, k)).extracting(LifecycleEntry::id).contains(dependency);
                }
            }
            List<ProcessHost> shuffled = new ArrayList<>(hosts);
            Collections.shuffle(shuffled, random);
            assertThat(StartOrder.of(shuffled)).isEqualTo(order);
        }
    }

    @Test
    void locationsSpellAFileOneWay() {
        assertThat(new Location(Path.of("./_index.yaml"), 3)).hasToString("_index.yaml:3");
        assertThat(new Location(Path.of("app/./lib/../x.lua"), 2)).hasToString("app/x.lua:2");
        assertThat(new Location(Path.of("./_index.yaml"), 3)).isEqualTo(new Location(Path.of("_index.yaml"), 3));
    }

    @Test
    void recordsRejectImpossibleValues() {
        assertThatThrownBy(() -> new ProcessHost(EntryId.parse("app:h"), Meta.EMPTY, AT, 0, Lifecycle.DEFAULT))
                .hasMessage("host.workers must be greater than 0, got 0");
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.1, 0))
                .hasMessage("max_delay (1s) must not be less than initial_delay (2s)");
        assertThatThrownBy(() -> new RestartPolicy(Duration.ZERO, Duration.ZERO, 0.5, 0.1, 0))
                .hasMessageContaining("backoff_factor");
        Lifecycle d = Lifecycle.DEFAULT;
        assertThatThrownBy(() -> new Lifecycle(true, Duration.ZERO, d.stopTimeout(), d.stableThreshold(), d.startup(),
                List.of(), d.restart())).hasMessage("start_timeout must be greater than 0, got 0s");
    }

    @Test
    void recordsAreImmutable() {
        List<String> modules = new ArrayList<>(List.of("time"));
        LuaLibrary lib = new LuaLibrary(EntryId.parse("app:l"), Meta.EMPTY, AT, ROOT.resolve("l.lua"), modules, Map.of());
        modules.add("json");
        assertThat(lib.modules()).containsExactly("time");
        assertThatThrownBy(() -> lib.modules().add("x")).isInstanceOf(UnsupportedOperationException.class);
        List<Object> input = new ArrayList<>(java.util.Arrays.asList("a", null));
        LuaService svc = new LuaService(EntryId.parse("app:s"), Meta.EMPTY, AT, EntryId.parse("app:p"),
                EntryId.parse("app:h"), input, Lifecycle.DEFAULT);
        input.clear();
        assertThat(svc.input()).containsExactly("a", null);
        assertThatThrownBy(() -> svc.input().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
