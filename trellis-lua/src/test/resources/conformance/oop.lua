-- Object-oriented patterns: classes, inheritance, method calls, super calls.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name, self.sound = name, sound
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:kind() return "dog, a kind of " .. Animal.kind(self) end
function Dog:fetch() return self.name .. " fetches" end
local a, d = Animal.new("cat", "meow"), Dog.new("rex")
print(a:speak(), d:speak(), d:fetch(), a:kind(), d:kind())
print(getmetatable(d) == Dog, getmetatable(a) == Animal, d.fetch ~= nil, a.fetch)
local Stack = {}
Stack.__index = Stack
Stack.__len = function(s) return s.n end
Stack.__tostring = function(s) return "Stack(" .. table.concat(s.items, ",", 1, s.n) .. ")" end
function Stack.new() return setmetatable({items = {}, n = 0}, Stack) end
function Stack:push(...) for _, v in ipairs({...}) do self.n = self.n + 1; self.items[self.n] = v end return self end
function Stack:pop() local v = self.items[self.n]; self.items[self.n] = nil; self.n = self.n - 1; return v end
local s = Stack.new():push(1, 2, 3)
print(#s, tostring(s), s:pop(), #s, tostring(s))
local Account = {balance = 0}
function Account:new(o) o = o or {}; setmetatable(o, self); self.__index = self; return o end
function Account:deposit(v) self.balance = self.balance + v end
function Account:withdraw(v) if v > self.balance then error("insufficient funds", 2) end self.balance = self.balance - v end
local acc = Account:new()
acc:deposit(100); acc:withdraw(30)
print(acc.balance, Account.balance, pcall(acc.withdraw, acc, 1000))
local Special = Account:new()
function Special:withdraw(v) self.balance = self.balance - v end
local sp = Special:new({balance = 10})
sp:withdraw(50)
print(sp.balance, getmetatable(sp) == Special)
local obj = {value = 5}
function obj.static(x) return x * 2 end
function obj:method(x) return self.value + x end
print(obj.static(4), obj:method(4), obj.method(obj, 4), pcall(obj.method, nil, 1))
