-- error messages
local function try(f, ...) local ok, e = pcall(f, ...) print(ok, e) end
try(function() local a; return a + 1 end)
try(function() return undefinedglobal.x end)
try(function() undefinedfn() end)
try(function() local t = {} t.foo.bar = 1 end)
try(function() local t = {} t:nomethod() end)
try(function() return "abc" + 1 end)
try(function() return {} .. "x" end)
try(function() local s = "x" return s .. nil end)
try(function() return 1 < "x" end)
try(function() return {} < {} end)
try(function() return #nil end)
try(function() return -{} end)
try(function() return 1 // 0 end)
try(function() return 1 % 0 end)
try(function() return 1.5 | 0 end)
try(function() return "a" | 0 end)
try(function() error("msg", 0) end)
try(function() error("msg", 2) end)
try(function() error() end)
try(function() local up = nil; return (function() return up.x end)() end)
try(function() string.rep() end)
try(function() ("x"):rep(1e10) end)
try(function() setmetatable(1, {}) end)
try(function() for i = 1, "x" do end end)
try(function() for i = 1, 10, 0 do end end)
try(function() local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end}) return t.zz end)
try(function() return math.floor("a") end)
try(function() return ("abc"):bad() end)
try(function() assert(false) end)
try(function() assert(nil, "custom") end)
try(function() assert(1 == 1, "fine") return "ok" end)
print(select(2, pcall(error, "direct")))
print(xpcall(function() error("E") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
local ok, e = pcall(function() local t = setmetatable({}, {__newindex = function(t,k,v) rawset(t, k, v * 2) end}) t.a = 5 return t.a end)
print(ok, e)
-- varargs
local function va(...) local a, b = ... return select('#', ...), a, b, ... end
print(va())
print(va(1, nil, 3))
print((va(1, 2)))
local function pack2(...) return {...}, select('#', ...) end
local p, n = pack2(nil, nil)
print(#p, n)
print(table.pack(1, nil, 3).n)
-- tail calls
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(1000000))
-- closures
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local function counter() local c = 0 return function() c = c + 1 return c end end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2())
local ws = {}
local j = 1
while j <= 3 do local k = j ws[j] = function() return k end j = j + 1 end
print(ws[1](), ws[2](), ws[3]())
-- goto continue
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io = i
  ::continue::
end
do
  local i = 1
  ::top::
  if i <= 3 then i = i + 1 goto top end
  print("i", i)
end
-- integer/float
print(3 / 2, 4 / 2, 7 // 2, 7.0 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 % 2, 2^2, 10 // 3.0)
print(math.tointeger(3.0), math.tointeger(3.5), 1e15, 1e16, 123456789012345678)
print(0x7fffffffffffffff + 1, math.mininteger // -1, math.ult(1, -1), 5 // 0.0, -5 % math.huge)
print(string.format and "fmt" or "nofmt", 255 // 1, 1e300 * 1e10, -(0/0) ~= -(0/0))
print(100000000000000, 2^63, math.maxinteger + 0.0, -2^63 == math.mininteger)
print(tostring(1e14), tostring(123.456), 1/3, 100 * 1.1, 3.14159265358979)
