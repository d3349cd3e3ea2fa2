package dev.trellis.runtime.lua;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.runtime.entry.SourceCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler-backed {@link SourceCheck}: a Lua file that does not compile is reported with its
 * line before anything starts.
 *
 * <pre>{@code
 * Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class LuaSourceCheck implements SourceCheck {

    private static final Pattern POSITION = Pattern.compile("^[^\\n]*?:(\\d+): (.*)$", Pattern.DOTALL);

    @Override
    public List<SourceError> check(Path file, String text) {
        try {
            LuaState.compile(LuaStrings.fromBytes(text.getBytes(StandardCharsets.UTF_8)), "=" + file.getFileName());
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
