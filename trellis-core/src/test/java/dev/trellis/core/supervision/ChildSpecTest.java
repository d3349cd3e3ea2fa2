package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trellis.core.supervision.InvalidChildSpecException.Problem;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildSpecTest {
    private static final ChildStart START = ctx -> StartResult.ignore();

    private static InvalidChildSpecException rejected(Runnable r) {
        InvalidChildSpecException e = catchThrowableOfType(InvalidChildSpecException.class, r::run);
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void b12_idAndStartAreMandatory() {
        InvalidChildSpecException noId = rejected(() -> ChildSpec.fromMap(map("start", START)));
        assertThat(noId.problem()).isEqualTo(Problem.MISSING_ID);
        assertThat(noId.field()).isEqualTo("id");
        InvalidChildSpecException noStart = rejected(() -> ChildSpec.fromMap(map("id", "db")));
        assertThat(noStart.problem()).isEqualTo(Problem.MISSING_START);
        assertThat(noStart).hasMessageContaining("\"db\"").hasMessageContaining("start");
        assertThat(rejected(() -> ChildSpec.worker(null, START)).problem()).isEqualTo(Problem.MISSING_ID);
        assertThat(rejected(() -> ChildSpec.worker("w", null)).problem()).isEqualTo(Problem.MISSING_START);
    }

    @Test
    void b13_defaults() {
        ChildSpec w = ChildSpec.worker("w", START);
        assertThat(w.restart()).isEqualTo(Restart.PERMANENT);
        assertThat(w.shutdown()).isEqualTo(Shutdown.timeout(Duration.ofSeconds(5)));
        assertThat(w.type()).isEqualTo(ChildType.WORKER);
        assertThat(w.significant()).isFalse();
        assertThat(w.modules()).containsExactly("w");
        ChildSpec s = ChildSpec.fromMap(map("id", String.class, "start", START, "type", "supervisor"));
        assertThat(s.shutdown()).isEqualTo(Shutdown.infinity());
        assertThat(s.modules()).containsExactly("java.lang.String");
        // the default follows the type until a shutdown is set explicitly
        assertThat(w.type(ChildType.SUPERVISOR).shutdown()).isEqualTo(Shutdown.infinity());
    }

    @Test
    void b14_eachFieldIsValidatedWithItsOwnTag() {
        assertThat(rejected(() -> ChildSpec.fromMap(map("id", "a", "start", "not a function"))).problem())
                .isEqualTo(Problem.INVALID_START);
        assertThat(rejected(() -> ChildSpec.fromMap(map("id", "a", "start", START, "restart", "sometimes"))).problem())
                .isEqualTo(Problem.INVALID_RESTART_TYPE);
        InvalidChildSpecException neg = rejected(() -> ChildSpec.fromMap(map("id", "a", "start", START, "shutdown", -1)));
        assertThat(neg.problem()).isEqualTo(Problem.INVALID_SHUTDOWN);
        assertThat(neg).hasMessageContaining("\"a\"").hasMessageContaining("shutdown").hasMessageContaining("-1");
        assertThat(rejected(() -> ChildSpec.fromMap(map("id", "a", "start", START, "type", "manager"))).problem())
                .isEqualTo(Problem.INVALID_CHILD_TYPE);
        assertThat(rejected(() -> ChildSpec.fromMap(map("id", "a", "start", START, "modules", "x"))).problem())
                .isEqualTo(Problem.INVALID_MODULES);
        assertThat(rejected(() -> ChildSpec.fromMap(map("id", "a", "start", START, "modules", List.of("")))).problem())
                .isEqualTo(Problem.INVALID_MODULES);
        assertThat(rejected(() -> ChildSpec.fromMap(map("id", "a", "start", START, "significant", "yes"))).problem())
                .isEqualTo(Problem.INVALID_SIGNIFICANT);
        assertThat(rejected(() -> ChildSpec.worker("a", START).shutdown(null)).problem())
                .isEqualTo(Problem.INVALID_SHUTDOWN);
    }

    @Test
    void b15_acceptedValuesIncludingShutdownZero() {
        for (String r : List.of("permanent", "transient", "temporary")) {
            for (Object sd : List.of("brutal_kill", "infinity", 0, 1, 5000)) {
                for (String t : List.of("worker", "supervisor")) {
                    ChildSpec s = ChildSpec.fromMap(map("id", "c", "start", START, "restart", r, "shutdown", sd, "type", t));
                    assertThat(s.restart().erlangName()).isEqualTo(r);
                    assertThat(s.type().erlangName()).isEqualTo(t);
                }
            }
        }
        assertThat(ChildSpec.worker("z", START).shutdown(Shutdown.millis(0)).shutdown())
                .isEqualTo(Shutdown.timeout(Duration.ZERO));
    }

    @Test
    void b16_unknownKeysInAMapSpecAreIgnored() {
        ChildSpec s = ChildSpec.fromMap(map("id", "a", "start", START, "colour", "blue"));
        assertThat(s.id()).isEqualTo("a");
    }

    @Test
    void b17_duplicateIdsAreRejected() {
        InvalidChildSpecException e = rejected(() -> ChildSpec.validateAll(
                List.of(ChildSpec.worker("a", START), ChildSpec.worker("b", START), ChildSpec.worker("a", START)),
                AutoShutdown.NEVER));
        assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_CHILD_NAME);
        assertThat(e.childId()).isEqualTo("a");
    }

    @Test
    void b18_tupleAndMapSpecsMayBeMixed() {
        List<ChildSpec> specs = ChildSpec.validateAll(List.of(
                Arrays.asList("t", START, "transient", 1000, "worker", List.of("T")),
                map("id", "m", "start", START),
                ChildSpec.worker("c", START)), AutoShutdown.NEVER);
        assertThat(specs).extracting(ChildSpec::id).containsExactly("t", "m", "c");
        assertThat(specs.get(0).restart()).isEqualTo(Restart.TRANSIENT);
        assertThat(specs.get(0).shutdown()).isEqualTo(Shutdown.millis(1000));
        assertThat(rejected(() -> ChildSpec.fromTuple(List.of("t", START))).problem()).isEqualTo(Problem.INVALID_CHILD_SPEC);
        assertThat(rejected(() -> ChildSpec.normalize(42)).problem()).isEqualTo(Problem.INVALID_CHILD_SPEC);
    }

    @Test
    void b21_significantIsInvalidWithPermanentOrUnderAutoShutdownNever() {
        assertThat(rejected(() -> ChildSpec.worker("s", START).significant(true)).problem())
                .isEqualTo(Problem.BAD_COMBINATION);
        ChildSpec sig = ChildSpec.worker("s", START).restart(Restart.TRANSIENT).significant(true);
        assertThat(rejected(() -> ChildSpec.validateAll(List.of(sig), AutoShutdown.NEVER)).problem())
                .isEqualTo(Problem.BAD_COMBINATION);
        assertThat(ChildSpec.validateAll(List.of(sig), AutoShutdown.ANY_SIGNIFICANT)).hasSize(1);
    }
}
