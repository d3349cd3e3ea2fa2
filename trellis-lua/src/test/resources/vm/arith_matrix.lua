local vals = {7, -7, 0, 3, -3, 7.5, -7.5, 0.0, -0.0, 1/0, -1/0, 2^63, math.mininteger, math.maxinteger}
local out = {}
for _, x in ipairs(vals) do for _, y in ipairs(vals) do
  for _, op in ipairs({"%", "//", "/", "^", "&", "|", "~"}) do
    local f = load("local x, y = ... return x " .. op .. " y")
    local ok, r = pcall(f, x, y)
    out[#out + 1] = op .. ":" .. tostring(ok) .. ":" .. (ok and (r ~= r and "nan" or tostring(r)) or r:gsub("^.-:%d+: ", ""))
  end
end end
print(#out)
for i = 1, #out, 7 do print(table.concat(out, " ", i, math.min(i + 6, #out))) end
