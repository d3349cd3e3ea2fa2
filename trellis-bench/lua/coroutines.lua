-- Coroutine switches: a generator (coroutine.wrap) and resume/yield passing values both ways.
-- usage: coroutines.lua [N=1000000] [REPS=1]; prints "checksum C" and "hot S" (best in-script time, s).
-- N resumes of each kind; every resume and every yield is one switch (4 N switches in all).
local n = tonumber(arg and arg[1]) or 1000000
local reps = tonumber(arg and arg[2]) or 1
local M = 1000000007

local function run(size)
  local gen = coroutine.wrap(function()
    local i = 0
    while true do
      i = i + 1
      coroutine.yield(i)
    end
  end)
  local s = 0
  for _ = 1, size do s = (s + gen()) % M end
  local co = coroutine.create(function(a)
    while true do a = coroutine.yield(a * 2 % M) end
  end)
  for i = 1, size do
    local _, v = coroutine.resume(co, i)
    s = (s + v) % M
  end
  return s
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
