-- The security module: actors and scopes, how they travel to spawned processes, and bad arguments.
local security = require("security")
local time = require("time")
local H = "app:processes"
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end

local function exit_of(pid)
    local events = process.events()
    local deadline = time.after("3s")
    while true do
        local r = channel.select { events:case_receive(), deadline:case_receive() }
        if r.channel == deadline then error("no EXIT from " .. tostring(pid)) end
        if r.value.kind == process.event.EXIT and r.value.from == pid then return r.value end
    end
end

function T.security_objects()
    check(security.actor() == nil and security.scope() == nil, "a test has no actor or scope")
    check(security.can("read", "doc:1") == false, "no scope: can is false")
    local a = security.new_actor("u1", {role = "admin"})
    check(a:id() == "u1" and a:meta().role == "admin")
    a:meta().role = "changed"
    check(a:meta().role == "admin", "meta hands out copies")
    check(next(security.new_actor("u2"):meta()) == nil, "meta defaults to empty")
    local s = security.new_scope()
    check(#s:policies() == 0 and s:contains("app:p") == false)
    check(s:evaluate(a, "read", "doc:1") == "undefined", "no policies decide nothing")
    local s2 = security.new_scope({"app:p"})
    check(#s2:policies() == 1 and s2:policies()[1] == "app:p" and s2:contains("app:p"))
    -- bad arguments name the function and argument
    local ok, err = pcall(security.new_actor, {})
    check(not ok and tostring(err):find("new_actor"), tostring(err))
    check(not pcall(security.new_actor, "x", "meta"), "meta must be a table")
    check(not pcall(security.new_scope, "x"), "policies must be a table")
    check(not pcall(security.new_scope, {1}), "policies must be ids")
    check(not pcall(security.can, nil, "r"), "action required")
    check(not pcall(security.can, "read"), "resource required")
    check(not pcall(s.evaluate, s, "not an actor", "read", "r"), "evaluate needs an actor")
    check(not pcall(a.id, s), "id on a scope raises")
    check(not pcall(s.policies, a), "policies on an actor raises")
    check(not pcall(function() process.with_context({}):with_actor("x") end), "with_actor needs an actor")
    check(not pcall(function() process.with_context({}):with_scope(a) end), "with_scope needs a scope")
    return true
end

function T.security_inherited()
    local a = security.new_actor("u1", {role = "admin"})
    local pid = process.with_context({k = "v"}):with_actor(a):with_scope(security.new_scope({"app:p"}))
        :spawn_monitored("w:security_relay", H)
    local e = exit_of(pid)
    local r = check(e.result and e.result.value, tostring(e.error))
    check(r.child.id == "u1" and r.child.role == "admin" and r.child.policies == 1, "the child has both")
    check(r.child.ctx_keys == 1, "ctx shows only the plain values, not the actor or scope")
    check(r.child.can == false, "a scope without allowing rules allows nothing")
    check(r.grandchild.id == "u1" and r.grandchild.policies == 1, "a plain spawn passes both on")
    check(r.grandchild.ctx_keys == 0, "a plain spawn does not pass other context values")
    -- a Spawner with no actor gives a child none
    local p2 = process.with_context({}):spawn_monitored("w:security_reader", H)
    local r2 = exit_of(p2).result.value
    check(r2.id == nil and r2.policies == nil, "no actor, no scope")
    return true
end

return T
