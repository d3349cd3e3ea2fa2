-- Loops over tables: array fill and sums (numeric for, ipairs), hash inserts, lookups and pairs.
-- usage: table_loop.lua [N=1000000] [REPS=1]; prints "checksum C" and "hot S" (best in-script time, s).
local n = tonumber(arg and arg[1]) or 1000000
local reps = tonumber(arg and arg[2]) or 1
local M = 1000000007

local function run(size)
  local sum = 0
  for pass = 1, 3 do
    local t = {}
    for i = 1, size do t[i] = i * 2 + pass end
    for i = 1, #t do sum = (sum + t[i]) % M end
    for _, v in ipairs(t) do sum = (sum + v) % M end
  end
  local keys = {}
  for i = 1, 1000 do keys[i] = "k" .. i end
  local h = {}
  for i = 1, size do
    local k = keys[i % 1000 + 1]
    h[k] = (h[k] or 0) + i
  end
  for _, v in pairs(h) do sum = (sum + v) % M end
  local hits = 0
  for i = 1, size do
    if h[keys[i % 1000 + 1]] then hits = hits + 1 end
  end
  return (sum + hits) % M
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
