package dev.trellis.runtime.entry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The registry id of an entry: {@code namespace:name}, e.g. {@code app.workers:task_worker}.
 *
 * <pre>{@code
 * EntryId id = EntryId.parse("app.workers:task_worker");
 * id.namespace();                                        // "app.workers"
 * EntryId.resolve("task_worker", "app.workers");         // bare name: same namespace as the referrer
 * }</pre>
 *
 * <p>The namespace is dot-separated ({@code app.workers}); the name may contain dots too
 * ({@code get_user.endpoint}). Parsing splits at the first {@code :}, as Wippy does. Ids order by
 * their text, so every listing of entries is deterministic.
 */
public record EntryId(String namespace, String name) implements Comparable<EntryId> {

    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public EntryId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (!isValidNamespace(namespace)) {
            throw new IllegalArgumentException("invalid namespace '" + namespace
                    + "': use dot-separated words of letters, digits, '_' and '-' (e.g. app.workers)");
        }
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid entry name '" + name
                    + "': use letters, digits, '_', '-' and '.' (e.g. task_worker)");
        }
    }

    /** Parses {@code namespace:name}; throws {@link IllegalArgumentException} naming the text otherwise. */
    public static EntryId parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("entry id '" + text + "' must be namespace:name (e.g. app:processes)");
        }
        return new EntryId(text.substring(0, colon), text.substring(colon + 1));
    }

    /** {@return the id {@code text} spells as {@code namespace:name}, or null when it spells none} */
    public static EntryId parseOrNull(String text) {
        try {
            return text == null ? null : parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Resolves a reference written in an entry: a full id, or a bare name that defaults to the
     * referring entry's namespace ({@code "worker"} in namespace {@code app} is {@code app:worker}).
     */
    public static EntryId resolve(String reference, String defaultNamespace) {
        Objects.requireNonNull(reference, "reference");
        return reference.indexOf(':') >= 0 ? parse(reference) : new EntryId(defaultNamespace, reference);
    }

    public static boolean isValidNamespace(String namespace) {
        return NAMESPACE.matcher(namespace).matches();
    }

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    @Override
    public int compareTo(EntryId other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return namespace + ":" + name;
    }
}
