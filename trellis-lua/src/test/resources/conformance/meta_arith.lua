-- Arithmetic, bitwise and concat metamethods.
local log = {}
local function mk(name)
  return function(a, b)
    local function v(x) return type(x) == "table" and x.v or x end
    log[#log + 1] = name
    return name .. "(" .. tostring(v(a)) .. "," .. tostring(v(b)) .. ")"
  end
end
local mt = {}
for _, e in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv",
                    "band", "bor", "bxor", "shl", "shr", "bnot", "concat"}) do
  mt["__" .. e] = mk(e)
end
local a = setmetatable({v = 1}, mt)
print(a + 2, 2 + a, a - 1, a * 3, a / 4, a % 5, a ^ 2, -a, a // 2)
print(a & 1, 1 | a, a ~ 3, a << 1, a >> 1, ~a, a .. "x", "x" .. a, 1 .. a)
print(#log, log[1], log[#log])
local V = {}
V.__index = V
V.__add = function(p, q) return setmetatable({x = p.x + q.x, y = p.y + q.y}, V) end
V.__eq = function(p, q) return p.x == q.x and p.y == q.y end
V.__lt = function(p, q) return p.x < q.x end
V.__le = function(p, q) return p.x <= q.x end
V.__tostring = function(p) return "(" .. p.x .. "," .. p.y .. ")" end
V.__len = function(p) return 2 end
V.__unm = function(p) return setmetatable({x = -p.x, y = -p.y}, V) end
V.__concat = function(p, q) return tostring(p) .. tostring(q) end
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
local p, q = vec(1, 2), vec(3, 4)
print(tostring(p + q), p == vec(1, 2), p ~= q, p < q, p <= q, p > q, p >= q, #p, tostring(-p), p .. q)
print(pcall(function() return p + 1 end))
print(pcall(function() return {} + 1 end))
print(pcall(function() return 1 < {} end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() return #nil end))
local eqcalls = 0
local E = {__eq = function() eqcalls = eqcalls + 1; return true end}
local e1, e2 = setmetatable({}, E), setmetatable({}, E)
print(e1 == e2, e1 == e1, e1 ~= e2, eqcalls, e1 == 1)
local S = setmetatable({}, {__add = function(x, y) return "added" end})
print(S + S, 5 + S, pcall(function() return S - 1 end))
local Z = setmetatable({}, {__div = function() return 1, 2 end})
print(Z / 1)
local cmp = setmetatable({}, {__lt = function() return "yes" end})
print(cmp < cmp, not (cmp < cmp))
