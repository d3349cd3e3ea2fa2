-- assorted semantics
local a, b, c = (function() return 1, 2, 3 end)()
print(a, b, c)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y = 1
print(x, y)
-- repeat-until scope with upvalue in condition
local fns = {}
local n = 0
repeat
  n = n + 1
  local k = n
  fns[#fns + 1] = function() return k end
until k >= 3
print(#fns, fns[1](), fns[3]())
-- nested break and goto
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    if i == 2 then goto next_i end
    print("ij", i, j)
  end
  ::next_i::
end
-- while with closures and break
local k = 0
while true do
  k = k + 1
  local captured = k
  fns[k] = function() return captured * 10 end
  if k == 4 then break end
end
print(fns[1](), fns[4]())
-- inheritance
local Base = {} Base.__index = Base
function Base.new(v) return setmetatable({v = v}, Base) end
function Base:get() return self.v end
function Base:describe() return "Base(" .. self:get() .. ")" end
local Derived = setmetatable({}, {__index = Base}) Derived.__index = Derived
function Derived.new(v) local o = Base.new(v) return setmetatable(o, Derived) end
function Derived:get() return self.v * 2 end
print(Derived.new(21):describe(), Base.new(1):describe())
-- generic for with coroutine iterator
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for v in range(5) do s = s + v end
print(s)
-- string stuff
print(("%5s|%-5s|%05d|%x|%X|%o|%e|%g|%q"):format("ab", "cd", 42, 255, 255, 8, 12345.678, 0.0001, "a\nb\0c\""))
print(("hello world from lua"):gsub("(%w+)", "<%1>"))
print(("key=value; other=thing"):match("(%w+)=(%w+)"))
for k2, v2 in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io = k2 .. v2 end
print(string.format("%.3f %5.1f %-8.2e|", math.pi, -2.25, 12345.6789))
print(tostring(1e100), 2^53 + 1, math.floor(-3.5), math.ceil(-3.5), -7 // 2.0, -7 % 2.0, 7 % -2.0)
print(#"abc" .. "d", "10" * "2", "3" ^ 2, 10 // "3", "0x10" + 0, " 5 " * 2)
print(math.max(1, 2.5), math.min(-1, -1.5), math.abs(math.mininteger), 5 // -2, 5 % -2, -5 // 2)
print(string.byte("A"), string.char(97, 98), ("x"):rep(0), ("abc"):sub(-2), ("abc"):sub(5), ("abc"):sub(0))
print(table.concat({}, ","), table.concat({1}, ","), select("#", table.unpack({}, 1, 3)))
print(next({}), type(next), rawequal("a", "a"), #{1, 2, nil, 4} >= 2)
print(tostring(true), tostring(nil), tonumber("  0x1p4  "), tonumber("1e"), tonumber(""), tonumber("0x"), tonumber("1 2"))
print(tonumber("z", 36), tonumber("ff", 16), tonumber("777", 8), tonumber("11", 2), tonumber("8", 8))
print(math.tointeger("8"), math.tointeger(2^53), 3 == 3.0000000000000001, 0.1 + 0.2 == 0.3)
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(("%s %s"):format(nil, true), ("%10.3s|"):format("abcdef"))
local big = {}
for i = 1, 100 do big[i] = i end
print(select("#", table.unpack(big)), (select(100, table.unpack(big))))
print(string.rep("-", 3, "+"), ("abc"):reverse(), ("MiXeD"):lower(), ("MiXeD"):upper())
local mt = {__index = function(t, k) return k * 2 end}
local p = setmetatable({}, mt)
print(p[21], rawget(p, 21))
print(type(print) == "function", type({}) , type(nil), type(2), type("x"), type(coroutine.create(print)))
print(load("return 1 + ...")(41), type(load(function() return nil end)), pcall(load, "x"))
local env = {y = 5}
print(load("return y", "chunk", "t", env)())
print(select(-2, "a", "b", "c"))
print(string.find("abc", "b", 1, true), string.find("a.c", ".", 1, true), string.find("abc", "x"))
print(math.ult(-1, 1), 7 >> 1, -8 >> 1 == (-8 >> 1), 1 << -1, 2^-1)
goto e
do print("skipped") end
::e::
print("end")
