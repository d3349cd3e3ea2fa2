-- String building, concatenation, formatting and library calls.
local parts = {}
for i = 1, 200000 do parts[#parts + 1] = "item" .. i end
local s = table.concat(parts, ",")
local n = 0
for w in s:gmatch("[^,]+") do n = n + #w end
local acc = ""
for i = 1, 5000 do acc = acc .. "x" end
local f = {}
for i = 1, 50000 do f[i] = string.format("%d:%s:%.2f", i, "v", i / 3) end
print(#s, n, #acc, #table.concat(f), ("abc"):upper():rep(3))
