-- Numeric for loops (integer and float) and generic for.
local out = {}
for i = 1, 5 do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = 10, 1, -3 do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = 1, 0 do out[#out + 1] = i end
print(#out)
for i = 1.0, 2.0, 0.5 do print("float", i, math.type(i)) end
for i = 1, 2.5 do print("mixed", i, math.type(i)) end
for i = 0.1, 0.35, 0.1 do print("inexact", i) end
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
print("near maxinteger", n)
n = 0
for i = math.mininteger, math.mininteger + 2 do n = n + 1 end
print("near mininteger", n)
n = 0
for i = math.mininteger + 2, math.mininteger, -1 do n = n + 1 end
print("down to mininteger", n)
n = 0
for i = 1, math.huge do n = n + 1; if n == 5 then break end end
print("to huge", n)
n = 0
for i = 3, -math.huge, -1 do n = n + 1; if n == 4 then break end end
print("to -huge", n)
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 10 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, nil do end end))
for i = "1", "2" do print("string bounds", i, math.type(i)) end
for i = 1, 3 do local j = i; i = i * 10; print("modified copy", i, j) end
local t = {"a", "b", "c"}
for i, v in ipairs(t) do print(i, v) end
local keys = {}
for k, v in pairs({x = 1, y = 2, z = 3}) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
print(table.concat(keys, ","))
local function range(n)
  return function(_, i) if i < n then return i + 1 end end, nil, 0
end
for i in range(3) do print("custom iter", i) end
for k, v in next, {10} do print("next iter", k, v) end
print(pcall(function() for x in 5 do end end))
for i = 3, 1 do print("never") end
for i = 1, 3, 2 do print("step 2", i) end
for i = -1, -3, -1 do print("neg", i) end
for i = 1, 1 do print("once", i) end
