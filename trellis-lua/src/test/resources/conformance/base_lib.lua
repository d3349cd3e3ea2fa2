-- Base library odds and ends: type, select, rawequal, next, ipairs, tostring, _VERSION.
print(type(nil), type(1), type("s"), type({}), type(print), type(true), type(coroutine.create(print)))
print(pcall(type))
print(rawequal(1, 1), rawequal("a", "a"), rawequal({}, {}), rawequal(1, 1.0))
print(rawlen({1, 2, 3}), rawlen("abcd"), pcall(rawlen, 1))
print(rawget({a = 1}, "a"), rawget(setmetatable({}, {__index = {a = 1}}), "a"))
local t = rawset({}, "k", "v"); print(t.k)
print(next({}), next({10}), next({10}, 1))
local sorted = {}
for k, v in pairs({c = 3, a = 1, b = 2}) do sorted[#sorted + 1] = k .. v end
table.sort(sorted); print(table.concat(sorted, " "))
local mp = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(mp) do print("__pairs", k, v) end
local ip = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 2 end end})
for i, v in ipairs(ip) do print("ipairs via __index", i, v) end
print(tostring(123), tostring(1.5), tostring("s"), tostring(nil), tostring(false))
print(tonumber("  0x1A  "), tonumber("1e1"), tonumber("abc"), tonumber("12", 3))
print(select("#", 1, 2, 3), select(2, 1, 2, 3))
print(_VERSION, type(_G))
print(pcall(next, {}, "missing"))
print(string.format("%5s|%-5s|", true, nil))
local weird = {[1] = "a", [1.5] = "b", [true] = "c", ["1"] = "d"}
print(weird[1], weird[1.5], weird[true], weird["1"], weird[1.0])
print(#select(2, "a", "bcd"), (select(2, "a", "bcd")))
print(print == print, tostring(print) == tostring(print))
