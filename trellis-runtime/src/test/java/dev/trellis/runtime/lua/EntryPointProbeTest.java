package dev.trellis.runtime.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trellis.runtime.entry.ApplicationException;
import dev.trellis.runtime.entry.ApplicationLoader;
import dev.trellis.runtime.entry.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} knows, before anything runs, when an entry's source cannot give it a function. */
class EntryPointProbeTest {

    @TempDir
    Path dir;

    private List<String> problems(String entries, String... files) throws Exception {
        Files.writeString(dir.resolve("_index.yaml"), "namespace: app\nentries:\n" + entries);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        ApplicationException e = catchThrowableOfType(ApplicationException.class,
                () -> new ApplicationLoader(new LuaSourceCheck()).load(dir));
        return e == null ? List.of() : e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aSourceThatReturnsNothingIsAProblemOfEveryEntryThatRunsIt() throws Exception {
        List<String> problems = problems("""
                  - {name: a, kind: process.lua, source: file://nothing.lua}
                  - {name: t, kind: function.lua, source: file://nothing.lua, meta: {type: test}}
                  - {name: lib, kind: library.lua, source: file://nothing.lua}
                """, "nothing.lua", "local x = 1\nprint(x)\n");
        String why = "its source nothing.lua returns nothing: it must end with 'return { main = function(...) ... end }' or return a function";
        assertThat(problems).containsExactly(
                dir.resolve("_index.yaml") + ":3: entry 'app:a': " + why,
                dir.resolve("_index.yaml") + ":4: entry 'app:t': " + why);
    }

    @Test
    void aMethodTheReturnedTableLacksIsAProblemWithTheNearestName() throws Exception {
        List<String> problems = problems("""
                  - {name: a, kind: process.lua, source: file://m.lua, method: mian}
                  - {name: b, kind: process.lua, source: file://m.lua, method: handle}
                  - {name: c, kind: process.lua, source: file://m.lua, method: value}
                """, "m.lua", """
                local time = require("time")
                local M = { value = 42 }
                local timeout = time.seconds(5)
                function M.main() return timeout end
                function M.handle() end
                return M
                """);
        assertThat(problems).containsExactly(
                dir.resolve("_index.yaml") + ":3: entry 'app:a': its source m.lua returns a table without a function 'mian'"
                        + " (did you mean 'main'?) (its functions: handle, main)",
                dir.resolve("_index.yaml") + ":5: entry 'app:c': its source m.lua returns a table without a function 'value'"
                        + " (its functions: handle, main)");
    }

    @Test
    void aReturnedNumberIsAProblemAndAReturnedFunctionServesAnyMethod() throws Exception {
        assertThat(problems("""
                  - {name: a, kind: process.lua, source: file://n.lua}
                  - {name: f, kind: process.lua, source: file://f.lua, method: whatever}
                """, "n.lua", "return 42\n", "f.lua", "return function() return 1 end\n"))
                .containsExactly(dir.resolve("_index.yaml") + ":3: entry 'app:a': its source n.lua returns a number:"
                        + " it must end with 'return { main = function(...) ... end }' or return a function");
    }

    @Test
    void whatOnlyARealSpawnCanTellIsNotReported() throws Exception {
        assertThat(problems("""
                  - {name: a, kind: process.lua, source: file://busy.lua}
                  - {name: b, kind: process.lua, source: file://work.lua}
                  - {name: c, kind: process.lua, source: file://mod.lua}
                """,
                "busy.lua", "while true do end\nreturn {}\n",
                "work.lua", "local n = process.pid() .. '!'\nreturn {}\n",
                "mod.lua", "return require('somewhere')\n")).isEmpty();
    }
}
