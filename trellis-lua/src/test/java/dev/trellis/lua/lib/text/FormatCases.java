package dev.trellis.lua.lib.text;

/** string.format. Cases with PUC Lua 5.4's answers, recorded by {@code puc-cases.lua}. */
final class FormatCases {
    private FormatCases() {
    }

    static final String CASES = """
> format("%d", 42)
= "42"
> format("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42)
= "   42|42   |00042|+42| 42"
> format("%d", -42)
= "-42"
> format("%.3d|%.0d|%.0d|%5.3d", 7, 0, 1, 7)
= "007||1|  007"
> format("%d", 3.0)
= "3"
> format("%d", 3.5)
= E: bad argument #2 to 'format' (number has no integer representation)
> format("%d", "10")
= "10"
> format("%d", "3.0")
= "3"
> format("%d", "0x10")
= "16"
> format("%d", "x")
= E: bad argument #2 to 'format' (number expected, got string)
> format("%d", true)
= E: bad argument #2 to 'format' (number expected, got boolean)
> format("%d", nil)
= E: bad argument #2 to 'format' (number expected, got nil)
> format("%d")
= E: bad argument #2 to 'format' (no value)
> format("%d %d", 1)
= E: bad argument #3 to 'format' (no value)
> format("%i", mininteger)
= "-9223372036854775808"
> format("%d", maxinteger)
= "9223372036854775807"
> format("%u", -1)
= "18446744073709551615"
> format("%x|%X|%#x|%#X|%o|%#o|%#o", 255, 255, 255, 255, 8, 8, 0)
= "ff|FF|0xff|0XFF|10|010|0"
> format("%#x", 0)
= "0"
> format("%x", -1)
= "ffffffffffffffff"
> format("%08x|%-8x|%8.4x", 255, 255, 255)
= "000000ff|ff      |    00ff"
> format("%c%c%c", 72, 105, 0)
= "Hi\\000"
> format("%5c|%-5c", 65, 66)
= "    A|B    "
> format("%c", 321)
= "A"
> format("%f", 3.14159)
= "3.141590"
> format("%.2f|%10.3f|%-10.1f|%+.1f|% .1f|%010.2f", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, -3.14159)
= "3.14|     3.142|3.1       |+3.1| 3.1|-000003.14"
> format("%.0f|%.0f|%.0f|%.0f", 0.5, 1.5, 2.5, -0.5)
= "0|2|2|-0"
> format("%#.0f", 3.0)
= "3."
> format("%f", 1e300)
= "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"
> format("%.99f", 0.1)
= "0.100000000000000005551115123125782702118158340454101562500000000000000000000000000000000000000000000"
> format("%f", 42)
= "42.000000"
> format("%f", "1.5")
= "1.500000"
> format("%f", "abc")
= E: bad argument #2 to 'format' (number expected, got string)
> format("%e|%E|%.2e|%.0e|%#.0e|%12.3e", 12345.678, 12345.678, 0.000123, 5e10, 5e10, -1.5)
= "1.234568e+04|1.234568E+04|1.23e-04|5e+10|5.e+10|  -1.500e+00"
> format("%e", 0.0)
= "0.000000e+00"
> format("%g|%g|%g|%g|%g|%g", 100000, 1000000, 0.0001, 0.00001, 1e20, 123.456)
= "100000|1e+06|0.0001|1e-05|1e+20|123.456"
> format("%G|%.3g|%#g|%#.3g|%.0g|%10.4g|%-10g|", 1e-10, 1234567.0, 1.5, 1.0, 123.0, 3.14159, 2.5)
= "1E-10|1.23e+06|1.50000|1.00|1e+02|     3.142|2.5       |"
> format("%g", -0.0)
= "-0"
> format("%g", 1e-320)
= "9.99989e-321"
> format("%.14g", 0.1)
= "0.1"
> format("%.17g", 0.1)
= "0.10000000000000001"
> format("%.20g", 0.3333333333333333)
= "0.33333333333333331483"
> format("%a|%A|%a|%a|%a", 1.0, 1.0, 0.5, -2.5, 0.1)
= "0x1p+0|0X1P+0|0x1p-1|-0x1.4p+1|0x1.999999999999ap-4"
> format("%a|%a", 0.0, -0.0)
= "0x0p+0|-0x0p+0"
> format("%a", 4.9406564584124654e-324)
= "0x0.0000000000001p-1022"
> format("%a", 2.2250738585072014e-308)
= "0x1p-1022"
> format("%a", 1.7976931348623157e308)
= "0x1.fffffffffffffp+1023"
> format("%.0a|%.1a|%.3a|%.20a|%#a|%#.0a", 1.5, 1.96875, 0.3333333333333333, 1.0, 1.0, 1.0)
= "0x2p+0|0x2.0p+0|0x1.555p-2|0x1.00000000000000000000p+0|0x1.p+0|0x1.p+0"
> format("%.0a|%.0a|%.1a|%.1a", 2.5, 0.5, 1.03125, 1.09375)
= "0x1p+1|0x1p-1|0x1.0p+0|0x1.2p+0"
> format("%-12a|%012a|%+a|% a", 1.0, 1.0, 1.0, 1.0)
= "0x1p+0      |0x0000001p+0|+0x1p+0| 0x1p+0"
> format("%f|%e|%g|%a", inf, inf, inf, inf)
= "inf|inf|inf|inf"
> format("%F|%E|%G|%A", inf, -inf, inf, -inf)
= E: invalid conversion '%F' to 'format'
> format("%5f|%-6f|%06f|%+f|% f", inf, inf, -inf, inf, inf)
= "  inf|inf   |  -inf|+inf| inf"
> format("%f|%.1f|%g", nan, nan, nan)
= "-nan|-nan|-nan"
> format("%s", "hello")
= "hello"
> format("%s|%s|%s|%s|%s", 1, 2.0, true, nil, -0.0)
= "1|2.0|true|nil|-0.0"
> format("%10s|%-10s|%.2s|%5.1s|%.0s|", "abc", "abc", "abc", "abc", "abc")
= "       abc|abc       |ab|    a||"
> format("%s", "a\\0b")
= "a\\000b"
> format("%5s", "a\\0b")
= E: bad argument #2 to 'format' (string contains zeros)
> format("%.20s", "a\\0b")
= E: bad argument #2 to 'format' (string contains zeros)
> format("%s%%", 50)
= "50%"
> format("%%")
= "%"
> format("100%%")
= "100%"
> format("%q", "hello")
= "\\034hello\\034"
> format("%q", "a\\nb\\"c\\\\d\\re\\0f\\1g\\0012\\127\\200\\255")
= "\\034a\\092\\010b\\092\\034c\\092\\092d\\09213e\\0920f\\0921g\\0920012\\092127\\200\\255\\034"
> format("%q", "\\r\\n")
= "\\034\\09213\\092\\010\\034"
> format("%q", "\\0009")
= "\\034\\0920009\\034"
> format("%q|%q|%q|%q", 1, -5, 0, maxinteger)
= "1|-5|0|9223372036854775807"
> format("%q", mininteger)
= "0x8000000000000000"
> format("%q|%q|%q|%q", 1.0, 0.5, -2.5, 0.1)
= "0x1p+0|0x1p-1|-0x1.4p+1|0x1.999999999999ap-4"
> format("%q|%q|%q", inf, -inf, nan)
= "1e9999|-1e9999|(0/0)"
> format("%q|%q|%q", true, false, nil)
= "true|false|nil"
> format("%q", {})
= E: bad argument #2 to 'format' (value has no literal form)
> format("%5q", "a")
= E: specifier '%q' cannot have modifiers
> format("%-q", "a")
= E: specifier '%q' cannot have modifiers
> format("%y", 1)
= E: invalid conversion '%y' to 'format'
> format("%10.3y", 1)
= E: invalid conversion '%10.3y' to 'format'
> format("%", 1)
= E: invalid conversion '%' to 'format'
> format("abc%", 1)
= E: invalid conversion '%' to 'format'
> format("%100d", 1)
= E: invalid conversion specification: '%100d'
> format("%1.100d", 1)
= E: invalid conversion specification: '%1.100d'
> format("%99d|", 1)
= "                                                                                                  1|"
> format("%.99d", 1)
= "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001"
> format("%#c", 65)
= E: invalid conversion specification: '%#c'
> format("%+x", 65)
= E: invalid conversion specification: '%+x'
> format("%#d", 65)
= E: invalid conversion specification: '%#d'
> format("% u", 65)
= E: invalid conversion specification: '% u'
> format("%+u", 65)
= E: invalid conversion specification: '%+u'
> format("%.3c", 65)
= E: invalid conversion specification: '%.3c'
> format("% s", "a")
= E: invalid conversion specification: '% s'
> format("%#s", "a")
= E: invalid conversion specification: '%#s'
> format("%05s", "a")
= E: invalid conversion specification: '%05s'
> format("%0s", "a")
= E: invalid conversion specification: '%0s'
> format("%-------------------------d", 1)
= E: invalid format (too long)
> format("%-+ #0f", 1)
= "+1.000000"
> format("%010.3x", 3)
= "       003"
> format("%-08d|", 3)
= "3       |"
> format("%i", 3.0)
= "3"
> format("%p", 1)
= "(null)"
> format("%10p|", nil)
= "    (null)|"
> format("%5.2p", 1)
= E: invalid conversion specification: '%5.2p'
> format("%ld", 1)
= E: invalid conversion '%l' to 'format'
> format("%hd", 1)
= E: invalid conversion '%h' to 'format'
> format("%n", 1)
= E: invalid conversion '%n' to 'format'
> format("%d %s %5.1f %x", 1, "two", 3.14159, 255)
= "1 two   3.1 ff"
        """;
}
