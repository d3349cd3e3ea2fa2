-- __tostring, __name, __close, __call chains, __index on strings, __concat orders.
local T = setmetatable({}, {__tostring = function() return "I am T" end})
print(tostring(T), string.format("%s", T))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end})))
local named = setmetatable({}, {__name = "Point"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
local order = {}
local C = {__concat = function(a, b)
  local x = type(a) == "table" and a.n or a
  local y = type(b) == "table" and b.n or b
  order[#order + 1] = x .. "+" .. y
  return x .. y
end}
local c1 = setmetatable({n = "A"}, C)
print("x" .. c1 .. "y" .. "z", table.concat(order, " "))
local cc = setmetatable({}, {__call = setmetatable({}, {__call = function(self, a, b) return "inner", a, b end})})
print(select("#", cc(1)), (cc(1)), select(3, cc(1)))
local mtc = {__index = function(t, k) return k end}
local a = setmetatable({}, mtc)
print(a[1], a.x, a[true])
local ud_like = setmetatable({}, {__eq = function() return true end})
print(ud_like == setmetatable({}, {}), rawequal(ud_like, ud_like))
local M = {}
M.__index = function(t, k) return "M:" .. k end
M.__lt = function(a, b) return rawlen(a) < rawlen(b) end
M.__le = function(a, b) return rawlen(a) <= rawlen(b) end
local s1, s2 = setmetatable({1}, M), setmetatable({1, 2}, M)
print(s1 < s2, s2 < s1, s1 <= s2, s2 >= s1, s1.foo)
local arr = setmetatable({}, {__index = function(_, i) return i * i end, __len = function() return 5 end})
local sum = 0
for i = 1, #arr do sum = sum + arr[i] end
print("sum of squares", sum)
print(rawequal("a", "a"), rawequal(1, 1.0), rawlen({1, 2}), pcall(rawlen, 5))
