-- goto, scopes, upvalues in loops
local out = {}
for i = 1, 3 do
  for j = 1, 3 do
    if j == i then goto continue end
    out[#out + 1] = i .. j
    ::continue::
  end
end
print(table.concat(out, " "))
do
  local k = 0
  local fs = {}
  ::again::
  do
    local v = k
    fs[#fs + 1] = function() return v end
  end
  k = k + 1
  if k < 4 then goto again end
  print(fs[1](), fs[2](), fs[4]())
end
local function find(t, x)
  for i, v in ipairs(t) do
    if v == x then goto found end
  end
  do return nil end
  ::found::
  return "found"
end
print(find({1, 2, 3}, 2), find({1}, 5))
local i = 1
while true do
  i = i + 1
  if i > 5 then break end
end
print(i)
local r = 0
repeat
  local z = r
  r = r + 1
  if z == 2 then goto skip end
  ::skip::
until z >= 4
print(r)
local acc = {}
for _, w in ipairs({"a", "b", "c"}) do
  local captured = w
  acc[#acc + 1] = function() return captured .. w end
end
print(acc[1](), acc[3]())
local function outer()
  local x = 1
  local function mid()
    local function inner() x = x + 1 return x end
    return inner
  end
  local f = mid()
  f() f()
  return x
end
print(outer())
local t = {}
for i = 1, 3 do
  local j = i
  t[i] = function() j = j + 10 return j end
end
print(t[1](), t[1](), t[2]())
-- nested functions and varargs
local function va(...)
  local n = select("#", ...)
  local function inner(...) return n, ... end
  return inner(...)
end
print(va(1, nil, 3))
print((va()))
-- numeric for with float accumulations
local s = 0
for x = 0, 1, 0.25 do s = s + x end
print(s)
for x = 3, 1, -1 do io = x end
print(pcall(function() for q = 1, 10, 0 do end end))
local big = 0
for q = math.maxinteger - 2, math.maxinteger do big = big + 1 end
print(big)
for q = math.mininteger, math.mininteger + 2 do big = big + 1 end
print(big)
for q = 1, 3 do local q2 = q * 2 if q2 == 4 then break end print("q", q) end
