-- Error objects read as their message wherever a string is expected (Wippy code relies on it).
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end

function T.error_text()
    local _, err = process.send(process.pid(), "@x", 1)   -- an error the runtime returns
    local e = errors.new("user not found")
    -- every string function
    check(string.find(e, "not found") == 6, "find")
    check(string.find(e, "found", 1, true) == 10, "find plain")
    check(string.match(e, "(%a+) not") == "user", "match")
    local words = {}
    for w in string.gmatch(e, "%a+") do words[#words + 1] = w end
    check(#words == 3 and words[3] == "found", "gmatch")
    check(string.gsub(e, "user", "page") == "page not found", "gsub")
    check(string.len(e) == 14 and string.upper(e) == "USER NOT FOUND" and string.lower(errors.new("AB")) == "ab", "len/upper/lower")
    check(string.sub(e, 1, 4) == "user" and string.reverse(errors.new("ab")) == "ba", "sub/reverse")
    check(string.rep(errors.new("ab"), 2, errors.new("-")) == "ab-ab", "rep with an error as separator too")
    check(string.byte(e, 1) == 117, "byte")
    check(string.format("%s!", e) == "user not found!" and string.format(errors.new("%d items"), 3) == "3 items", "format")
    check(utf8.len(e) == 14, "utf8.len")
    check(table.concat({"a", e, "b"}, errors.new(",")) == "a,user not found,b", "table.concat")
    -- the operators and tostring
    check(tostring(e) == "user not found" and "x: " .. e == "x: user not found" and e .. "!" == "user not found!")
    check(e .. e == "user not found" .. "user not found", "error .. error")
    -- an error stays an error: its type and its methods are unchanged, and wrong types still fail
    check(type(e) == "userdata" and e:message() == "user not found")
    local ok, msg = pcall(string.find, {}, "x")
    check(not ok and string.find(msg, "bad argument #1 to '", 1, true) and string.find(msg, "(string expected, got table)", 1, true), msg)
    ok, msg = pcall(string.upper, process.inbox())
    check(not ok and string.find(msg, "string expected", 1, true), msg)
    -- errors returned by the runtime behave the same
    check(string.find(err, "@ topics", 1, true) == 16 and string.sub(err, 1, 6) == "cannot", tostring(err))
    return true
end

return T
