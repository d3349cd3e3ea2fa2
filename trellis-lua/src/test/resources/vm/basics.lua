print("hello", 1, 2.5, 10/2, 3//2, 7 % 3, 2^10, nil, true)
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(20))
local t = {1,2,3,x=5}
print(#t, t.x, t[2])
for i=1,3 do io = i end
local s = 0
for i = 10, 1, -2 do s = s + i end
print(s)
for k, v in ipairs(t) do print(k, v) end
print(select('#', 1, 2, 3), select(2, 'a', 'b', 'c'))
local mt = {__add = function(a, b) return a.v + b.v end, __index = function(t, k) return k .. "!" end}
local a = setmetatable({v=1}, mt)
local b = setmetatable({v=2}, mt)
print(a + b, a.foo)
print(pcall(function() error("boom") end))
print(select("#", pcall(function() error({code=1}) end)))
print(pcall(function() local x = nil; return x.y end))
print(string.upper("abc"), ("xyz"):upper(), #"hello")
local co = coroutine.create(function(a, b)
  print("co", a, b)
  local c = coroutine.yield(a + b)
  print("co2", c)
  return "done"
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, "x"))
print(coroutine.resume(co))
goto skip
print("not printed")
::skip::
print(1 == 1.0, "1" == 1, 0.1 + 0.2, 1e100, -0.0, 1/0, math.maxinteger + 1 == math.mininteger)
print(math.type(1), math.type(1.0), math.type("1"), 3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 62, 256 >> 4)
print(tostring(nil), tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("abc"), tonumber("10", 2))
local x <const> = 5
do local c <close> = setmetatable({}, {__close=function() print("closed") end}) print("in block") end
print(string.rep("ab", 3, ","), ("hello"):sub(2, -2), ("abc"):byte(1, -1))
print(table.concat({1, 2, 3}, "-"), table.unpack({1, 2, 3}))
local tt = {5, 2, 8, 1}
table.sort(tt) print(table.concat(tt, " "))
table.insert(tt, 1, 0) table.insert(tt, 9) print(table.concat(tt, " "), table.remove(tt), table.remove(tt, 1))
print(math.floor(3.7), math.ceil(3.2), math.max(1, 5, 3), math.huge, -math.huge, math.pi)
print(8 // 0.0, -8 // 0.0, 5.5 % 2, -5 % 3, 5 % -3, 2^53)
