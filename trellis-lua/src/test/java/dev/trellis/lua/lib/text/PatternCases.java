package dev.trellis.lua.lib.text;

/** string.find, match, gmatch and gsub. Cases with PUC Lua 5.4's answers, recorded by {@code puc-cases.lua}. */
final class PatternCases {
    private PatternCases() {
    }

    static final String CASES = """
> find("hello world", "o w")
= 5, 7
> find("hello world", "o", 6)
= 8, 8
> find("hello world", "l", -3)
= 10, 10
> find("hello world", "l", -100)
= 3, 3
> find("hello", "l", 10)
= nil
> find("hello", "", 6)
= 6, 5
> find("hello", "", 7)
= nil
> find("hello", "", 0)
= 1, 0
> find("a.b", ".", 1, true)
= 2, 2
> find("a.b", "%.")
= 2, 2
> find("a+b", "+", 1, true)
= 2, 2
> find("hello", "(l)(l)")
= 3, 4, "l", "l"
> find("hello", "()ll()")
= 3, 4, 3, 5
> find("abc", "^b")
= nil
> find("abc", "^a")
= 1, 1
> find("aaa", "a-", 2)
= 2, 1
> find("abc", "b$")
= nil
> find("abc", "c$")
= 3, 3
> find("a$c", "$c")
= 2, 3
> find("", "")
= 1, 0
> find("", "^$")
= 1, 0
> find("x", "")
= 1, 0
> match("hello world", "%w+")
= "hello"
> match("  key = value  ", "(%w+)%s*=%s*(%w+)")
= "key", "value"
> match("2024-01-15", "(%d+)-(%d+)-(%d+)")
= "2024", "01", "15"
> match("hello", "(h)(e)(l)(l)(o)")
= "h", "e", "l", "l", "o"
> match("hello", ".-l")
= "hel"
> match("hello", ".*l")
= "hell"
> match("hello", "l+")
= "ll"
> match("hello", "x*")
= ""
> match("hello", "h?e")
= "he"
> match("hello", "x?h")
= "h"
> match("THE (quick) fox", "%((%a+)%)")
= "quick"
> match("f(a(b)c)d", "%b()")
= "(a(b)c)"
> match("f(a(b)c", "%b()")
= "(b)"
> match("[[x]]", "%b[]")
= "[[x]]"
> match("THE (quick) fox", "%f[%a]%a+", 5)
= "quick"
> match("hello world", "%f[%w]%w+$")
= "world"
> match("THE (quick) fox", "%f[%l]%a+")
= "quick"
> match("aXb", "%f[%u]")
= ""
> match("abc", "%f[%z]")
= ""
> match("abc", "%f[^%w]()")
= 4
> match("hello hello", "(h%a+) %1")
= "hello"
> match("hello world", "(h%a+) %1")
= nil
> match("abab", "(ab)%1")
= "ab"
> match("x = 'str'", "(['\\"])(.-)%1")
= "'", "str"
> match("hello", "()")
= 1
> match("hello", "()ll()")
= 3, 5
> match("hello", "(l)()")
= "l", 4
> match(" \\t\\n", "^%s*$")
= " \\009\\010"
> match("abc123", "^%a+%d+$")
= "abc123"
> match("abc", "[a-b]+")
= "ab"
> match("a-b", "[a%-]+")
= "a-"
> match("a]b", "[]]")
= "]"
> match("a]b", "[^]]+")
= "a"
> match("a^b", "[b^]+")
= "^b"
> match("hello", "[^aeiou]+")
= "h"
> match("x1y2", "[%d]")
= "1"
> match("x1y2", "[^%a]")
= "1"
> match("ABC", "%u+")
= "ABC"
> match("abcABC", "%U+")
= "abc"
> match("12ab", "%D+")
= "ab"
> match("a,b;c", "%p")
= ","
> match("a\\0b", "%z")
= "\\000"
> match("a\\0b", "[%z]")
= "\\000"
> match("tab\\there", "%c")
= "\\009"
> match("0x1F", "%x+", 3)
= "1F"
> match("ab1", "%W")
= nil
> match("\\128\\255", "[\\128-\\255]+")
= "\\128\\255"
> match("hello", "%")
= E: malformed pattern (ends with '%')
> match("hello", "[a")
= E: malformed pattern (missing ']')
> match("hello", "[a%")
= E: malformed pattern (missing ']')
> match("hello", "[]")
= E: malformed pattern (missing ']')
> match("hello", "[^]")
= E: malformed pattern (missing ']')
> match("hello", "(%1)")
= E: invalid capture index %1
> match("hello", "%1")
= E: invalid capture index %1
> match("hello", "(l)%2")
= E: invalid capture index %2
> match("hello", "(()")
= E: unfinished capture
> match("hello", "l)")
= E: invalid pattern capture
> match("hello", "%b")
= E: malformed pattern (missing arguments to '%b')
> match("hello", "%ba")
= E: malformed pattern (missing arguments to '%b')
> match("hello", "%f")
= E: missing '[' after '%f' in pattern
> match("hello", "%fx")
= E: missing '[' after '%f' in pattern
> match("hello", "(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))")
= E: too many captures
> match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?")
= E: pattern too complex
> match("hello", "^(h)")
= "h"
> match(123, "2")
= "2"
> match("hello", 1)
= nil
> match(nil, "x")
= E: bad argument #1 to 'match' (string expected, got nil)
> match("hello", "l", 1.5)
= E: bad argument #3 to 'match' (number has no integer representation)
> gmatch("one two  three", "%a+")
= {{"one"}, {"two"}, {"three"}}
> gmatch("k1=v1, k2=v2", "(%w+)=(%w+)")
= {{"k1", "v1"}, {"k2", "v2"}}
> gmatch("abc", "")
= {{""}, {""}, {""}, {""}}
> gmatch("abc", "()")
= {{1}, {2}, {3}, {4}}
> gmatch("hello world", "o", 6)
= {{"o"}}
> gmatch("hello", "l*")
= {{""}, {""}, {"ll"}, {""}}
> gmatch("^a^a", "^a")
= {{"^a"}, {"^a"}}
> gmatch("abc", ".", -1)
= {{"c"}}
> gmatch("abc", ".", 10)
= {}
> gmatch("a,b,,c", "([^,]*)")
= {{"a"}, {"b"}, {""}, {"c"}}
> gsub("hello world", "o", "0")
= "hell0 w0rld", 2
> gsub("hello world", "o", "0", 1)
= "hell0 world", 1
> gsub("hello world", "o", "0", 0)
= "hello world", 0
> gsub("hello world", "o", "0", -1)
= "hello world", 0
> gsub("hello world", "(o)", "[%1]")
= "hell[o] w[o]rld", 2
> gsub("hello world", "o", "[%0]")
= "hell[o] w[o]rld", 2
> gsub("hello world", "%w+", "%0 %0")
= "hello hello world world", 2
> gsub("hello", "", "-")
= "-h-e-l-l-o-", 6
> gsub("abc", "%w", "%%")
= "%%%", 3
> gsub("abc", "%w", "%")
= E: invalid use of '%' in replacement string
> gsub("abc", "%w", "%x")
= E: invalid use of '%' in replacement string
> gsub("abc", "%w", "%2")
= E: invalid capture index %2
> gsub("abc", "(%w)", "%2")
= E: invalid capture index %2
> gsub("abc", "()%w", "%1")
= "123", 3
> gsub("hello world", "^h", "H")
= "Hello world", 1
> gsub("hello world", "^o", "H")
= "hello world", 0
> gsub("abc", "b*", "-")
= "-a-c-", 3
> gsub("hello world", "%w+", F_upper)
= "HELLO WORLD", 2
> gsub("hello world", "%w+", F_nil)
= "hello world", 2
> gsub("hello world", "%w+", F_false)
= "hello world", 2
> gsub("hello world", "%w+", F_num)
= "42 42", 2
> gsub("hello world", "%w+", F_table)
= E: invalid replacement value (a table)
> gsub("hello world", "(%w)(%w*)", F_caps)
= "h,ello w,orld", 2
> gsub("hello world", "()o()", F_caps)
= "hell5,6 w8,9rld", 2
> gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 42})
= "Bob is 42", 2
> gsub("$name is $x", "%$(%w+)", {name = "Bob"})
= "Bob is $x", 2
> gsub("$name", "%$(%w+)", {name = 1.5})
= "1.5", 1
> gsub("$name", "%$(%w+)", {name = false})
= "$name", 1
> gsub("abc", "b", 5)
= "a5c", 1
> gsub("abc", "b", 2.5)
= "a2.5c", 1
> gsub("abc", "b", true)
= E: bad argument #3 to 'gsub' (string/function/table expected, got boolean)
> gsub("abc", "(", "x")
= "xaxbxcx", 4
> gsub("abc", ".", "x", 2.0)
= "xxc", 2
> gsub("abc", ".", "x", 2.5)
= E: bad argument #4 to 'gsub' (number has no integer representation)
> gsub("a.b.c", ".", "x")
= "xxxxx", 5
> gsub("a.b.c", "%.", "x")
= "axbxc", 2
> gsub("x = 1, y = 2", "(%w+) = (%w+)", "%2 = %1")
= "1 = x, 2 = y", 2
> gsub("abc", "", "%0")
= "abc", 4
> gsub("", "", "x")
= "x", 1
> gsub("", "x*", "y")
= "y", 1
        """;
}
