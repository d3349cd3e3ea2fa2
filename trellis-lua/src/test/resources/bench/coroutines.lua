-- Coroutine switches: a generator resumed many times.
local gen = coroutine.wrap(function()
  local i = 0
  while true do i = i + 1; coroutine.yield(i) end
end)
local s = 0
for i = 1, 1000000 do s = s + gen() end
local co = coroutine.create(function(a) while true do a = coroutine.yield(a * 2) end end)
for i = 1, 500000 do local _, v = coroutine.resume(co, i) s = s + v end
print(s)
