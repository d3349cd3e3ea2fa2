-- Varargs, select, multiple returns and their adjustment.
local function f(...) return select("#", ...), ... end
print(f())
print(f(nil))
print(f(1, nil, 3))
print(f(nil, nil))
local function three() return 1, 2, 3 end
print(three(), three())
print((three()))
print(({three(), three()})[4], ({three(), three()})[5])
local t = {three(), three()}
print(#t, t[4])
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-2, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, -5, "a"))
print(select("#"), select("#", nil, nil, nil), select(5, 1, 2))
local function pass(...) local a, b = ...; return a, b, ... end
print(pass(1, 2, 3))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, 2, 3, nil, 5))
local function packed(...) local p = table.pack(...); return p.n, #{...} end
print(packed(1, nil, nil))
local a, b, c = (function() return 1, 2 end)()
print(a, b, c)
local x, y = 1
print(x, y)
local function none() end
print(none(), (none()), select("#", none()), select("#", (none())))
print(string.format("%s %s", three()))
local function va_tail(...) return ... end
print(va_tail(1, nil, nil))
print(select("#", va_tail(1, nil, nil)))
local function count(...) return select("#", ...) end
print(count(three(), three()), count(three(), (three())), count(nil, three()))
print(math.max(three()), string.char(72, (three())))
