-- String literal syntax: escapes, long strings, \z, decimal and hex escapes.
print("tab:\t|", "nl:\\n", "quote:\"", 'single:\'', "bs:\\")
print("\65\066\0677", "\x41\x62", "\u{48}\u{49}", #"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}", #"\u{7FFFFFFF}")
print("a\z
       b", "c\
d")
print([[long
string]], [==[with ]] inside]==], #[[
skipfirst]])
print("\a\b\f\v\r" == "\7\8\12\11\13", "\0" == "\x00", #"\0\0")
print(load([[return "\xZZ"]]))
print(load([[return "\400"]]))
print(load([[return "\u{80000000}"]]))
print(load([[return "\q"]]))
print(load([[return "unfinished]]))
print(load("return [[unfinished"))
print(load("return 'a\nb'"))
local s = "line1\nline2"
print(#s, s:find("\n"))
print(("%q"):format("\1\2\0031\r\n\127"))
print('mixed "quotes"', "it's", [['both' "kinds"]])
print(0x7fffffffffffffff, 0xffffffffffffffff, 1e-2, 3e0, 0x1P+2, 0xA.8p0)
print(load("return 0x"), load("return 1e+"), load("return 3..2"))
print(#"\z   ", "x\z
   \z
   y")
print(--[[ inline comment ]] "after comment")
--[==[ long
comment ]==]
print("end of escapes")
