-- Small programs mixing strings, tables and closures.
local function quicksort(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo < hi then
    local p, i = t[hi], lo - 1
    for j = lo, hi - 1 do if t[j] <= p then i = i + 1; t[i], t[j] = t[j], t[i] end end
    t[i + 1], t[hi] = t[hi], t[i + 1]
    quicksort(t, lo, i); quicksort(t, i + 2, hi)
  end
  return t
end
print(table.concat(quicksort({9, 3, 7, 1, 8, 2, 6, 5, 4}), " "))
local function serialize(v, indent)
  indent = indent or ""
  if type(v) ~= "table" then return type(v) == "string" and string.format("%q", v) or tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = indent .. "  " .. tostring(k) .. " = " .. serialize(v[k], indent .. "  ") end
  return "{\n" .. table.concat(out, ",\n") .. "\n" .. indent .. "}"
end
print(serialize({name = "x", list = {1, 2, {deep = true}}, n = 1.5}))
local function wordfreq(text)
  local freq = {}
  for w in text:lower():gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
  local words = {}
  for w, c in pairs(freq) do words[#words + 1] = {w, c} end
  table.sort(words, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
  return words
end
for i, wc in ipairs(wordfreq("The cat and the hat. The END and the start")) do
  if i <= 4 then print(wc[1], wc[2]) end
end
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(#split("a,b,,c", ","), table.concat(split("1.2.3", "."), "|"))
local buf = {}
for i = 1, 10 do buf[#buf + 1] = string.format("%02d", i * i) end
print(table.concat(buf, ":"))
local function memoize(f)
  local c = {}
  return function(n) if c[n] == nil then c[n] = f(n) end return c[n] end
end
local fib
fib = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), fib(90))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
local primes = {}
for n = 2, 50 do
  local isp = true
  for _, p in ipairs(primes) do if p * p > n then break end if n % p == 0 then isp = false break end end
  if isp then primes[#primes + 1] = n end
end
print(table.concat(primes, ","))
local s = ("hello world"):gsub("(%w+)", function(w) return w:sub(1, 1):upper() .. w:sub(2) end)
print(s, ("racecar"):reverse() == "racecar", ("%d items"):format(3))
local caesar = ("Hello"):gsub("%a", function(c)
  local base = c:match("%l") and 97 or 65
  return string.char((c:byte() - base + 3) % 26 + base)
end)
print(caesar)
