-- load with text chunks, environments, _ENV and _G.
local f = load("return 1 + 1")
print(f())
print(load("syntax error here"))
print(load("return +", "=mychunk"))
print(load("x = ", "@file.lua"))
print(load("return ...", "chunk")(1, 2))
local env = {y = 5}
local g = load("y = y * 2; return y", "envchunk", "t", env)
print(g(), env.y, y)
local parts = {"return ", "4", "2"}
local i = 0
print(load(function() i = i + 1; return parts[i] end)())
print(pcall(load, "return 1", "c", "b"))
print(load("return 1", "c", "b"))
do
  local _ENV = {print = print, tostring = tostring}
  z = 10
  print(z, tostring(_ENV.z))
end
print(z)
local function sandboxed()
  local _ENV = setmetatable({}, {__index = _G})
  newglobal = "local to sandbox"
  return newglobal, _G.newglobal
end
print(sandboxed())
print(_G._G == _G, _G.print == print, type(_ENV), _ENV == _G)
_G.viaG = 7
print(viaG)
local code = "local a, b = ... return a * b"
print(load(code)(6, 7))
print(load("return _ENV")() == _G)
local e2 = {}
print(load("return _ENV", "c", "t", e2)() == e2)
print(load("local t = {} ; t.x = 1 ; return t.x")())
print(pcall(load("error('in loaded chunk')", "=loaded")))
print(pcall(load("error('in loaded chunk 2')", "@loaded.lua")))
print(pcall(load("local x = nil; return x.y", "=named")))
print(load("return 1", nil, nil, nil)())
print(_VERSION)
print(load("\27Lua"))
