package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.List;

/**
 * A check of Lua sources at load time, so that syntax errors are reported with every other problem
 * before anything starts. The Lua binding supplies the compiler-backed check; the default finds
 * nothing.
 *
 * <pre>{@code
 * SourceCheck compile = (file, text) -> compiler.syntaxErrors(text).stream()
 *         .map(e -> new SourceCheck.SourceError(e.line(), e.message())).toList();
 * Application app = new ApplicationLoader(compile).load(dir);
 * }</pre>
 *
 * <p>The binding also says which built-in modules exist ({@link #modules()}), so that a misspelled
 * name under {@code modules:} is reported at load time rather than when {@code require} runs.
 *
 * <p>Each source file is checked once, however many entries use it. Must be thread-safe if the
 * loader is shared between threads.
 */
@FunctionalInterface
public interface SourceCheck {

    /** Checks nothing: every source is accepted. */
    SourceCheck NONE = (file, text) -> List.of();

    /** The errors in one Lua file, empty when it compiles. */
    List<SourceError> check(Path file, String text);

    /**
     * Why an entry that runs {@code method} of this file (which compiled) cannot start, if that can
     * be told before anything runs: the source returns nothing, or a table without that function.
     * Default: nothing is found.
     *
     * @param file the Lua file
     * @param text its text
     * @param method the entry's {@code method}
     * @return the problem, or empty
     */
    default java.util.Optional<String> entryPoint(Path file, String text, String method) {
        return java.util.Optional.empty();
    }

    /**
     * The names an entry may list under {@code modules:}, when they are known: a name outside them
     * is then a load-time problem, with a "did you mean" for a near miss. Default: empty, and the
     * names are not checked (the loader cannot know which modules the runtime has).
     *
     * @return the known module names, or empty when any name is accepted
     */
    default java.util.Optional<java.util.Set<String>> modules() {
        return java.util.Optional.empty();
    }

    /** One error in a Lua file: a 1-based line (0 if unknown) and the compiler's message. */
    record SourceError(int line, String message) {
    }
}
