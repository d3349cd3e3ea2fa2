-- Closures: creation in a loop, upvalue reads and writes, higher-order map and fold.
-- usage: closures.lua [N=1000000] [REPS=1]; prints "checksum C" and "hot S" (best in-script time, s).
local n = tonumber(arg and arg[1]) or 1000000
local reps = tonumber(arg and arg[2]) or 1
local M = 1000000007

local function adder(x)
  return function(y) return x + y end
end

local function counter()
  local count = 0
  return function(step) count = count + step; return count end
end

local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function fold(t, f, acc)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function run(size)
  local total = 0
  for i = 1, size do
    local f = adder(i)
    total = (total + f(1)) % M
  end
  local c = counter()
  for i = 1, size * 2 do c(i % 3) end
  total = (total + c(0)) % M
  local t = {}
  for i = 1, 1000 do t[i] = i end
  for _ = 1, math.floor(size / 1000) do
    local doubled = map(t, function(v) return v * 2 end)
    total = (total + fold(doubled, function(a, v) return (a + v) % M end, 0)) % M
  end
  return total
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
