-- goto, labels, blocks and local scoping.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  print("odd", i)
  ::continue::
end
local n = 0
::top::
n = n + 1
if n < 3 then goto top end
print("looped", n)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    print("pair", i, j)
  end
  ::next_i::
end
do
  local k = 0
  ::a::
  k = k + 1
  if k < 5 then goto a end
  print("k", k)
end
print(load("goto nowhere"))
print(load("do ::l:: end goto l"))
print(load("::dup:: ::dup::"))
print(load("goto f; local x; ::f:: print(x)"))
print(load("do goto f; local x end ::f::") ~= nil)
local x = "outer"
do local x = "inner"; print(x) end
print(x)
local y = 1
local y = y + 1
print(y)
local function shadow(x) local x = x * 2; return x end
print(shadow(5))
if true then local z = 1 end
print(z)
for i = 1, 2 do local i = i * 10; print("shadowed loop var", i) end
local fns = {}
for i = 1, 3 do
  local v = i
  if v == 2 then goto skip end
  fns[#fns + 1] = function() return v end
  ::skip::
end
print(#fns, fns[1](), fns[2]())
while true do
  do break end
end
repeat local r = 5 until r == 5
print("repeat sees body locals")
