package dev.trellis.runtime.entry;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Typed reads of one YAML mapping, each reporting a {@link Problem} at the offending line instead
 * of throwing, so that a whole file is checked in one pass.
 *
 * <pre>{@code
 * Fields host = entry.mapping("host").orElse(null);              // nested: paths read "host.workers"
 * int workers = host.positiveInt("workers").orElse(defaultWorkers);
 * host.rejectUnknown("process.host");                            // "unknown field 'host.worker' ..."
 * }</pre>
 *
 * <p>A getter returns empty when the field is absent or wrong (the problem is then recorded); the
 * caller substitutes the default and goes on. Every key a getter asks for counts as known; keys never
 * asked for are reported by {@link #rejectUnknown}.
 */
final class Fields {

    private final MappingNode node;
    private final Path file;
    private final EntryId entry;      // null for file-level mappings
    private final String prefix;      // "" or "host." / "lifecycle.restart."
    private final Problems problems;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    Fields(MappingNode node, Path file, EntryId entry, String prefix, Problems problems) {
        this.node = node;
        this.file = file;
        this.entry = entry;
        this.prefix = prefix;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(tuple.getKeyNode(), "a key must be a plain string, got " + YamlValues.describe(tuple.getKeyNode()));
                continue;
            }
            if (byKey.putIfAbsent(key.getValue(), tuple) != null) {
                problem(key, "duplicate key '" + path(key.getValue()) + "' (first at line "
                        + line(byKey.get(key.getValue()).getKeyNode()) + ")");
            }
        }
    }

    // ---- locations and problems -------------------------------------------------------------------

    Location location() {
        return at(node);
    }

    Location at(Node n) {
        return new Location(file, line(n));
    }

    static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    void problem(Node at, String message) {
        problems.add(at(at), entry, message);
    }

    /** A problem of the mapping as a whole, reported at its first line. */
    void problemAtEntry(String message) {
        problems.add(location(), entry, message);
    }

    /** {@code prefix + key}: the dotted name of a field, as messages show it. */
    String path(String key) {
        return prefix + key;
    }

    Path file() {
        return file;
    }

    // ---- presence ---------------------------------------------------------------------------------

    boolean has(String key) {
        known.add(key);
        return byKey.containsKey(key);
    }

    Optional<Node> node(String key) {
        known.add(key);
        NodeTuple tuple = byKey.get(key);
        return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
    }

    /** Keys accepted and deliberately not read (documented as ignored). */
    void ignore(String... keys) {
        known.addAll(List.of(keys));
    }

    List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** Reports every key no getter asked for: {@code unknown field 'x' in <what> (known: ...)}. */
    void rejectUnknown(String what) {
        for (Map.Entry<String, NodeTuple> field : byKey.entrySet()) {
            if (!known.contains(field.getKey())) {
                problem(field.getValue().getKeyNode(), "unknown field '" + path(field.getKey()) + "'"
                        + Spelling.didYouMean(field.getKey(), known) + " in " + what
                        + " (known fields: " + String.join(", ", known) + ")");
            }
        }
    }

    // ---- typed getters ------------------------------------------------------------------------------

    Optional<String> string(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode scalar && YamlValues.scalar(scalar) instanceof String s) {
                return Optional.of(s);
            }
            problem(n, "field '" + path(key) + "' must be a string, got " + YamlValues.describe(n));
            return Optional.empty();
        });
    }

    Optional<String> requiredString(String key) {
        if (!has(key)) {
            problems.add(location(), entry, "missing field '" + path(key) + "'");
            return Optional.empty();
        }
        Optional<String> value = string(key);
        if (value.isPresent() && value.get().isBlank()) {
            problem(node(key).orElseThrow(), "field '" + path(key) + "' must not be empty");
            return Optional.empty();
        }
        return value;
    }

    Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode scalar && YamlValues.scalar(scalar) instanceof Boolean b) {
                return Optional.of(b);
            }
            problem(n, "field '" + path(key) + "' must be true or false, got " + YamlValues.describe(n));
            return Optional.empty();
        });
    }

    /** An integer {@code >= min}. */
    Optional<Integer> integer(String key, int min) {
        return node(key).flatMap(n -> {
            Object value = n instanceof ScalarNode scalar ? YamlValues.scalar(scalar) : null;
            String expected = min == 1 ? "a positive integer" : "an integer >= " + min;
            if (value instanceof Long l && l >= min && l <= Integer.MAX_VALUE) {
                return Optional.of(l.intValue());
            }
            if (value instanceof BigInteger || value instanceof Long l && l > Integer.MAX_VALUE) {
                problem(n, "field '" + path(key) + "' must be " + expected + " (at most " + Integer.MAX_VALUE
                        + "), got " + YamlValues.describe(n));
            } else {
                problem(n, "field '" + path(key) + "' must be " + expected + ", got " + YamlValues.describe(n));
            }
            return Optional.empty();
        });
    }

    /** Any number (integer or decimal), as a double. */
    Optional<Double> number(String key) {
        return node(key).flatMap(n -> {
            Object value = n instanceof ScalarNode scalar ? YamlValues.scalar(scalar) : null;
            if (value instanceof Number number && !(value instanceof BigInteger)) {
                return Optional.of(number.doubleValue());
            }
            problem(n, "field '" + path(key) + "' must be a number, got " + YamlValues.describe(n));
            return Optional.empty();
        });
    }

    /** A Go duration string such as {@code "5s"} or {@code "1m30s"}. */
    Optional<Duration> duration(String key) {
        return node(key).flatMap(n -> {
            if (!(n instanceof ScalarNode scalar) || !(YamlValues.scalar(scalar) instanceof String text)) {
                problem(n, "field '" + path(key) + "' must be a duration such as \"5s\" or \"100ms\", got "
                        + YamlValues.describe(n));
                return Optional.empty();
            }
            try {
                return Optional.of(GoDuration.parse(text));
            } catch (IllegalArgumentException e) {
                problem(n, "field '" + path(key) + "': " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A list of strings; a single string is not accepted (write {@code [time]}). */
    Optional<List<String>> stringList(String key) {
        return node(key).flatMap(n -> {
            if (!(n instanceof SequenceNode sequence)) {
                problem(n, "field '" + path(key) + "' must be a list of strings, got " + YamlValues.describe(n));
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            boolean ok = true;
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && YamlValues.scalar(scalar) instanceof String s) {
                    values.add(s);
                } else {
                    problem(item, "field '" + path(key) + "' must hold strings only, got " + YamlValues.describe(item));
                    ok = false;
                }
            }
            return ok ? Optional.of(List.copyOf(values)) : Optional.empty();
        });
    }

    /** A nested mapping, read with paths prefixed {@code key.}. */
    Optional<Fields> mapping(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof MappingNode mapping) {
                return Optional.of(new Fields(mapping, file, entry, path(key) + ".", problems));
            }
            problem(n, "field '" + path(key) + "' must be a mapping, got " + YamlValues.describe(n));
            return Optional.empty();
        });
    }

    /**
     * A list of mappings, each read with paths prefixed {@code key[i].}; an item that is not a
     * mapping is reported and left out.
     */
    Optional<List<Fields>> mappingList(String key) {
        return node(key).flatMap(n -> {
            if (!(n instanceof SequenceNode sequence)) {
                problem(n, "field '" + path(key) + "' must be a list of mappings, got " + YamlValues.describe(n));
                return Optional.empty();
            }
            List<Fields> items = new ArrayList<>();
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof MappingNode mapping) {
                    items.add(new Fields(mapping, file, entry, path(key) + "[" + i + "].", problems));
                } else {
                    problem(values.get(i), "field '" + path(key) + "[" + i + "]' must be a mapping, got "
                            + YamlValues.describe(values.get(i)));
                }
            }
            return Optional.of(items);
        });
    }

    /** Any YAML value as plain Java (see {@link YamlValues}). */
    Optional<Object> value(String key) {
        return node(key).flatMap(n -> {
            try {
                return Optional.ofNullable(YamlValues.toJava(n));
            } catch (IllegalArgumentException e) {
                problem(n, "field '" + path(key) + "': " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The node of a key's value, for reporting at that line. */
    Node valueNode(String key) {
        return byKey.get(key).getValueNode();
    }
}
