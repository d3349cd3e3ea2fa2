-- Proper tail calls: deep tail recursion does not overflow.
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(200000, 0))
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(100001), odd(100001))
local function multi(n) if n == 0 then return 1, 2, 3 end return multi(n - 1) end
print(multi(1000))
local function count(n) if n > 0 then return count(n - 1) end return "done" end
print(count(500000))
local function notail(n) if n == 0 then return 0 end return (notail(n - 1)) end
print(notail(100))
local t = setmetatable({}, {__call = function(self, n) if n == 0 then return "meta done" end return self(n - 1) end})
print(t(10000))
print(pcall(function() local function inf(n) return 1 + inf(n + 1) end return inf(1) end))
print(select("#", (function() return (function(...) return ... end)(1, 2, 3) end)()))
