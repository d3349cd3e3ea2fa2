-- Method calls through metatables: a class, a subclass (two-level __index), self field access.
-- usage: methods.lua [N=1000000] [REPS=1]; prints "checksum C" and "hot S" (best in-script time, s).
local n = tonumber(arg and arg[1]) or 1000000
local reps = tonumber(arg and arg[2]) or 1
local M = 1000000007

local Point = {}
Point.__index = Point

function Point.new(x, y)
  return setmetatable({x = x, y = y}, Point)
end

function Point:add(o)
  return Point.new(self.x + o.x, self.y + o.y)
end

function Point:len2()
  return self.x * self.x + self.y * self.y
end

local Point3 = setmetatable({}, {__index = Point})
Point3.__index = Point3

function Point3.new(x, y, z)
  local p = Point.new(x, y)
  p.z = z
  return setmetatable(p, Point3)
end

function Point3:len2()
  return Point.len2(self) + self.z * self.z
end

local Account = {}
Account.__index = Account

function Account.new() return setmetatable({balance = 0, ops = 0}, Account) end
function Account:deposit(v) self.balance = self.balance + v; self.ops = self.ops + 1 end
function Account:withdraw(v) self.balance = self.balance - v; self.ops = self.ops + 1 end

local function run(size)
  local p = Point.new(0, 0)
  local d = Point.new(1, 2)
  local s = 0
  for _ = 1, size do
    p = p:add(d)
    s = (s + p:len2() % 7) % M
  end
  local q = Point3.new(1, 2, 3)
  for i = 1, size do
    s = (s + q:len2() + i % 5) % M   -- inherited field access, overridden method
  end
  local a = Account.new()
  for i = 1, size do
    a:deposit(i % 10)
    a:withdraw(i % 3)
  end
  return (s + a.balance + a.ops + p.x + p.y) % M
end

local best, checksum = math.huge, nil
for _ = 1, reps do
  local t0 = os.clock()
  checksum = run(n)
  local dt = os.clock() - t0
  if dt < best then best = dt end
end
print(string.format("checksum %d", checksum))
print(string.format("hot %.6f", best))
