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
    local s2 = security.new_scope({"sec:send_any"})
    check(#s2:policies() == 1 and s2:policies()[1]:id() == "sec:send_any" and s2:contains("sec:send_any"))
    -- bad arguments name the function and argument
    local ok, err = pcall(security.new_actor, {})
    check(not ok and tostring(err):find("new_actor"), tostring(err))
    check(not pcall(security.new_actor, "x", "meta"), "meta must be a table")
    check(not pcall(security.new_scope, "x"), "policies must be a table")
    check(not pcall(security.new_scope, {1}), "policies must be ids")
    local bad_ok, bad = pcall(security.new_scope, {"sec:nope"})
    check(not bad_ok and tostring(bad):find("sec:nope", 1, true), "an unknown policy id is named: " .. tostring(bad))
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
    -- the relay spawns a reader: its scope lets it (w:* on app:processes)
    local pid = process.with_context({k = "v"}):with_actor(a):with_scope(security.new_scope({"sec:spawn_workers"}))
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

-- Policy objects and scopes: with, without, contains, evaluate (a deny wins), named scopes.
function T.security_policies()
    local a = security.new_actor("u1")
    local p = check(security.policy("sec:spawn_workers"))
    check(p:id() == "sec:spawn_workers")
    check(p:evaluate(a, "process.spawn", "w:echo") == "allow")
    check(p:evaluate(a, "process.host", "app:processes") == "allow")
    check(p:evaluate(a, "process.spawn", "tests:identity") == "undefined", "another namespace")
    check(p:evaluate(a, "process.send", "w:echo") == "undefined", "another action")
    local none, err = security.policy("sec:nope")
    check(none == nil and err:kind() == errors.INTERNAL and tostring(err):find("sec:nope", 1, true), tostring(err))
    local s = security.new_scope({p})
    local deny = security.policy("sec:no_terminate")
    local s2 = s:with(deny)
    check(#s:policies() == 1, "with makes a new scope")
    check(#s2:policies() == 2 and s2:policies()[2]:id() == "sec:no_terminate")
    check(s2:contains("sec:no_terminate") and s2:contains(deny) and s2:contains({ns = "sec", name = "no_terminate"}))
    check(not s2:without("sec:no_terminate"):contains("sec:no_terminate") and s2:contains("sec:no_terminate"))
    check(#s2:without(deny):policies() == 1 and #s2:without({ns = "sec", name = "nope"}):policies() == 2)
    check(#s:with(p):policies() == 1, "a policy is in a scope once")
    local both = security.new_scope({"sec:terminate_any", "sec:no_terminate"})
    check(both:evaluate(a, "process.terminate", "{x}") == "deny", "a deny wins over an allow")
    check(security.new_scope({"sec:terminate_any"}):evaluate(a, "process.terminate", "{x}") == "allow")
    check(both:evaluate(a, "process.send", "{x}") == "undefined")
    local workers = check(security.named_scope("sec:workers"))
    check(#workers:policies() == 2 and workers:contains("sec:spawn_workers") and workers:contains("sec:send_any"))
    local nog, gerr = security.named_scope("sec:nope")
    check(nog == nil and tostring(gerr):find("sec:nope", 1, true), tostring(gerr))
    check(not pcall(s.with, s, "sec:send_any"), "with takes a Policy object")
    check(not pcall(s.contains, s, 42), "contains takes an id, a Policy or a table")
    check(not pcall(p.evaluate, p, "not an actor", "a", "r"), "evaluate needs an actor")
    return true
end

-- Runs a probe with scope against target; {return its report, and the target's EXIT if it came meanwhile}
local function probe(scope, target)
    local pid = process.with_context({}):with_actor(security.new_actor("prober")):with_scope(scope)
        :spawn_monitored("w:security_probe", H, target)
    local events, target_exit = process.events(), nil
    while true do
        local deadline = time.after("3s")
        local r = channel.select { events:case_receive(), deadline:case_receive() }
        if r.channel == deadline then error("no EXIT from the probe") end
        local e = r.value
        if e.kind == process.event.EXIT and e.from == target then target_exit = e end
        if e.kind == process.event.EXIT and e.from == pid then
            return check(e.result and e.result.value, tostring(e.error)), target_exit
        end
    end
end

local function denied(r, message)
    check(not r.ok, "allowed: " .. message)
    check(r.kind == errors.PERMISSION_DENIED and r.retryable == false, tostring(r.kind))
    check(r.msg == message, r.msg)
end

-- A process given policies may do what they allow, nothing else: spawn, send, terminate, upgrade.
function T.security_checks()
    -- the target waits on its events only, so the probes' messages stay in its mailbox and it lives on
    local target = process.spawn_monitored("w:on_cancel", H)
    local r = probe(security.new_scope({"sec:spawn_workers", "sec:no_terminate"}), target)
    check(r.spawn.ok, tostring(r.spawn.msg))
    denied(r.spawn_other_host, "not allowed to spawn on host: app:small")
    denied(r.spawn_other_entry, "not allowed to spawn process: tests:identity")
    denied(r.spawn_linked, "not allowed to spawn linked process: w:returns")
    denied(r.send, "not allowed to send: " .. target)
    denied(r.terminate, "not allowed to terminate: " .. target)
    denied(r.upgrade, "not allowed to upgrade to: w:returns")
    check(r.spawner.ok, "the Spawner's spawn is checked too, and allowed here: " .. tostring(r.spawner.msg))
    denied(r.exec, "not allowed to exec process: w:returns")
    denied(r.task_async, "not allowed to spawn linked process: w:returns")   -- task.async links and monitors
    denied(r.server_cast, "not allowed to send: " .. target)                 -- a cast is a send
    -- the allowing policies of a named scope, and one more
    local r2, gone = probe(check(security.named_scope("sec:workers")):with(security.policy("sec:terminate_any")), target)
    check(r2.send.ok and r2.spawn.ok, tostring(r2.send.msg))
    check(r2.server_cast.ok, "a cast allowed by send_any: " .. tostring(r2.server_cast.msg))
    check(r2.terminate.ok, "terminate allowed: " .. tostring(r2.terminate.msg))
    denied(r2.spawn_other_host, "not allowed to spawn on host: app:small")
    local e = gone or exit_of(target)
    check(e.error == "process terminated", "the allowed terminate ended the target")
    return true
end

return T
