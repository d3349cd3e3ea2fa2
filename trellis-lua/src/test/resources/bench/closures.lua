-- Closure creation and upvalue access.
local function adder(x) return function(y) return x + y end end
local total = 0
for i = 1, 1000000 do
  local f = adder(i)
  total = total + f(1)
end
local count = 0
local function inc() count = count + 1 end
for i = 1, 3000000 do inc() end
print(total, count)
