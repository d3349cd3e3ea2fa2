-- Worker programs of the spec suite; each entry picks one function.
local M = {}

-- Replies to every inbox message with (topic, payload...) on topic "echo".
function M.echo()
    local inbox = process.inbox()
    while true do
        local msg = inbox:receive()
        local p = msg:payload()
        process.send(msg:from(), "echo", msg:topic(), p and p:data())
    end
end

-- Collects n payloads from the inbox in arrival order and returns them.
function M.collect(n)
    local got = {}
    local inbox = process.inbox()
    for i = 1, n do
        got[i] = inbox:receive():payload():data()
    end
    return got
end

function M.returns(...)
    return ...
end

function M.fails(msg)
    error(msg or "worker failed", 0)
end

-- Parks on its inbox forever.
function M.waits()
    process.inbox():receive()
end

function M.busy()
    local n = 0
    while true do n = n + 1 end
end

-- A busy loop inside pcall: the kill must still get through.
function M.busy_pcall()
    while true do
        pcall(function() local x = 0; for i = 1, 1e6 do x = x + i end end)
    end
end

-- Returns the CANCEL event's reason.
function M.on_cancel()
    local e = process.events():receive()
    return e.kind .. ":" .. e.reason
end

function M.registers(name)
    assert(process.registry.register(name))
    process.inbox():receive()
end

-- Links to the given pid, tells the parent it is ready, and waits: a chain link.
function M.chain(next_pid, parent)
    if next_pid then assert(process.link(next_pid)) end
    if parent then process.send(parent, "ready", true) end
    process.inbox():receive()
end

-- Receives a table, mutates it, returns it.
function M.mutate(t)
    t.mutated = true
    return t
end

function M.coroutine_error()
    coroutine.spawn(function() error("boom in a coroutine", 0) end)
    process.inbox():receive()
end

-- Main returns while a spawned coroutine would keep sending: it must stop (I15).
function M.main_returns_early(parent)
    local time = require("time")
    coroutine.spawn(function()
        while true do
            time.sleep("5ms")
            process.send(parent, "tick", 1)
        end
    end)
    return "done"
end

function M.requires_time()
    return require("time")
end

-- Deadlocks: main waits on a channel nothing will ever send to.
function M.deadlock()
    channel.new():receive()
end

-- Deadlocks: two coroutines each wait for the other.
function M.deadlock_pair()
    local a, b = channel.new(), channel.new()
    coroutine.spawn(function() a:receive(); b:send(1) end)
    b:receive()
    a:send(1)
end

-- Deadlocks where it cannot yield: inside a plain resumed coroutine.
function M.deadlock_in_place()
    local ch = channel.new()
    coroutine.wrap(function() ch:receive() end)()
end

-- Not a deadlock: main waits on a local channel, a coroutine sleeps then sends.
function M.wakes_by_timer()
    local time = require("time")
    local ch = channel.new()
    coroutine.spawn(function() time.sleep("20ms"); ch:send("woke") end)
    return ch:receive()
end

-- Not a deadlock: main waits on a local channel while the inbox is subscribed.
function M.idle_with_inbox()
    local ch = channel.new()
    local inbox = process.inbox()
    coroutine.spawn(function() ch:send(inbox:receive():payload():data()) end)
    return ch:receive()
end

-- Returns its inherited context values and the first inbox message (topic, payload, sender).
function M.context_reader()
    local ctx = require("ctx")
    local msg = process.inbox():receive()
    local missing, err = ctx.get("missing")
    return {id = ctx.get("request_id"), all = ctx.all(), topic = msg:topic(), data = msg:payload():data(),
            from = msg:from(), name = process.registry.lookup("named_worker"), missing_err = err and err:kind()}
end

-- Named: collects messages on its inbox and reports each to the parent.
function M.named(parent)
    local inbox = process.inbox()
    while true do
        local msg = inbox:receive()
        process.send(parent, "seen", msg:topic() .. "=" .. tostring(msg:payload():data()))
    end
end

-- Security reader: reports the actor, scope and ctx keys it was given.
function M.security_reader()
    local security, ctx = require("security"), require("ctx")
    local a, s = security.actor(), security.scope()
    local n = 0
    for _ in pairs(ctx.all()) do n = n + 1 end
    return {id = a and a:id(), role = a and a:meta().role, policies = s and #s:policies(), ctx_keys = n,
            can = security.can("read", "doc:1")}
end

-- Security relay: reports itself, then what a plainly spawned reader sees.
function M.security_relay()
    local mine = M.security_reader()
    local pid = process.spawn_monitored("w:security_reader", "app:processes")
    local events = process.events()
    while true do
        local e = events:receive()
        if e.kind == process.event.EXIT and e.from == pid then
            return {child = mine, grandchild = e.result.value}
        end
    end
end

-- Tries what its scope may forbid and reports each outcome: {ok, kind, msg, retryable}.
function M.security_probe(target)
    local function try(f, ...)
        local v, err = f(...)
        return {ok = v ~= nil and v ~= false, kind = err and err:kind(), msg = err and tostring(err),
                retryable = err and err:retryable()}
    end
    return {
        spawn = try(process.spawn, "w:returns", "app:processes", 1),
        spawn_other_host = try(process.spawn, "w:returns", "app:small", 1),
        spawn_other_entry = try(process.spawn, "tests:identity", "app:processes"),
        spawn_linked = try(process.spawn_linked, "w:returns", "app:processes", 1),
        send = try(process.send, target, "hello", 1),
        terminate = try(process.terminate, target),
        upgrade = try(process.upgrade, "w:returns"),
        spawner = try(function() return process.with_context({}):spawn("w:returns", "app:processes", 1) end),
        exec = try(process.exec, "w:returns", "app:processes", 1),
        task_async = try(require("task").async, "w:returns", 1),
        server_cast = try(require("server").cast, target, "hello"),
    }
end

return M
