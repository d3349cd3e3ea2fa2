package dev.trellis.runtime.lua;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.Prototype;
import dev.trellis.runtime.entry.SourceCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler-backed {@link SourceCheck}: a Lua file that does not compile is reported with its
 * line before anything starts, and an entry whose source returns nothing, or a table without the
 * entry's {@code method}, is reported too ({@link EntryPointProbe}).
 *
 * <pre>{@code
 * Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
 * }</pre>
 *
 * <p>Thread-safe: the shapes found so far are kept in a concurrent map, one probe per file.
 */
public final class LuaSourceCheck implements SourceCheck {

    private static final Pattern POSITION = Pattern.compile("^[^\\n]*?:(\\d+): (.*)$", Pattern.DOTALL);

    /** The shape each probed file returned, so that entries sharing a file share one probe. */
    private final Map<Path, EntryPointProbe.Shape> shapes = new ConcurrentHashMap<>();

    @Override
    public Optional<String> entryPoint(Path file, String text, String method) {
        EntryPointProbe.Shape shape = shapes.computeIfAbsent(file, f -> {
            try {
                return EntryPointProbe.shapeOf(compile(f, text));
            } catch (LuaError e) {
                return new EntryPointProbe.Shape.Unknown();
            }
        });
        return EntryPointProbe.problem(shape, method);
    }

    private static Prototype compile(Path file, String text) {
        return LuaState.compile(LuaStrings.fromBytes(text.getBytes(StandardCharsets.UTF_8)), "=" + file.getFileName());
    }

    @Override
    public List<SourceError> check(Path file, String text) {
        try {
            compile(file, text);
            return List.of();
        } catch (LuaError e) {
            String message = e.getMessage();
            Matcher m = POSITION.matcher(message);
            if (m.matches()) {
                return List.of(new SourceError(Integer.parseInt(m.group(1)), m.group(2)));
            }
            return List.of(new SourceError(0, message));
        }
    }
}
