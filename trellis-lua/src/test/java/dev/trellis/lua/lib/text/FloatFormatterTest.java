package dev.trellis.lua.lib.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The %.14g shortcut (shortest digits) agrees with exact rounding for any double. */
class FloatFormatterTest {

    @Test
    void g14ShortcutAgreesWithExactRounding() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            assertThat(FloatFormatter.g14(d)).as("bits %x", Double.doubleToRawLongBits(d)).isEqualTo(exactG14(d));
        }
        for (int i = 0; i < 20_000; i++) {
            double d = rnd.nextInt(2_000_000) / 1000.0 - 1000; // short decimals, the common case
            assertThat(FloatFormatter.g14(d)).isEqualTo(exactG14(d));
        }
    }

    /** %.14g by the definition: round the exact value to 14 digits, choose the style, strip zeros. */
    private static String exactG14(double d) {
        BigDecimal bd = new BigDecimal(Math.abs(d)).round(new MathContext(14, RoundingMode.HALF_EVEN));
        int x = bd.precision() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        String digits = bd.unscaledValue().toString().replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        if (x < -4 || x >= 14) {
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return sign + mant + "e" + (x < 0 ? "-" : "+") + (Math.abs(x) < 10 ? "0" : "") + Math.abs(x);
        }
        String plain = bd.stripTrailingZeros().toPlainString();
        return sign + plain;
    }

    @Test
    void hexFloatsRoundHalfToEvenWithoutRenormalising() {
        StringBuilder b = new StringBuilder();
        FloatFormatter.format(b, 1.5, 'a', 0, 0, 0);
        b.append('|');
        FloatFormatter.format(b, 2.5, 'a', 0, 0, 0);
        b.append('|');
        FloatFormatter.format(b, 0x1.ffp0, 'A', 0, 0, 1);
        assertThat(b.toString()).isEqualTo("0x2p+0|0x1p+1|0X2.0P+0");
    }
}
