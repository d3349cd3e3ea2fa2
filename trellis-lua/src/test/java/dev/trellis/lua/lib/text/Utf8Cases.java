package dev.trellis.lua.lib.text;

/** utf8.char, len, codepoint, offset and codes. Cases with PUC Lua 5.4's answers, recorded by {@code puc-cases.lua}. */
final class Utf8Cases {
    private Utf8Cases() {
    }

    static final String CASES = """
> utf8char(72, 105)
= "Hi"
> utf8char(0x20AC, 0x10FFFF, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000)
= "\\226\\130\\172\\244\\143\\191\\191\\127\\194\\128\\223\\191\\224\\160\\128\\239\\191\\191\\240\\144\\128\\128"
> utf8char(0x110000, 0x7FFFFFFF, 0x3FFFFFF, 0x4000000)
= "\\244\\144\\128\\128\\253\\191\\191\\191\\191\\191\\251\\191\\191\\191\\191\\252\\132\\128\\128\\128\\128"
> utf8char(0x80000000)
= E: bad argument #1 to 'utf8char' (value out of range)
> utf8char(-1)
= E: bad argument #1 to 'utf8char' (value out of range)
> utf8char()
= ""
> utf8char("65")
= "A"
> utf8char(65.0)
= "A"
> utf8char(65.5)
= E: bad argument #1 to 'utf8char' (number has no integer representation)
> utf8len("hello")
= 5
> utf8len("h\\xC3\\xA9llo")
= 5
> utf8len("\\xE2\\x82\\xAC\\xF0\\x9F\\x98\\x80")
= 2
> utf8len("abc\\xFFdef")
= nil, 4
> utf8len("\\xC3")
= nil, 1
> utf8len("\\xC3\\xA9", 2)
= nil, 2
> utf8len("hello", 2, 4)
= 3
> utf8len("hello", -2)
= 2
> utf8len("hello", 6)
= 0
> utf8len("hello", 7)
= E: bad argument #2 to 'utf8len' (initial position out of bounds)
> utf8len("hello", 0)
= E: bad argument #2 to 'utf8len' (initial position out of bounds)
> utf8len("hello", 1, 6)
= E: bad argument #3 to 'utf8len' (final position out of bounds)
> utf8len("hello", 1, -10)
= 0
> utf8len("")
= 0
> utf8len("\\xED\\xA0\\x80")
= nil, 1
> utf8len("\\xED\\xA0\\x80", 1, -1, true)
= 1
> utf8len("\\xF4\\x90\\x80\\x80")
= nil, 1
> utf8len("\\xF4\\x90\\x80\\x80", 1, -1, true)
= 1
> utf8len("\\xC0\\x80")
= nil, 1
> utf8len("\\xF8\\x88\\x80\\x80\\x80", 1, -1, true)
= 1
> utf8len("\\xFD\\xBF\\xBF\\xBF\\xBF\\xBF", 1, -1, true)
= 1
> utf8len("\\xFE\\xBF\\xBF\\xBF\\xBF\\xBF\\xBF", 1, -1, true)
= nil, 1
> utf8codepoint("hello")
= 104
> utf8codepoint("hello", 1, -1)
= 104, 101, 108, 108, 111
> utf8codepoint("h\\xC3\\xA9llo", 1, -1)
= 104, 233, 108, 108, 111
> utf8codepoint("h\\xC3\\xA9llo", 2)
= 233
> utf8codepoint("h\\xC3\\xA9llo", 3)
= E: invalid UTF-8 code
> utf8codepoint("hello", 0)
= E: bad argument #2 to 'utf8codepoint' (out of bounds)
> utf8codepoint("hello", 1, 6)
= E: bad argument #3 to 'utf8codepoint' (out of bounds)
> utf8codepoint("hello", 3, 2)
= 
> utf8codepoint("hello", -1)
= 111
> utf8codepoint("\\xFF")
= E: invalid UTF-8 code
> utf8codepoint("\\xED\\xA0\\x80")
= E: invalid UTF-8 code
> utf8codepoint("\\xED\\xA0\\x80", 1, 1, true)
= 55296
> utf8codepoint("")
= E: bad argument #3 to 'utf8codepoint' (out of bounds)
> utf8offset("h\\xC3\\xA9llo", 1)
= 1
> utf8offset("h\\xC3\\xA9llo", 2)
= 2
> utf8offset("h\\xC3\\xA9llo", 3)
= 4
> utf8offset("h\\xC3\\xA9llo", 6)
= 7
> utf8offset("h\\xC3\\xA9llo", 7)
= nil
> utf8offset("h\\xC3\\xA9llo", -1)
= 6
> utf8offset("h\\xC3\\xA9llo", -4)
= 2
> utf8offset("h\\xC3\\xA9llo", -5)
= 1
> utf8offset("h\\xC3\\xA9llo", -6)
= nil
> utf8offset("h\\xC3\\xA9llo", 0, 3)
= 2
> utf8offset("h\\xC3\\xA9llo", 0, 2)
= 2
> utf8offset("h\\xC3\\xA9llo", 1, 3)
= E: initial position is a continuation byte
> utf8offset("h\\xC3\\xA9llo", 2, 2)
= 4
> utf8offset("h\\xC3\\xA9llo", 1, 8)
= E: bad argument #3 to 'utf8offset' (position out of bounds)
> utf8offset("h\\xC3\\xA9llo", 1, 0)
= E: bad argument #3 to 'utf8offset' (position out of bounds)
> utf8offset("", 1)
= 1
> utf8offset("", -1)
= nil
> utf8offset("abc", 0)
= 1
> utf8codes("h\\xC3\\xA9llo")
= {{1, 104}, {2, 233}, {4, 108}, {5, 108}, {6, 111}}
> utf8codes("")
= {}
> utf8codes("\\xE2\\x82\\xAC!")
= {{1, 8364}, {4, 33}}
> utf8codes("ab\\xFF")
= E: invalid UTF-8 code
> utf8codes("\\x80ab")
= {{2, 97}, {3, 98}}
> utf8codes("a\\xC3")
= E: invalid UTF-8 code
> utf8codes("\\xED\\xA0\\x80")
= E: invalid UTF-8 code
> utf8codes("\\xED\\xA0\\x80", true)
= {{1, 55296}}
> utf8codes("a\\xC3\\xA9\\xA9")
= {{1, 97}, {2, 233}}
        """;
}
