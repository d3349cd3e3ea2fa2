local log = {}
local function res(name, yields)
  return setmetatable({}, {__close = function(_, err)
    if yields then log[#log+1] = "y:" .. tostring(coroutine.yield(name)) end
    log[#log+1] = name .. ":" .. tostring(err)
  end})
end
local co = coroutine.wrap(function()
  do
    local a <close> = res("a", true)
    local b <close> = res("b", false)
    local c <close> = res("c", true)
  end
  for i = 1, 2 do
    local d <close> = res("d" .. i, true)
    if i == 1 then goto cont end
    break
    ::cont::
  end
  local function f() local e <close> = res("e", true) return "ret", "vals" end
  local r1, r2 = f()
  log[#log+1] = r1 .. r2
  return table.concat(log, " ")
end)
local outs = {}
local v = co()
while v ~= nil and not v:find(" ") do outs[#outs+1] = v v = co("R" .. #outs) end
print(table.concat(outs, ","))
print(v)
