-- The errors module as Wippy defines it: kind constants, defaults, wrap, is, stack, call_stack.
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end
local function raises(f, text, ...)
    local ok, msg = pcall(f, ...)
    check(not ok and string.find(tostring(msg), text, 1, true), "expected an error with '" .. text .. "', got " .. tostring(msg))
end

function T.errors_kinds_and_defaults()
    local expected = {NOT_FOUND = "NotFound", ALREADY_EXISTS = "AlreadyExists", INVALID = "Invalid",
        PERMISSION_DENIED = "PermissionDenied", UNAVAILABLE = "Unavailable", INTERNAL = "Internal",
        CANCELED = "Canceled", CONFLICT = "Conflict", TIMEOUT = "Timeout", RATE_LIMITED = "RateLimited",
        UNKNOWN = "", LIMIT_EXCEEDED = "LimitExceeded"}
    for name, value in pairs(expected) do check(errors[name] == value, name .. " = " .. tostring(errors[name])) end
    -- errors.new(string): unknown kind, retryable and details not set
    local e = errors.new("simple")
    check(e:message() == "simple" and e:kind() == "" and e:retryable() == nil and e:details() == nil)
    check(errors.new(42):message() == "42", "a number is a message")
    -- the table form, each field on its own
    check(errors.new({message = "m", retryable = true}):retryable() == true)
    check(errors.new({message = "m", retryable = false}):retryable() == false)
    check(errors.new({message = "m", kind = errors.CONFLICT}):kind() == "Conflict")
    check(errors.new({message = "m", kind = "MyOwnKind"}):kind() == "MyOwnKind", "any string kind")
    check(errors.new({message = "m", details = {}}):details() == nil, "empty details are nil")
    local d = errors.new({message = "m", details = {user = {name = "x"}, n = 5}}):details()
    check(d.n == 5 and d.user.name == "x", "nested details")
    -- bad input raises, naming the argument and the field
    raises(errors.new, "string or table expected, got boolean", true)
    raises(errors.new, "string or table expected, got no value")
    raises(errors.new, "field 'message' must be a string, got nil", {kind = errors.INVALID})
    raises(errors.new, "field 'kind' must be a string", {message = "m", kind = {}})
    raises(errors.new, "field 'retryable' must be a boolean, got string", {message = "m", retryable = "yes"})
    raises(errors.new, "field 'details' must be a table, got number", {message = "m", details = 1})
    -- errors the runtime returns have Wippy's kinds too; retryable is nil unless the runtime says
    local _, err = process.send(process.pid(), "@x", 1)
    check(err:kind() == errors.INVALID and errors.is(err, errors.INVALID) and err:retryable() == nil, err:kind())
    check(err:stack() == "" and errors.call_stack(err) == nil, "made in Java: no Lua stack")
    return true
end

function T.errors_is()
    local e = errors.new({message = "slow", kind = errors.TIMEOUT})
    check(errors.is(e, errors.TIMEOUT) == true and errors.is(e, errors.NOT_FOUND) == false)
    check(errors.is(errors.new("x"), errors.UNKNOWN) == true, "unknown kind is the empty string")
    check(errors.is("not an error", errors.TIMEOUT) == false and errors.is(nil, errors.TIMEOUT) == false
        and errors.is({}, errors.TIMEOUT) == false)
    raises(errors.is, "bad argument #2 to 'is' (string expected, got no value)", e)
    return true
end

function T.errors_wrap()
    local inner = errors.new({message = "inner error", kind = errors.INVALID, retryable = true, details = {code = 42}})
    local outer = errors.wrap(inner, "outer context")
    check(outer:kind() == errors.INVALID and outer:retryable() == true and outer:details().code == 42, "keeps the properties")
    check(outer:message() == "inner error" and tostring(outer) == "inner error", "keeps the message")
    check(errors.unwrap(outer) == inner and outer:unwrap() == inner)
    -- wrapping again: the message carries the first context, the stack both
    local twice = errors.wrap(outer, "second")
    check(twice:message() == "outer context: inner error", twice:message())
    local st = twice:stack()
    local first, second = string.find(st, "second\n", 1, true), string.find(st, "outer context\n", 1, true)
    check(first == 1 and second ~= nil and second > first, st)
    -- a string is wrapped as an error of unknown kind; an error object may be the context
    local ws = errors.wrap("string error", "context")
    check(ws:message() == "string error" and ws:kind() == "" and ws:retryable() == nil and ws:details() == nil)
    check(errors.wrap("boom", errors.new("while loading")):stack():find("while loading", 1, true) == 1)
    check(errors.wrap(nil, "x") == nil, "wrapping nil gives nil")
    raises(errors.wrap, "bad argument #1 to 'wrap' (error or string expected, got table)", {}, "ctx")
    raises(errors.wrap, "bad argument #2 to 'wrap' (string or error expected, got no value)", inner)
    raises(errors.wrap, "bad argument #2 to 'wrap' (string or error expected, got number)", inner, 5)
    return true
end

local function make_error()
    local e = errors.new("stack test")   -- not a tail call, so this frame is on the stack
    return e
end

function T.errors_stack()
    local err = make_error()
    local st = err:stack()
    check(type(st) == "string" and st:find("errors_test.lua:", 1, true), st)
    check(st:find("(make_error)", 1, true), "the function that made it: " .. st)
    local cs = check(errors.call_stack(err))
    local top = cs.frames[1]
    check(top.level == 0 and top.source:find("errors_test.lua", 1, true) and top.line == 76 and top.name == "make_error"
        and top.type == "Lua", top.source .. ":" .. top.line .. " " .. top.name)
    check(#cs.frames >= 2 and cs.frames[2].line > 0)
    check(errors.call_stack("not an error") == nil and errors.call_stack(nil) == nil)
    raises(err.stack, "bad argument #1 to 'stack' (error expected)", "x")
    -- a raised error object stays the same object
    local ok, caught = pcall(error, err)
    check(not ok and caught == err and caught:stack() == st)
    return true
end

return T
