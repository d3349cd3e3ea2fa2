-- string.gmatch and string.gsub.
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, ","))
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do print(k, v) end
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print("empty matches", n)
for p in ("abc"):gmatch("()") do print("pos", p) end
for w in ("hello world from lua"):gmatch("%a+", 7) do print("from 7", w) end
for a in ("a,b,,c"):gmatch("([^,]*)") do print("field", "[" .. a .. "]") end
print(("hello world"):gsub("o", "0"))
print(("hello world"):gsub("o", "0", 1))
print(("hello world"):gsub("(%w+)", "<%1>"))
print(("hello world"):gsub("%w+", "%0 %0", 1))
print(("hello"):gsub("", "-"))
print(("abc"):gsub("%w", "%%"))
print(("hello world"):gsub("%w+", string.upper))
print(("hello world"):gsub("%w+", function(w) if w == "world" then return "lua" end end))
print(("$name is $age"):gsub("%$(%w+)", {name = "Bob", age = 42}))
print(("abc"):gsub("b", false and 1 or "B"), ("abc"):gsub(".", {a = 1, b = true and "x"}))
print(("x = 1, y = 2"):gsub("(%w+) = (%w+)", "%2 = %1"))
print(("abc"):gsub("b*", "-"))
print(("hello world"):gsub("^h", "H"), ("hello"):gsub("l", "L", 0))
print(pcall(string.gsub, "abc", "%w", "%2"))
print(pcall(string.gsub, "abc", "%w", "%"))
print(pcall(string.gsub, "abc", "%w", function() return {} end))
print(pcall(string.gsub, "abc", "%w", true))
print(("abc"):gsub(".", {a = 1.5}), ("a b"):gsub("()%s()", "%1-%2"))
local count = select(2, ("the cat sat on the mat"):gsub("at", "at"))
print("count", count)
print(("CamelCaseString"):gsub("(%u)", function(c) return "_" .. c:lower() end))
print(("  x  "):gsub("^%s+", ""), (("path/to/file.txt"):gsub("[/.]", {["/"] = "\\", ["."] = "_"})))
