package dev.trellis.runtime.lua;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs as the {@code uuid} module makes and reads them: versions 1 (time and node), 3 and 5
 * (MD5/SHA-1 of a namespace and a name), 4 (random) and 7 (Unix milliseconds, then random), and a
 * parser for the four usual spellings (hyphenated, 32 hex digits, {@code urn:uuid:…},
 * {@code {…}}).
 *
 * <pre>{@code
 * UUID id = Uuids.v7();
 * UUID back = Uuids.parse("urn:uuid:" + id);   // null when the text is no UUID
 * Uuids.version(back) == 7;  Uuids.variant(back).equals("RFC4122");
 * }</pre>
 *
 * <p>Thread-safe: v1 and v7 keep their last timestamp under a lock so that ids made in one JVM
 * never repeat and v7 ids from one JVM sort in the order they were made.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 100-ns intervals between the Gregorian reform (1582-10-15) and the Unix epoch. */
    private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;
    /** v1: a random node id with the multicast bit set (no hardware address is read), and clock sequence. */
    private static final long NODE = (RANDOM.nextLong() & 0xFFFF_FFFF_FFFFL) | 0x0100_0000_0000L;
    private static final int CLOCK_SEQUENCE = RANDOM.nextInt(1 << 14);
    private static final Object LOCK = new Object();
    private static long lastV1Ticks;
    private static long lastV7Millis;
    private static int v7Sequence;

    private Uuids() {
    }

    /** {@return a random (version 4) UUID} */
    public static UUID v4() {
        return UUID.randomUUID();
    }

    /** {@return a time-based (version 1) UUID: 100-ns ticks since 1582, clock sequence, node} */
    public static UUID v1() {
        long ticks;
        synchronized (LOCK) {
            long now = System.currentTimeMillis() * 10_000 + GREGORIAN_OFFSET + (System.nanoTime() / 100 % 10_000);
            ticks = now > lastV1Ticks ? now : lastV1Ticks + 1;
            lastV1Ticks = ticks;
        }
        long msb = (ticks & 0xFFFF_FFFFL) << 32            // time_low
                | ((ticks >>> 32) & 0xFFFFL) << 16          // time_mid
                | 0x1000L | ((ticks >>> 48) & 0x0FFFL);     // version 1, time_hi
        long lsb = (0x8000L | CLOCK_SEQUENCE) << 48 | NODE;
        return new UUID(msb, lsb);
    }

    /** {@return a version 7 UUID: 48 bits of Unix milliseconds, a 12-bit sequence, 62 random bits} */
    public static UUID v7() {
        long millis;
        int sequence;
        synchronized (LOCK) {
            millis = System.currentTimeMillis();
            if (millis <= lastV7Millis) {
                millis = lastV7Millis;
                v7Sequence++;
                if (v7Sequence > 0xFFF) {   // 4096 ids in one millisecond: borrow the next one
                    millis++;
                    v7Sequence = 0;
                }
            } else {
                v7Sequence = RANDOM.nextInt(1 << 11);   // start low so that the sequence has room to grow
            }
            lastV7Millis = millis;
            sequence = v7Sequence;
        }
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** {@return the version 3 UUID of {@code name} (its bytes) in {@code namespace}} */
    public static UUID v3(UUID namespace, byte[] name) {
        return hashed("MD5", 3, namespace, name);
    }

    /** {@return the version 5 UUID of {@code name} (its bytes) in {@code namespace}} */
    public static UUID v5(UUID namespace, byte[] name) {
        return hashed("SHA-1", 5, namespace, name);
    }

    private static UUID hashed(String algorithm, int version, UUID namespace, byte[] name) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
        md.update(toBytes(namespace));
        md.update(name);
        byte[] h = md.digest();
        h[6] = (byte) ((h[6] & 0x0F) | version << 4);
        h[8] = (byte) ((h[8] & 0x3F) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (h[i] & 0xFF);
            lsb = lsb << 8 | (h[i + 8] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[i + 8] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }

    /**
     * {@return the UUID {@code text} spells, or null} Accepted: {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx},
     * the same in braces or after {@code urn:uuid:}, and 32 hex digits; hex in either case.
     */
    public static UUID parse(String text) {
        String s = text;
        if (s.length() == 45 && s.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            s = s.substring(9);
        } else if (s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
            s = s.substring(1, 37);
        }
        String hex;
        if (s.length() == 36) {
            if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
                return null;
            }
            hex = s.substring(0, 8) + s.substring(9, 13) + s.substring(14, 18) + s.substring(19, 23) + s.substring(24);
        } else if (s.length() == 32) {
            hex = s;
        } else {
            return null;
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 32; i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0 || hex.charAt(i) > 'f') {
                return null;   // Character.digit also takes non-ASCII digits
            }
            if (i < 16) {
                msb = msb << 4 | d;
            } else {
                lsb = lsb << 4 | d;
            }
        }
        return new UUID(msb, lsb);
    }

    /** {@return the version nibble (0–15)} */
    public static int version(UUID u) {
        return (int) (u.getMostSignificantBits() >>> 12 & 0xF);
    }

    /** {@return the variant's name from the top bits of byte 8: RFC4122, Microsoft, Future or Reserved} */
    public static String variant(UUID u) {
        int b = (int) (u.getLeastSignificantBits() >>> 56 & 0xFF);
        if ((b & 0xC0) == 0x80) {
            return "RFC4122";
        }
        if ((b & 0xE0) == 0xC0) {
            return "Microsoft";
        }
        if ((b & 0xE0) == 0xE0) {
            return "Future";
        }
        return "Reserved";
    }

    /** {@return the Unix seconds a version 1 or 7 UUID carries} */
    public static long unixSeconds(UUID u) {
        long msb = u.getMostSignificantBits();
        if (version(u) == 7) {
            return Math.floorDiv(msb >>> 16, 1000);
        }
        long ticks = (msb & 0x0FFFL) << 48 | (msb >>> 16 & 0xFFFFL) << 32 | msb >>> 32;
        return Math.floorDiv(ticks - GREGORIAN_OFFSET, 10_000_000L);
    }

    /** {@return the 48-bit node of a version 1 UUID as its 6 bytes, one char per byte (a Lua string)} */
    public static String nodeBytes(UUID u) {
        char[] c = new char[6];
        for (int i = 0; i < 6; i++) {
            c[i] = (char) (u.getLeastSignificantBits() >>> (40 - 8 * i) & 0xFF);
        }
        return new String(c);
    }
}
