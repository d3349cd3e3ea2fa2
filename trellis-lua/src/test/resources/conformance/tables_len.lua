-- Table constructors, the length operator and table.pack/unpack.
local t = {1, 2, 3}
print(#t, #{}, #{nil}, #{1, 2, 3, nil}, #{n = 1}, #"abc")
t[#t + 1] = 4; print(#t, t[4])
t[#t] = nil; print(#t)
local function f() return 1, 2, 3 end
print(#{f()}, #{f(), f()}, #{(f())}, #{f(), nil}, #{f(), 10})
local p = table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3], #table.pack())
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3), table.unpack({}, 1, 0))
print(select("#", table.unpack({}, 1, 3)), table.unpack({1, 2}, -1, 1))
local m = {[1] = "a", [2] = "b", x = "y", [3.0] = "c"}
print(#m, m[3], m.x, m["x"])
local keys = {}
for k in pairs({a = 1, b = 2, c = 3, 10, 20}) do keys[#keys + 1] = tostring(k) end
table.sort(keys); print(table.concat(keys, " "))
local seq = {}
for i = 1, 100 do seq[i] = i * i end
print(#seq, seq[100], rawlen(seq), rawlen("abcd"))
local nested = {{1, {2, {3}}}, x = {y = {z = "deep"}}}
print(nested[1][2][2][1], nested.x.y.z, #nested)
print(next({}), type(next), rawequal(t, t), rawequal({}, {}))
local t2 = {10, 20, 30, [5] = 50}
print(t2[4], t2[5], ({10, 20})[2], ({...}) ~= nil)
local t3 = {}; t3[1] = 1; t3[2] = 2; t3[4] = 4
print(t3[3], t3[4])
print(pcall(function() local x = {}; x[nil] = 1 end))
print(pcall(function() local x = {}; x[0/0] = 1 end))
print(({})[nil], rawget({}, "x"), rawset({}, "a", 1).a)
local cnt = 0
for i, v in ipairs({1, 2, nil, 4}) do cnt = cnt + 1 end
print("ipairs stops at nil", cnt)
