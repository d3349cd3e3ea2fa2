package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the VM's own regression scripts ({@code src/test/resources/vm}) and compares what they
 * print with the output PUC Lua 5.4 recorded for them.
 */
class VmScriptsTest {
    private static final Path DIR = Path.of("src/test/resources/vm");

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lua")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void printsWhatPucLuaPrints(String script) throws IOException {
        String source = LuaStrings.fromBytes(Files.readAllBytes(DIR.resolve(script)));
        String expected = LuaStrings.fromBytes(Files.readAllBytes(DIR.resolve(script.replace(".lua", ".expected"))));
        LuaState state = new LuaState();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.setOutput(out);
        state.call(state.load(LuaState.compileBytes(source, "@" + script)));
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }
}
