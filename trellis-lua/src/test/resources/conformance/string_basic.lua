-- string.len/sub/upper/lower/rep/reverse/byte/char and string methods.
local s = "Hello, World"
print(#s, s:len(), string.len(""), s:upper(), s:lower())
print(s:sub(1, 5), s:sub(-5), s:sub(-5, -2), s:sub(0), s:sub(5, 1), s:sub(100), s:sub(-100, 2))
print(s:sub(3), s:sub(3, 3), s:sub(math.mininteger, math.maxinteger), s:sub(2.0, 3))
print(("ab"):rep(3), ("ab"):rep(3, ","), ("ab"):rep(0), ("ab"):rep(-1), ("x"):rep(1, "sep"))
print(("abc"):reverse(), (""):reverse(), s:byte(), s:byte(-1), s:byte(1, 3))
print(s:byte(100), s:byte(0), string.char(72, 105), string.char())
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.rep))
print(pcall(string.sub))
print(pcall(string.sub, "x", "a"))
print(("%d"):format(5), ("x"):upper(), #"\0\0\0", ("a\0b"):len(), ("a\0b"):upper())
print(("abc") < ("abd"), "a\0b" < "a\0c", "a" < "a\0", "" == "")
print(string.byte("ABC", -2, -1), string.byte(""), select("#", string.byte("")))
print(tostring("x"), type(""), type(string), getmetatable("").__index == string)
print(("test"):find("s"), ("a,b"):gsub(",", ";"))
local t = {}
for i = 1, 5 do t[i] = string.char(64 + i) end
print(table.concat(t), #table.concat(t, ", "))
print(("x"):rep(3, ""), ("ab"):rep(2, "--"), string.rep("a", 2^2))
