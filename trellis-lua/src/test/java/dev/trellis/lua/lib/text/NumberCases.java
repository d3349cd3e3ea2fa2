package dev.trellis.lua.lib.text;

/** Number/string conversions, tonumber with a base, os.date and os.time. Cases with PUC Lua 5.4's answers, recorded by {@code puc-cases.lua}. */
final class NumberCases {
    private NumberCases() {
    }

    static final String CASES = """
> tostring(1)
= "1"
> tostring(-0.0)
= "-0.0"
> tostring(0.0)
= "0.0"
> tostring(3.0)
= "3.0"
> tostring(-3.0)
= "-3.0"
> tostring(0.1)
= "0.1"
> tostring(0.3333333333333333)
= "0.33333333333333"
> tostring(100.5)
= "100.5"
> tostring(1e14)
= "1e+14"
> tostring(1e15)
= "1e+15"
> tostring(99999999999999.0)
= "99999999999999.0"
> tostring(123456789012345.0)
= "1.2345678901234e+14"
> tostring(9007199254740992.0)
= "9.007199254741e+15"
> tostring(9223372036854775808.0)
= "9.2233720368548e+18"
> tostring(-9223372036854775808.0)
= "-9.2233720368548e+18"
> tostring(1e100)
= "1e+100"
> tostring(1e-5)
= "1e-05"
> tostring(0.0001)
= "0.0001"
> tostring(1.5e-7)
= "1.5e-07"
> tostring(123.456e10)
= "1234560000000.0"
> tostring(5e-324)
= "4.9406564584125e-324"
> tostring(1.7976931348623157e308)
= "1.7976931348623e+308"
> tostring(inf)
= "inf"
> tostring(-inf)
= "-inf"
> tostring(nan)
= "-nan"
> tostring(mininteger)
= "-9223372036854775808"
> tostring(3.14159265358979)
= "3.1415926535898"
> tostring(2.5e-310)
= "2.5e-310"
> tonumber("10")
= 10
> tonumber("  10  ")
= 10
> tonumber("\\t10\\n")
= 10
> tonumber("10 x")
= nil
> tonumber("")
= nil
> tonumber("  ")
= nil
> tonumber("-10")
= -10
> tonumber("+10")
= 10
> tonumber("- 10")
= nil
> tonumber("1e2")
= f0000000000005940
> tonumber("1E+2")
= f0000000000005940
> tonumber("1e")
= nil
> tonumber(".5")
= f000000000000e03f
> tonumber("5.")
= f0000000000001440
> tonumber(".")
= nil
> tonumber("0x10")
= 16
> tonumber("0X1f")
= 31
> tonumber("-0x10")
= -16
> tonumber("0x")
= nil
> tonumber("0xg")
= nil
> tonumber("0x1p4")
= f0000000000003040
> tonumber("0x1P-1")
= f000000000000e03f
> tonumber("0x.8")
= f000000000000e03f
> tonumber("0x1.8")
= f000000000000f83f
> tonumber("0xA.")
= f0000000000002440
> tonumber("0x1p")
= nil
> tonumber("0xffffffffffffffff")
= -1
> tonumber("0x10000000000000000")
= 0
> tonumber("9223372036854775807")
= 9223372036854775807
> tonumber("9223372036854775808")
= f000000000000e043
> tonumber("-9223372036854775808")
= -9223372036854775808
> tonumber("-9223372036854775809")
= f000000000000e0c3
> tonumber("100000000000000000000")
= f408cb5781daf1544
> tonumber("inf")
= nil
> tonumber("nan")
= nil
> tonumber("infinity")
= nil
> tonumber("1e500")
= f000000000000f07f
> tonumber("-1e500")
= f000000000000f0ff
> tonumber("1e-500")
= f0000000000000000
> tonumber("1a")
= nil
> tonumber("a\\0")
= nil
> tonumber("1\\0")
= nil
> tonumber("0x7fffffffffffffff")
= 9223372036854775807
> tonumber("1.5e3")
= f0000000000709740
> tonumber("00012")
= 12
> tonumber("1..2")
= nil
> tonumber(12)
= 12
> tonumber(1.5)
= f000000000000f83f
> tonumber("10", 2)
= 2
> tonumber("ff", 16)
= 255
> tonumber("FF", 16)
= 255
> tonumber("zz", 36)
= 1295
> tonumber("  11  ", 2)
= 3
> tonumber("-11", 2)
= -3
> tonumber("12", 2)
= nil
> tonumber("", 10)
= nil
> tonumber(" ", 10)
= nil
> tonumber("1 1", 10)
= nil
> tonumber("7fffffffffffffff", 16)
= 9223372036854775807
> tonumber("ffffffffffffffff", 16)
= -1
> tonumber("10000000000000000", 16)
= 0
> tonumber("1.5", 10)
= nil
> tonumber("10", 1)
= E: bad argument #2 to 'tonumber' (base out of range)
> tonumber("10", 37)
= E: bad argument #2 to 'tonumber' (base out of range)
> tonumber("10", 10.0)
= 10
> tonumber("10", 10.5)
= E: bad argument #2 to 'tonumber' (number has no integer representation)
> tonumber(10, 16)
= E: bad argument #1 to 'tonumber' (string expected, got number)
> tointeger(3.0)
= 3
> tointeger(3.5)
= nil
> tointeger("8")
= 8
> tointeger("8.0")
= 8
> tointeger("x")
= nil
> tointeger(9223372036854775808.0)
= nil
> tointeger(-9223372036854775808.0)
= -9223372036854775808
> tointeger(inf)
= nil
> tointeger(nan)
= nil
> date("!%Y-%m-%d %H:%M:%S", 0)
= "1970-01-01 00:00:00"
> date("!%c", 0)
= "Thu Jan  1 00:00:00 1970"
> date("!%x %X %D %T %R %r", 1700000000)
= "11/14/23 22:13:20 11/14/23 22:13:20 22:13 10:13:20 PM"
> date("!%a %A %b %B %h %p", 1700000000)
= "Tue Tuesday Nov November Nov PM"
> date("!%C %y %e %j %u %w %U %W %V %g %G", 1700000000)
= "20 23 14 318 2 2 46 46 46 23 2023"
> date("!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", 1700000000)
= "Tue Nov 14 22:13:20 2023|20|11/14/23|22:13:20|23|2023|14|14|22|10|11|13|20|2|46|46|2|46|23"
> date("!%n%t%%|%z|%Z", 1700000000)
= "\\010\\009%|+0000|GMT"
> date("!%j %U %W %V %G", 1704067200)
= "001 00 01 01 2024"
> date("!%j %U %W %V %G %g", 1735603200)
= "366 52 53 01 2025 25"
> date("!%I %p", 43200)
= "12 PM"
> date("!%I %p", 0)
= "12 AM"
> date("!%e", 864000)
= "11"
> date("!%Ez", 0)
= E: bad argument #1 to 'date' (invalid conversion specifier '%Ez')
> date("!%Ez abc", 0)
= E: bad argument #1 to 'date' (invalid conversion specifier '%Ez abc')
> date("!%Q", 0)
= E: bad argument #1 to 'date' (invalid conversion specifier '%Q')
> date("!%", 0)
= E: bad argument #1 to 'date' (invalid conversion specifier '%')
> date("!%E", 0)
= E: bad argument #1 to 'date' (invalid conversion specifier '%E')
> date("!%Oz", 0)
= E: bad argument #1 to 'date' (invalid conversion specifier '%Oz')
> date("!year %Y", -86400)
= "year 1969"
> date("!%Y", 253402300799)
= "9999"
> date("!%H:%M", 3600.0)
= "01:00"
> date("!%H:%M", 3600.5)
= E: bad argument #2 to 'date' (number has no integer representation)
> date("!%H", "7200")
= "02"
> date("!", 0)
= ""
> date("", 0)
= ""
> ostime({year = 2000, month = 1, day = 1, hour = 0})
= 946684800, 2000, 1, 1, 0, 0, 0, 1, 7, false
> ostime({year = 2000, month = 1, day = 1})
= 946728000, 2000, 1, 1, 12, 0, 0, 1, 7, false
> ostime({year = 2024, month = 14, day = 1, hour = 0})
= 1738368000, 2025, 2, 1, 0, 0, 0, 32, 7, false
> ostime({year = 2024, month = 3, day = 0, hour = 0})
= 1709164800, 2024, 2, 29, 0, 0, 0, 60, 5, false
> ostime({year = 2024, month = 1, day = 1, hour = 25, min = 61, sec = 61})
= 1704160921, 2024, 1, 2, 2, 2, 1, 2, 3, false
> ostime({year = 2024, month = 1, day = 1, hour = -1})
= 1704063600, 2023, 12, 31, 23, 0, 0, 365, 1, false
> ostime({year = 1970, month = 1, day = 1, hour = 0, sec = -1})
= E: time result cannot be represented in this installation
> ostime({year = 2024, month = 2, day = 29, hour = 0})
= 1709164800, 2024, 2, 29, 0, 0, 0, 60, 5, false
> ostime({year = "2024", month = 2.0, day = "29"})
= 1709208000, 2024, 2, 29, 12, 0, 0, 60, 5, false
> ostime({year = 2024, month = 2})
= E: field 'day' missing in date table
> ostime({year = 2024, day = 2})
= E: field 'month' missing in date table
> ostime({year = 2024, month = 2, day = 1.5})
= E: field 'day' is not an integer
> ostime({year = 2024, month = 2, day = "x"})
= E: field 'day' is not an integer
> ostime({year = 2024, month = 2, day = true})
= E: field 'day' is not an integer
> ostime({year = 2024, month = 2, day = 1, min = 1099511627776})
= E: field 'min' is out-of-bound
> ostime({year = 2147483648, month = 1, day = 1})
= 67767976233576000, 2147483648, 1, 1, 12, 0, 0, 1, 4, false
        """;
}
