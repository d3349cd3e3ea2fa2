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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler-backed {@link SourceCheck}: a Lua file that does not compile is reported with its
 * line before anything starts, and an entry whose source returns nothing, or a table without the
 * entry's {@code method}, is reported too ({@link EntryPointProbe}). Given the names of the
 * runtime's modules, it also has a {@code modules:} entry that names another one reported.
 *
 * <pre>{@code
 * Application app = new ApplicationLoader(new LuaSourceCheck(BuiltInModules.standard().names())).load(dir);
 * }</pre>
 *
 * <p>The module names are passed in rather than looked up, because the modules are built on top of
 * this package.
 *
 * <p>Thread-safe: the shapes found so far are kept in a concurrent map, one probe per file.
 */
public final class LuaSourceCheck implements SourceCheck {

    private static final Pattern POSITION = Pattern.compile("^[^\\n]*?:(\\d+): (.*)$", Pattern.DOTALL);

    /** The shape each probed file returned, so that entries sharing a file share one probe. */
    private final Map<Path, EntryPointProbe.Shape> shapes = new ConcurrentHashMap<>();
    /** The module names entries may list, or empty when they are not checked. */
    private final Optional<Set<String>> modules;

    /** A check that compiles and probes sources but accepts any name under {@code modules:}. */
    public LuaSourceCheck() {
        this.modules = Optional.empty();
    }

    /**
     * A check that also rejects a {@code modules:} name outside {@code modules}.
     *
     * @param modules the names of the built-in modules (e.g. {@link LuaModules#names()})
     */
    public LuaSourceCheck(Set<String> modules) {
        // sorted, so that messages list them the same way every run
        this.modules = Optional.of(java.util.Collections.unmodifiableSortedSet(
                new java.util.TreeSet<>(java.util.Objects.requireNonNull(modules, "modules"))));
    }

    @Override
    public Optional<Set<String>> modules() {
        return modules;
    }

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
