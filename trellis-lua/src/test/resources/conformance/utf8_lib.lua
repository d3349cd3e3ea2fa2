-- The utf8 library.
local s = "h\u{E9}llo \u{20AC}\u{1F600}"
print(#s, utf8.len(s), utf8.char(72, 228, 8364, 128512) == "H\u{E4}\u{20AC}\u{1F600}")
print(utf8.codepoint(s, 1, -1))
print(utf8.offset(s, 1), utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, 10), utf8.offset(s, 0, 3))
for p, c in utf8.codes("a\u{E9}\u{20AC}") do print(p, c) end
print(utf8.len("abc\xFFdef"), utf8.len("\xC3"), utf8.len(""), utf8.len("abc", 4), utf8.len("abc", 2, 2))
print(utf8.len("\u{D7FF}"), utf8.len("\xED\xA0\x80"), utf8.len("\xED\xA0\x80", 1, -1, true))
print(utf8.char(0x7FFFFFFF):byte(1, -1))
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local n = 0
for ch in s:gmatch(utf8.charpattern) do n = n + 1 end
print("chars via charpattern", n)
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.codepoint, "\xFF"))
print(pcall(utf8.codepoint, "abc", 0))
print(pcall(utf8.codepoint, "abc", 1, 4))
print(pcall(utf8.len, "abc", 5))
print(pcall(utf8.offset, "\u{E9}", 1, 2))
print(pcall(utf8.offset, "abc", 1, 5))
print(pcall(function() for p, c in utf8.codes("ab\xFF") do end end))
print(utf8.codepoint("\u{10FFFF}"), pcall(utf8.codepoint, "\xF4\x90\x80\x80"))
print(utf8.codepoint("\xF4\x90\x80\x80", 1, 1, true), utf8.char(), utf8.len("\0\0"))
