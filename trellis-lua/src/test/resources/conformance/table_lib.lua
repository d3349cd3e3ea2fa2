-- The table library: insert, remove, concat, move, unpack, sort.
local t = {1, 2, 3}
table.insert(t, 4); table.insert(t, 1, 0)
print(table.concat(t, ","), #t)
print(table.remove(t), table.remove(t, 1), table.concat(t, ","))
print(table.remove({}), table.remove({}, 0), #t)
local e = {}
print(table.remove(e, 0), table.remove(e, #e), table.remove(e, #e + 1))
print(pcall(table.insert, {1, 2}, 5, "x"))
print(pcall(table.insert, {1, 2}, 0, "x"))
print(pcall(table.insert, {1, 2}))
print(pcall(table.insert, {1, 2}, 1, 2, 3))
print(pcall(table.remove, {1, 2, 3}, 7))
local r = {1, 2, 3}
print(table.remove(r, 4), #r, table.remove(r, 3), #r)
print(table.concat({}), table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", ", 2), table.concat({1, 2, 3}, "-", 2, 3))
print(table.concat({1, 2.5, "x"}, " "), table.concat({1, 2}, "", 3), table.concat({"a"}, "", 1, 1))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ",", 1, 3))
local m = table.move({1, 2, 3}, 1, 3, 2)
print(table.concat(m, ","))
m = table.move({1, 2, 3, 4, 5}, 2, 4, 1)
print(table.concat(m, ","))
local dst = table.move({1, 2, 3}, 1, 3, 3, {"a", "b"})
print(table.concat(dst, ","))
print(#table.move({}, 1, 0, 1), table.concat(table.move({1, 2}, 1, 2, 1, {}), ","))
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2, 3), select("#", table.unpack({}, 1, 2)))
local s = {5, 2, 8, 1, 9, 3}
table.sort(s); print(table.concat(s, " "))
table.sort(s, function(a, b) return a > b end); print(table.concat(s, " "))
local words = {"banana", "Apple", "cherry", "apple"}
table.sort(words); print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(table.concat(words, " "))
local recs = {{n = "b", v = 2}, {n = "a", v = 2}, {n = "c", v = 1}}
table.sort(recs, function(x, y) if x.v ~= y.v then return x.v < y.v end return x.n < y.n end)
print(recs[1].n, recs[2].n, recs[3].n)
print(pcall(table.sort, {1, "x", 2}))
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 211 end
table.sort(big)
local sorted = true
for i = 2, #big do if big[i - 1] > big[i] then sorted = false end end
print("big sorted", sorted, big[1], big[200])
local one = {1}; table.sort(one); print(one[1])
table.sort({}); print("empty sort ok")
local p = table.pack(nil, nil)
print(p.n, #p)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 100 end end, __len = function() return 3 end})
print(table.concat(proxy, ","), table.unpack(proxy))
local ins = setmetatable({}, {__len = function() return 10 end, __newindex = function(t, k, v) rawset(t, k, v) end})
table.insert(ins, "x"); print(rawget(ins, 11))
