package dev.trellis.runtime.lua;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A time zone as the {@code time} module has it (Go's {@code Location}): a name and the rules of a
 * Java zone. {@code time.utc} is named {@code "UTC"}, {@code time.localtz} {@code "Local"} (the
 * JVM's default zone), {@code time.load_location("Europe/Paris")} has its IANA name, and
 * {@code time.fixed_zone("EST", -5 * 3600)} the name it was given, which is also its abbreviation.
 *
 * <pre>{@code
 * local paris = time.load_location("Europe/Paris")
 * paris:string()                      -- "Europe/Paris"; tostring(paris) too
 * t:in_location(paris):format("15:04 MST")
 * }</pre>
 *
 * <p>Immutable; the metatable is frozen and shared.
 */
public final class LuaLocation extends LuaUserdata {

    private static final LuaTable METATABLE = new LuaTable();
    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    /** {@code time.utc}. */
    public static final LuaLocation UTC = new LuaLocation("UTC", ZoneOffset.UTC, true);
    /** {@code time.localtz}: the JVM's default zone, under Go's name for it. */
    public static final LuaLocation LOCAL = new LuaLocation("Local", ZoneId.systemDefault(), false);

    static {
        LuaTable methods = new LuaTable();
        methods.rawset("string", JavaFunction.of("string", (s, a) -> new Object[] {check(a, 0, "string").luaName()}));
        METATABLE.rawset("__index", methods.freeze());
        METATABLE.rawset("__name", "time.Location");
        METATABLE.rawset("__tostring", JavaFunction.of("tostring", (s, a) -> new Object[] {check(a, 0, "tostring").luaName()}));
        METATABLE.freeze();
    }

    private final String name;
    private final ZoneId zone;
    /** A fixed zone's abbreviation is its name, as in Go. */
    private final boolean fixed;

    private LuaLocation(String name, ZoneId zone, boolean fixed) {
        super(null, METATABLE);
        this.name = name;
        this.zone = zone;
        this.fixed = fixed;
    }

    @Override
    public Object value() {
        return this;
    }

    /** {@return a zone of constant offset, named {@code name}} @throws DateTimeException beyond ±18 hours */
    public static LuaLocation fixed(String name, int offsetSeconds) {
        return new LuaLocation(name, ZoneOffset.ofTotalSeconds(offsetSeconds), true);
    }

    /**
     * {@return the zone of an IANA name ({@code "America/New_York"}), {@code "UTC"} or
     * {@code "Local"}, or null when there is none} Offsets such as {@code "+02:00"} are not names.
     */
    public static LuaLocation load(String name) {
        if (name.equals("UTC")) {
            return UTC;
        }
        if (name.equals("Local")) {
            return LOCAL;
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            return null;
        }
        return new LuaLocation(name, ZoneId.of(name), false);
    }

    /** {@return the name Go gives this location} */
    public String name() {
        return name;
    }

    /** {@return the Java zone whose rules this location follows} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return the offset from UTC at {@code at}} */
    public ZoneOffset offsetAt(Instant at) {
        return zone.getRules().getOffset(at);
    }

    /**
     * {@return the zone's abbreviation at {@code at}, as layouts print {@code MST}: {@code "EST"},
     * {@code "CEST"}, a fixed zone's name, or {@code "+03"}/{@code "+0530"} where the zone has none}
     */
    public String abbreviation(Instant at) {
        if (fixed) {
            return name;
        }
        String s = SHORT_NAME.format(at.atZone(zone));
        if (s.startsWith("GMT") && s.length() > 3 || s.startsWith("UTC") && s.length() > 3) {
            int total = offsetAt(at).getTotalSeconds();
            int abs = Math.abs(total);
            String h = String.format("%c%02d", total < 0 ? '-' : '+', abs / 3600);
            return abs % 3600 == 0 ? h : h + String.format("%02d", abs / 60 % 60);
        }
        if (s.equals("GMT") && zone.getId().startsWith("Etc/U") || zone.getId().equals("UTC")) {
            return "UTC";
        }
        return s;
    }

    private String luaName() {
        return LuaStrings.fromJava(name);
    }

    /** {@return the location argument {@code i}; raises a Lua type error naming {@code fname} otherwise} */
    public static LuaLocation check(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaLocation l) {
            return l;
        }
        throw LuaArgs.typeError(a, i, fname, "time.Location");
    }
}
