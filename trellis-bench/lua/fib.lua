-- Recursive calls: naive Fibonacci.
-- usage: fib.lua [N=32] [REPS=1]; prints "checksum C" (fib(N)) and "hot S" (best in-script time, s).
local n = tonumber(arg and arg[1]) or 32
local reps = tonumber(arg and arg[2]) or 1

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

local function run(size)
  return fib(size)
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
