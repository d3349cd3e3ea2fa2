package dev.trellis.runtime.entry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns composed YAML nodes (YAML 1.2 core schema) into plain Java values: {@code String},
 * {@code Long} (or {@code BigInteger} past 64 bits), {@code Double}, {@code Boolean}, {@code null},
 * {@code List} and insertion-ordered {@code Map<String, Object>}.
 *
 * <pre>{@code
 * Object v = YamlValues.toJava(node);   // "input: [a, 2, true]" gives List.of("a", 2L, true)
 * }</pre>
 */
final class YamlValues {

    /** Deeper nesting than this is almost surely an alias loop; it is cut off with an error. */
    private static final int MAX_DEPTH = 64;

    private YamlValues() {
    }

    static Object toJava(Node node) {
        return toJava(node, 0);
    }

    private static Object toJava(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels (an alias loop?)");
        }
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar);
            case SequenceNode sequence -> {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    list.add(toJava(item, depth + 1));
                }
                yield java.util.Collections.unmodifiableList(list);
            }
            case MappingNode mapping -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    map.put(String.valueOf(toJava(tuple.getKeyNode(), depth + 1)), toJava(tuple.getValueNode(), depth + 1));
                }
                yield java.util.Collections.unmodifiableMap(map);
            }
            default -> throw new IllegalArgumentException("unsupported YAML node " + node.getNodeType());
        };
    }

    /** The Java value of a scalar, by the tag the core schema resolved (or an explicit tag). */
    static Object scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return text.toLowerCase(Locale.ROOT).equals("true");
        }
        if (Tag.INT.equals(tag)) {
            return integer(text);
        }
        if (Tag.FLOAT.equals(tag)) {
            return floating(text);
        }
        return text;
    }

    /** A type name for error messages: {@code string "x"}, {@code integer 5}, {@code a list}, … */
    static String describe(Node node) {
        return switch (node) {
            case ScalarNode scalar -> {
                Object value = scalar(scalar);
                yield switch (value) {
                    case null -> "null";
                    case String s -> "string \"" + s + "\"";
                    case Boolean b -> "boolean " + b;
                    case Double d -> "number " + scalar.getValue();
                    default -> "integer " + scalar.getValue();
                };
            }
            case SequenceNode sequence -> "a list";
            case MappingNode mapping -> "a mapping";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static Object integer(String text) {
        String s = text.startsWith("+") ? text.substring(1) : text;
        BigInteger value;
        if (s.startsWith("0x")) {
            value = new BigInteger(s.substring(2), 16);
        } else if (s.startsWith("0o")) {
            value = new BigInteger(s.substring(2), 8);
        } else {
            value = new BigInteger(s);
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Double floating(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        return switch (s) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
