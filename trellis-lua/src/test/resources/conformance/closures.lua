-- Closures and upvalues: sharing, per-iteration locals, counters, recursion.
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
print(get(), inc(), get())
local inc2 = counter()
print(inc2(), get())
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local fns2 = {}
local j = 0
while j < 3 do
  j = j + 1
  local k = j
  fns2[j] = function() return k, j end
end
print(fns2[1](), fns2[3]())
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local shared
do
  local x = 10
  shared = {function() x = x + 1 return x end, function() return x end}
end
print(shared[1](), shared[1](), shared[2]())
local function outer()
  local a = 1
  local function middle()
    local b = 2
    return function() a = a + 1; b = b + 1; return a + b end
  end
  return middle(), function() return a end
end
local f, ga = outer()
print(f(), f(), ga())
local adders = {}
for _, v in ipairs({10, 20, 30}) do adders[#adders + 1] = function(x) return x + v end end
print(adders[1](1), adders[2](1), adders[3](1))
local function memo(fn)
  local cache = {}
  return function(n) local v = cache[n]; if v == nil then v = fn(n); cache[n] = v end; return v end
end
local calls = 0
local sq = memo(function(n) calls = calls + 1; return n * n end)
print(sq(4), sq(4), sq(5), calls)
local x = 1
local function g() return x end
x = 2
print(g())
local t = {}
for i = 1, 3 do
  local y = i * 10
  t[i] = function() y = y + 1; return y end
end
print(t[1](), t[1](), t[2](), t[3]())
