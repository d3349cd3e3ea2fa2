package dev.trellis.runtime.lua;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Calendar arithmetic the way Go's {@code time} package does it, for the {@code time} module:
 * dates whose fields overflow are carried over ({@code time.date(2024, 2, 30, …)} is March 1),
 * local times in a zone become instants, and rounding counts from Go's zero time
 * (0001-01-01 UTC), not from the zone's midnight.
 *
 * <pre>{@code
 * long s = GoDates.epochSecondIn(GoDates.normalized(2024, 13, 1, 0, 0, 0), LuaLocation.UTC);  // 2025-01-01
 * GoDates.truncate(s, 0, 60_000_000_000L);   // to the whole minute
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class GoDates {

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private GoDates() {
    }

    /**
     * {@return the local date-time that the fields mean, with overflow carried over as Go does}
     * Months beyond 12 go to the next years, days beyond the month's end to the next months, and
     * likewise for negative values and for hours, minutes and seconds.
     */
    public static LocalDateTime normalized(long year, long month, long day, long hour, long minute, long second) {
        long m0 = month - 1;
        long y = year + Math.floorDiv(m0, 12);
        LocalDate first = LocalDate.of(Math.toIntExact(y), (int) Math.floorMod(m0, 12) + 1, 1);
        return first.atStartOfDay().plusDays(day - 1).plusHours(hour).plusMinutes(minute).plusSeconds(second);
    }

    /**
     * {@return the Unix second at which {@code loc}'s clocks show {@code local}} In a gap (clocks
     * moved forward) the later offset applies; in an overlap, the earlier one.
     */
    public static long epochSecondIn(LocalDateTime local, LuaLocation loc) {
        return local.atZone(loc.zone()).toEpochSecond();
    }

    /** {@return {@code seconds, nanos} truncated to a multiple of {@code d} nanoseconds since Go's zero time, as {seconds, nanos}} */
    public static long[] truncate(long seconds, int nanos, long d) {
        if (d <= 0) {
            return new long[] {seconds, nanos};
        }
        BigInteger abs = sinceZero(seconds, nanos);
        return fromZero(abs.subtract(abs.mod(BigInteger.valueOf(d))));
    }

    /** {@return the nearest multiple of {@code d} nanoseconds since Go's zero time (halves away from zero), as {seconds, nanos}} */
    public static long[] round(long seconds, int nanos, long d) {
        if (d <= 0) {
            return new long[] {seconds, nanos};
        }
        BigInteger abs = sinceZero(seconds, nanos);
        BigInteger dd = BigInteger.valueOf(d);
        BigInteger r = abs.mod(dd);
        BigInteger down = abs.subtract(r);
        return fromZero(r.shiftLeft(1).compareTo(dd) < 0 ? down : down.add(dd));
    }

    private static BigInteger sinceZero(long seconds, int nanos) {
        return BigInteger.valueOf(seconds - GoLayout.ZERO_TIME_EPOCH_SECOND).multiply(BILLION).add(BigInteger.valueOf(nanos));
    }

    private static long[] fromZero(BigInteger n) {
        BigInteger[] qr = n.divideAndRemainder(BILLION);
        return new long[] {qr[0].longValueExact() + GoLayout.ZERO_TIME_EPOCH_SECOND, qr[1].longValue()};
    }

    /** {@return Go's {@code t.Sub(u)} in nanoseconds, saturated at the ends of 64 bits} */
    public static long between(long tSeconds, int tNanos, long uSeconds, int uNanos) {
        long ds = tSeconds - uSeconds;   // epoch seconds of representable dates are far from overflowing
        try {
            return Math.addExact(Math.multiplyExact(ds, 1_000_000_000L), tNanos - uNanos);
        } catch (ArithmeticException tooFar) {
            return ds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
