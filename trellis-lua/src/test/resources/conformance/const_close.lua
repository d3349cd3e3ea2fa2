-- <const> and <close> variables.
local a <const> = 10
local b <const>, c = 20, 30
print(a, b, c)
print(load("local x <const> = 1; x = 2"))
print(load("local x <foo> = 1"))
print(load("local x <close>, y <close> = 1, 2"))
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(self, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
do
  local x <close> = closer("x")
  local y <close> = closer("y")
  local z <close> = nil
  log[#log + 1] = "body"
end
print(table.concat(log, " "))
log = {}
print(pcall(function()
  local x <close> = closer("x")
  error("boom", 0)
end))
print(table.concat(log, " "))
log = {}
local function early()
  local x <close> = closer("ret")
  return "returned"
end
print(early(), table.concat(log, " "))
log = {}
for i = 1, 2 do
  local c <close> = closer("loop" .. i)
end
print(table.concat(log, " "))
print(pcall(function() local x <close> = {} end))
print(pcall(function() local x <close> = 42 end))
log = {}
print(pcall(function()
  local x <close> = setmetatable({}, {__close = function() error("in close", 0) end})
  local y <close> = closer("y")
  return "ok"
end))
print(table.concat(log, " "))
log = {}
do
  local ok = pcall(function()
    local x <close> = closer("a")
    local y <close> = closer("b")
    error({code = 1})
  end)
  print(ok, #log, log[1]:match("^b:table") ~= nil, log[2]:match("^a:table") ~= nil)
end
local k <const> = "str" .. "ing"
print(k, #k)
log = {}
local co = coroutine.wrap(function()
  local x <close> = closer("co")
  coroutine.yield(1)
  return 2
end)
print(co(), #log, co(), table.concat(log, " "))
