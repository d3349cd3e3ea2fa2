-- String building and patterns: concatenation, table.concat, string.format, rep, upper, and
-- pattern matching with gmatch, gsub, find and match.
-- usage: strings.lua [N=200000] [REPS=1]; prints "checksum C" and "hot S" (best in-script time, s).
local n = tonumber(arg and arg[1]) or 200000
local reps = tonumber(arg and arg[2]) or 1
local M = 1000000007

local function run(size)
  local parts = {}
  for i = 1, size do parts[#parts + 1] = "item" .. i .. "=" .. (i % 97) end
  local s = table.concat(parts, ",")
  local sum = #s
  for key, value in s:gmatch("(%a+%d+)=(%d+)") do
    sum = (sum + #key + tonumber(value)) % M
  end
  local replaced, count = s:gsub("item(%d)", "I%1")
  sum = (sum + #replaced + count) % M
  local formatted = {}
  for i = 1, math.floor(size / 4) do
    formatted[i] = string.format("%5d|%-6s|%x", i, "v" .. (i % 10), i)
  end
  local f = table.concat(formatted)
  sum = (sum + #f) % M
  local pos, found = 1, 0
  while true do
    local a, b = s:find("item%d+5=", pos)
    if not a then break end
    found = found + 1
    pos = b + 1
  end
  sum = (sum + found) % M
  local acc = ""
  for i = 1, 2000 do acc = acc .. string.char(97 + i % 26) end
  sum = (sum + #acc:upper():rep(3) + #(acc:match("(abc.-xyz)") or "")) % M
  return sum
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
