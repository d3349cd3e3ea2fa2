package dev.trellis.core;

/**
 * A process identifier, with Wippy's string form {@code {host|0x0001f}}, or {@code {node@host|0x0001f}}
 * when the node has a name. The zero pid {@code {|}} ({@link #ZERO}) is the sender of runtime-originated
 * messages and events (e.g. the CANCEL sent by a host shutdown).
 *
 * <pre>{@code
 * Pid pid = node.spawn(proc -> null);
 * String s = pid.toString();          // "{main|0x00001}"
 * assert Pid.parse(s).equals(pid);    // lossless round trip
 * }</pre>
 *
 * <p>Immutable and thread-safe. The uniq id is a per-node counter rendered as {@code 0x} followed by at
 * least five lowercase hex digits.
 *
 * @param node the node name, {@code ""} when the node has none
 * @param host the host id, e.g. {@code "app:processes"}
 * @param id the per-node unique id (positive for real processes, 0 for {@link #ZERO})
 */
public record Pid(String node, String host, long id) {

    /** The zero pid {@code {|}}: "no process", the sender of runtime-originated signals. */
    public static final Pid ZERO = new Pid("", "", 0);

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is null, {@code id} is negative, or a name
     *     contains one of the separator characters {@code { } | @}
     */
    public Pid {
        if (node == null) {
            throw new IllegalArgumentException("pid node must not be null");
        }
        if (host == null) {
            throw new IllegalArgumentException("pid host must not be null");
        }
        if (id < 0) {
            throw new IllegalArgumentException("pid id must be >= 0, got " + id);
        }
        if (hasSeparator(node) || hasSeparator(host)) {
            throw new IllegalArgumentException(
                    "pid node and host must not contain '{', '}', '|' or '@': " + node + ", " + host);
        }
    }

    /**
     * Rejects a missing pid argument. Every core method that takes a pid (or its text) checks
     * through here, so the error reads the same wherever it comes from.
     *
     * @param pid the argument, a {@link Pid} or its string form
     * @throws IllegalArgumentException "pid must not be null" if {@code pid} is null
     */
    static void requireNonNull(Object pid) {
        if (pid == null) {
            throw new IllegalArgumentException("pid must not be null");
        }
    }

    /** {@return whether this is the zero pid {@code {|}}} */
    public boolean isZero() {
        return id == 0 && host.isEmpty() && node.isEmpty();
    }

    /**
     * Parses the string form written by {@link #toString()}.
     *
     * @param text e.g. {@code "{app:processes|0x0001f}"}, {@code "{n1@app:processes|0x0001f}"} or
     *     {@code "{|}"}
     * @return the pid
     * @throws IllegalArgumentException if {@code text} is null or not a pid
     */
    public static Pid parse(String text) {
        requireNonNull(text);
        if (text.length() < 3 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalArgumentException("malformed pid '" + text + "': expected {host|0x...}");
        }
        String inner = text.substring(1, text.length() - 1);
        int bar = inner.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("malformed pid '" + text + "': missing '|'");
        }
        String left = inner.substring(0, bar);
        String uniq = inner.substring(bar + 1);
        if (left.isEmpty() && uniq.isEmpty()) {
            return ZERO;
        }
        int at = left.indexOf('@');
        String node = at < 0 ? "" : left.substring(0, at);
        String host = at < 0 ? left : left.substring(at + 1);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("malformed pid '" + text + "': empty host");
        }
        if (!uniq.startsWith("0x") || uniq.length() < 3) {
            throw new IllegalArgumentException("malformed pid '" + text + "': uniq id must be 0x<hex>");
        }
        long id;
        try {
            id = Long.parseUnsignedLong(uniq.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed pid '" + text + "': uniq id must be 0x<hex>", e);
        }
        if (id <= 0) {
            throw new IllegalArgumentException("malformed pid '" + text + "': uniq id must be positive");
        }
        try {
            return new Pid(node, host, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed pid '" + text + "': " + e.getMessage(), e);
        }
    }

    /** {@return the uniq id in Wippy's form: {@code 0x} + at least 5 lowercase hex digits} */
    public String uniq() {
        if (isZero()) {
            return "";
        }
        String hex = Long.toHexString(id);
        return hex.length() >= 5 ? "0x" + hex : "0x" + "00000".substring(hex.length()) + hex;
    }

    @Override
    public String toString() {
        if (isZero()) {
            return "{|}";
        }
        return node.isEmpty()
                ? "{" + host + "|" + uniq() + "}"
                : "{" + node + "@" + host + "|" + uniq() + "}";
    }

    private static boolean hasSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '}' || c == '|' || c == '@') {
                return true;
            }
        }
        return false;
    }
}
