-- Wippy type annotations are parsed and ignored: function signatures, local declarations,
-- and "expr :: T" casts. Expected output written by hand (PUC Lua cannot parse this file).
local function add(a: number, b: number): number
  return a + b
end
print(add(2, 3))

local name: string = "wippy"
local count: integer, ratio: number = 3, 0.5
print(name, count, ratio)

local function greet(who: string?): string
  return "hello " .. (who or "nobody")
end
print(greet("trellis"), greet())

local function pair(): (number, string)
  return 1, "one"
end
print(pair())

local t: {string} = {"a", "b"}
local m: {[string]: number} = {x = 1}
print(#t, m.x)

local v = (count :: number) * 2
print(v)

local function varargs(...: any): number
  return select("#", ...)
end
print(varargs(1, nil, 3))

local obj = {}
function obj.method(self: any, x: number): number
  return x * 10
end
print(obj:method(4))

local f: (number) -> number = function(x: number): number return x + 1 end
print(f(41))
