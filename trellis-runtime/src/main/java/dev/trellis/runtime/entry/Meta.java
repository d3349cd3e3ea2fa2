package dev.trellis.runtime.entry;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An entry's {@code meta:} map: free-form, with a few keys Trellis reads.
 *
 * <pre>{@code
 * // meta: {type: test, suite: linking, order: 2, description: "LINK_DOWN reaches a trapping parent"}
 * meta.isTest();       // true
 * meta.suite();        // Optional[linking]
 * meta.order();        // OptionalLong[2]
 * meta.get("title");   // Optional.empty
 * }</pre>
 *
 * <p>Values are what YAML gave: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List}, {@code Map} (insertion-ordered), or {@code null}. Keys read by Trellis:
 * {@code type} ({@code test} marks a test function), {@code suite}, {@code order},
 * {@code description}, {@code default_host} (the host of an auto-started {@code process.lua}),
 * {@code timeout} (how long a test may run; a Go duration, checked at load), {@code isolated} (a
 * test with a boot of the app of its own).
 */
public record Meta(Map<String, Object> values) {

    public static final Meta EMPTY = new Meta(Map.of());

    /** The {@code meta.type} that makes a {@code function.lua} a test. */
    public static final String TEST_TYPE = "test";

    public Meta {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value under {@code key} if it is a string. */
    public Optional<String> string(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<String> type() {
        return string("type");
    }

    /** {@code meta.type: test}. */
    public boolean isTest() {
        return type().filter(TEST_TYPE::equals).isPresent();
    }

    public Optional<String> suite() {
        return string("suite");
    }

    public Optional<String> description() {
        return string("description");
    }

    /** {@code meta.timeout}: how long a test may run, when given (the loader has checked it is a positive duration). */
    public Optional<Duration> timeout() {
        try {
            return string("timeout").map(GoDuration::parse).filter(d -> !d.isZero() && !d.isNegative());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code meta.isolated: true}: the test runs on a boot of the app of its own. */
    public boolean isolated() {
        return Boolean.TRUE.equals(values.get("isolated"));
    }

    /** {@code meta.order}, when it is an integer. */
    public OptionalLong order() {
        return values.get("order") instanceof Long order ? OptionalLong.of(order) : OptionalLong.empty();
    }
}
