local log = {}
local base = {greet = function() return "hi" end}
local mid = setmetatable({}, {__index = base})
local obj = setmetatable({}, {__index = mid})
print(obj.greet(), rawget(obj, "greet"))
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = 1
print(rawget(proxy, "a"), store.a)
local callable = setmetatable({}, {__call = function(self, a, b) return a + b, self end})
print((callable(2, 3)))
local n = setmetatable({}, {__concat = function(a, b) return "C(" .. tostring(type(a)) .. "," .. tostring(type(b)) .. ")" end})
print(n .. 1, 1 .. n, "s" .. n)
local e1 = setmetatable({}, {__eq = function() return true end})
local e2 = setmetatable({}, {__eq = function() return true end})
print(e1 == e2, e1 == 1, e1 ~= e2)
local lt = {__lt = function(a, b) return true end, __le = function(a, b) return false end}
local l1, l2 = setmetatable({}, lt), setmetatable({}, lt)
print(l1 < l2, l1 <= l2, l1 > l2, l1 >= l2, pcall(function() return l1 < 1 end))
print(-setmetatable({}, {__unm = function() return "neg" end}), #setmetatable({}, {__len = function() return 42 end}))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(tostring(setmetatable({}, {__name = "MyType"})):match("^MyType: ") ~= nil)
local prot = setmetatable({}, {__metatable = false})
print(getmetatable(prot), pcall(setmetatable, prot, nil))
local pt = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(pt) do print("pairs", k, v) end
local t = {}
t[1.0] = "a"; t[2] = "b"
print(t[1], #t, t[2.0], pcall(function() t[0/0] = 1 end))
print(pcall(function() t[nil] = 1 end))
local idx = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(idx) do print("ipairs", i, v) end
print(table.unpack(idx, 1, 3))
local ins = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v .. "!") end})
table.insert(ins, "x")
print(ins[1])
print(("abc"):len(), ("%d"):rep(2), #"")
local s = "x"
print(pcall(function() s.y = 1 end))
print(getmetatable("").__index == string, getmetatable("").__name)
local cnt = 0
local mt2 = {__index = function(t, k) cnt = cnt + 1 return nil end}
local tt = setmetatable({}, mt2)
local _ = tt.a, tt.b
print(cnt)
local arith = setmetatable({}, {__add = function(a, b) return "added" end, __div = function() return "div" end, __mod = function() return "mod" end, __idiv = function() return "idiv" end, __band = function() return "band" end, __shl = function() return "shl" end, __bnot = function() return "bnot" end})
print(arith + 1, 2 + arith, arith / 2, arith % 2, arith // 2, arith & 1, 1 << arith, ~arith)
print(pcall(function() return {} + 1 end))
print(pcall(function() return 1 & {} end))
print(pcall(function() return 2^{} end))
print(rawequal(e1, e2), rawlen({1, 2, 3}), rawlen("abcd"))
local ud = setmetatable({}, {__index = string})
print(ud.upper("q"))
local chain = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "deep " .. k end})})
print(chain.zz)
local ni = setmetatable({}, {__newindex = setmetatable({}, {__newindex = function(_, k, v) print("deep set", k, v) end})})
ni.q = 5
