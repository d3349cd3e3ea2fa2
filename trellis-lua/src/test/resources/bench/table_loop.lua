-- Array fill and sum, hash inserts and lookups.
local t = {}
for i = 1, 2000000 do t[i] = i * 2 end
local sum = 0
for i = 1, #t do sum = sum + t[i] end
local h = {}
for i = 1, 200000 do h["k" .. (i % 1000)] = i end
local c = 0
for k, v in pairs(h) do c = c + v end
for _, v in ipairs(t) do sum = sum + v end
print(sum, c)
