-- __index / __newindex chains, rawget/rawset, __call, __len, __metatable.
local base = {greet = function(self) return "hello " .. self.name end, kind = "base"}
base.__index = base
local derived = setmetatable({kind = "derived"}, base)
derived.__index = derived
local obj = setmetatable({name = "obj"}, derived)
print(obj:greet(), obj.kind, rawget(obj, "kind"), obj.missing)
local calls = {}
local proxy = setmetatable({}, {
  __index = function(t, k) calls[#calls + 1] = "get " .. tostring(k); return k .. "!" end,
  __newindex = function(t, k, v) calls[#calls + 1] = "set " .. tostring(k); rawset(t, k, v * 2) end,
})
print(proxy.a, proxy[1], proxy.b)
proxy.x = 5; proxy.x = 7
print(proxy.x, rawget(proxy, "x"), table.concat(calls, ","))
local store = {}
local ni = setmetatable({}, {__newindex = store})
ni.a = 1
print(rawget(ni, "a"), store.a)
local chain = setmetatable({}, {__index = setmetatable({}, {__index = {deep = "found"}})})
print(chain.deep)
local callable = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(callable(1, 2))
print(pcall(function() local t = {}; t() end))
local len = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#len, rawlen(len))
local locked = setmetatable({}, {__metatable = "locked"})
print(getmetatable(locked), pcall(setmetatable, locked, {}))
print(getmetatable("abc").__index == string, getmetatable(1), getmetatable(print))
local counter = setmetatable({}, {__index = function(t, k) local v = k * 10; rawset(t, k, v); return v end})
print(counter[3], rawget(counter, 3), rawget(counter, 4))
local ro = setmetatable({}, {__index = {a = 1}, __newindex = function(t, k) error("read-only: " .. k, 2) end})
print(ro.a, pcall(function() ro.b = 2 end))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(select("#", setmetatable({}, nil)), getmetatable(setmetatable({}, nil)))
local idx = setmetatable({}, {__index = "string"})
print(pcall(function() return type(idx.len) end))
local t = setmetatable({}, {__index = table})
print(t.concat({1, 2}, "+"))
