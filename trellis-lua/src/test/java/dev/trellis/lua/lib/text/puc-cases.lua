-- Records PUC Lua's answers for the "> expr" lines of a *Cases.java file, rewriting its "= result"
-- lines. Run from this directory:  TZ=UTC lua5.4 puc-cases.lua PatternCases.java
-- Every expression is a call of one of the functions in 'env' below on literal arguments; the
-- Java side (LuaTextHarness) evaluates the same call on the text-library classes and serialises
-- the results the same way.
local file = assert(arg[1], "usage: lua5.4 puc-cases.lua XCases.java")

local function ser(v)
  local t = math.type(v)
  if t == "integer" then return tostring(v)
  elseif t == "float" then
    return "f" .. (string.pack("<d", v):gsub(".", function(c) return ("%02x"):format(c:byte()) end))
  elseif type(v) == "string" then
    return '"' .. v:gsub('[%c"\\\128-\255]', function(c) return ("\\%03d"):format(c:byte()) end) .. '"'
  elseif type(v) == "table" then
    local parts = {}
    for i = 1, #v do parts[i] = ser(v[i]) end
    return "{" .. table.concat(parts, ", ") .. "}"
  else return tostring(v) end
end

local function pack(...) return {n = select("#", ...), ...} end

local env = {
  inf = math.huge, nan = 0/0, mininteger = math.mininteger, maxinteger = math.maxinteger,
  find = string.find, match = string.match, gsub = string.gsub, format = string.format,
  pack = string.pack, unpack = string.unpack, packsize = string.packsize,
  utf8char = utf8.char, utf8len = utf8.len, utf8codepoint = utf8.codepoint,
  utf8offset = utf8.offset, tonumber = tonumber, tointeger = math.tointeger,
  tostring = tostring, date = os.date,
  F_upper = string.upper, F_nil = function() return nil end, F_false = function() return false end,
  F_table = function() return {} end, F_num = function() return 42 end,
  F_caps = function(...)
    local t = pack(...)
    for i = 1, t.n do t[i] = tostring(t[i]) end
    return table.concat(t, ",")
  end,
  gmatch = function(s, p, init)
    local out = {}
    for a, b, c in string.gmatch(s, p, init) do out[#out + 1] = {a, b, c} end
    return out
  end,
  utf8codes = function(s, lax)
    local out = {}
    for p, c in utf8.codes(s, lax) do out[#out + 1] = {p, c} end
    return out
  end,
  ostime = function(t)
    local r = os.time(t)
    return r, t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst
  end,
}

local out = {}
for line in io.lines(file) do
  local expr = line:match("^> (.*)$")
  if expr then
    out[#out + 1] = line
    local lua = expr:gsub("\\\\", "\\")           -- undo the Java text-block escaping
    local f = assert(load("return " .. lua, "=case", "t", env))
    local r = pack(pcall(f))
    local res
    if not r[1] then res = "E: " .. tostring(r[2]):gsub("^[%w%.%-]+:%d+: ", "")  -- drop the position luaL_error adds
    else
      local parts = {}
      for i = 2, r.n do parts[#parts + 1] = ser(r[i]) end
      res = table.concat(parts, ", ")
    end
    out[#out + 1] = "= " .. res:gsub("\\", "\\\\")
  elseif not line:match("^= ") then
    out[#out + 1] = line
  end
end
local fh = assert(io.open(file, "w"))
fh:write(table.concat(out, "\n"), "\n")
fh:close()
