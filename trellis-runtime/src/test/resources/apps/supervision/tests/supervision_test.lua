-- The Lua supervision suite: YAML supervisors (app:tree, app:outer, app:rooms) and supervisors
-- started from Lua, driven through require("supervisor"). One function per behaviour.
local time = require("time")
local supervisor = require("supervisor")
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end

local function recv(ch, timeout)
    local deadline = time.after(timeout or "3s")
    local r = channel.select { ch:case_receive(), deadline:case_receive() }
    if r.channel == deadline then return nil, "timeout" end
    return r.value
end

local function await_exit(pid, timeout)
    local events = process.events()
    while true do
        local e, err = recv(events, timeout)
        if not e then return nil, "no EXIT from " .. tostring(pid) .. ": " .. err end
        if e.kind == process.event.EXIT and e.from == pid then return e end
    end
end

-- Waits until `name` is registered to a pid other than `old`; returns it.
local function await_new_name(name, old)
    for _ = 1, 300 do
        local pid = process.registry.lookup(name)
        if pid and pid ~= old then return pid end
        time.sleep("10ms")
    end
    error("no new process registered as " .. name .. " (old " .. tostring(old) .. ")", 2)
end

-- Sends "ping" to dest and waits for its echo: proves the process answers.
local function alive(dest)
    process.send(dest, "ping")
    local inbox = process.inbox()
    local m = recv(inbox, "2s")
    return m ~= nil and m:topic() == "echo" and m:payload():data()
end

local function pid_of(sup, id)
    for _, c in ipairs(supervisor.which_children(sup)) do
        if c.id == id then return c.pid end
    end
end

local function pids(sup)
    local out = {}
    for i, c in ipairs(supervisor.which_children(sup)) do out[i] = c.pid or false end
    return out
end

local function echo_child(id, extra)
    local c = { id = id, process = "w:echo" }
    for k, v in pairs(extra or {}) do c[k] = v end
    return c
end

-- The tree declared in YAML is running: children in start order with their types and restarts.
function T.yaml_tree()
    local kids = supervisor.which_children("tree")
    check(#kids == 2, "two children, got " .. #kids)
    check(kids[1].id == "first" and kids[1].type == "worker" and kids[1].restart == "permanent")
    check(kids[2].id == "second" and kids[2].restart == "transient")
    check(kids[1].pid == process.registry.lookup("tree_first"), "the child's name is registered")
    check(alive("tree_first") == kids[1].pid)
    local counts = supervisor.count_children("tree")
    check(counts.specs == 2 and counts.active == 2 and counts.workers == 2 and counts.supervisors == 0)
    return true
end

-- one_for_one: a crashed child comes back under its name; its sibling is untouched.
function T.one_for_one()
    local first, second = pid_of("tree", "first"), pid_of("tree", "second")
    process.send("tree_first", "crash")
    local again = await_new_name("tree_first", first)
    check(alive("tree_first") == again)
    check(pid_of("tree", "first") == again and pid_of("tree", "second") == second, "sibling kept its pid")
    return true
end

-- one_for_all: every child restarts when one crashes, in start order.
function T.one_for_all()
    local sup = assert(supervisor.start_link({ strategy = "one_for_all",
        children = { echo_child("a"), echo_child("b"), echo_child("c", { name = "ofa_c" }) } }))
    local before = pids(sup)
    process.send(before[2], "crash")
    local c = await_new_name("ofa_c", before[3])
    local after = pids(sup)
    check(after[3] == c)
    for i = 1, 3 do check(after[i] and after[i] ~= before[i], "child " .. i .. " restarted") end
    supervisor.stop(sup)
    return true
end

-- rest_for_one: the crashed child and those started after it restart; earlier ones stay.
function T.rest_for_one()
    local sup = assert(supervisor.start_link({ strategy = "rest_for_one",
        children = { echo_child("a"), echo_child("b"), echo_child("c", { name = "rfo_c" }) } }))
    local before = pids(sup)
    process.send(before[2], "crash")
    await_new_name("rfo_c", before[3])
    local after = pids(sup)
    check(after[1] == before[1], "a kept its pid")
    check(after[2] ~= before[2] and after[3] ~= before[3], "b and c restarted")
    supervisor.stop(sup)
    return true
end

-- More restarts than max_restarts in max_seconds: the supervisor stops its children and exits,
-- naming the child and its last error.
function T.intensity()
    local sup = assert(supervisor.start({ strategy = "one_for_one", max_restarts = 2, max_seconds = 10,
        children = { echo_child("flaky", { name = "flaky" }) } }))
    process.monitor(sup)
    local last
    for _ = 1, 3 do
        last = await_new_name("flaky", last)
        process.send(last, "crash")
    end
    local e = assert(await_exit(sup))
    check(e.result.error, "the supervisor exits with an error")
    local text = tostring(e.result.error)
    check(text:find("reached_max_restart_intensity", 1, true), text)
    check(text:find("flaky", 1, true) and text:find("asked to crash", 1, true), text)
    check(process.registry.lookup("flaky") == nil, "the child's name is released")
    return true
end

-- Nested YAML supervisors: inner (max_restarts 0) gives up on its first crash; outer restarts
-- inner, which starts a fresh leaf.
function T.escalation()
    local kids = supervisor.which_children("outer")
    check(#kids == 1 and kids[1].id == "inner" and kids[1].type == "supervisor", "inner is a supervisor child")
    local inner = kids[1].pid
    local leaf = process.registry.lookup("inner_leaf")
    process.send(leaf, "crash")
    local fresh = await_new_name("inner_leaf", leaf)
    check(alive(fresh) == fresh)
    check(pid_of("outer", "inner") ~= inner, "outer restarted inner")
    check(supervisor.count_children("outer").supervisors == 1)
    return true
end

-- permanent / transient / temporary against normal and abnormal exits.
function T.restart_types()
    local sup = assert(supervisor.start_link({ strategy = "one_for_one", children = {
        echo_child("perm", { name = "rt_perm" }),
        echo_child("trans", { name = "rt_trans", restart = "transient" }),
        echo_child("temp", { name = "rt_temp", restart = "temporary" }),
    } }))
    local perm = pid_of(sup, "perm")
    process.send(perm, "exit")                       -- normal exit: a permanent child comes back
    await_new_name("rt_perm", perm)
    local trans = pid_of(sup, "trans")
    process.monitor(trans)
    process.send(trans, "exit")                      -- normal exit: a transient child stays down
    check(await_exit(trans))
    check(pid_of(sup, "trans") == nil, "transient not restarted after a normal exit")
    check(supervisor.restart_child(sup, "trans"))
    local trans2 = process.registry.lookup("rt_trans")
    process.send(trans2, "crash")                    -- abnormal: it comes back
    await_new_name("rt_trans", trans2)
    local temp = pid_of(sup, "temp")
    process.monitor(temp)
    process.send(temp, "crash")                      -- temporary: removed, even after a crash
    check(await_exit(temp))
    time.sleep("20ms")
    for _, c in ipairs(supervisor.which_children(sup)) do check(c.id ~= "temp", "temporary child removed") end
    supervisor.stop(sup)
    return true
end

-- A child that ignores CANCEL is terminated when its shutdown timeout elapses; brutal_kill at once.
function T.shutdown_timeouts()
    local sup = assert(supervisor.start_link({ strategy = "one_for_one", children = {
        { id = "stubborn", process = "w:stubborn", args = { process.pid() }, shutdown = "50ms" },
        { id = "brutal", process = "w:stubborn", args = { process.pid() }, shutdown = "brutal_kill" },
    } }))
    local inbox = process.inbox()
    for _ = 1, 2 do check(recv(inbox), "children ready") end
    local stubborn, brutal = pid_of(sup, "stubborn"), pid_of(sup, "brutal")
    process.monitor(stubborn)
    process.monitor(brutal)
    local started = time.now()
    check(supervisor.terminate_child(sup, "stubborn") == true)
    local e = assert(await_exit(stubborn))
    check(e.result.error, "killed after its shutdown timeout")
    check(supervisor.terminate_child(sup, "brutal") == true)
    check(await_exit(brutal).result.error, "brutal_kill kills")
    check(pid_of(sup, "stubborn") == nil, "a terminated child keeps its spec, not running")
    check(supervisor.delete_child(sup, "stubborn") == true)
    supervisor.stop(sup)
    return true
end

-- A significant child's exit stops a supervisor with auto_shutdown any_significant.
function T.significant()
    local sup = assert(supervisor.start({ strategy = "one_for_one", auto_shutdown = "any_significant",
        children = { echo_child("main", { restart = "transient", significant = true }), echo_child("helper") } }))
    process.monitor(sup)
    process.send(pid_of(sup, "main"), "exit")
    local e = assert(await_exit(sup))
    check(e.result.error and tostring(e.result.error):find("shutdown", 1, true), "exits with shutdown: " .. tostring(e.result.error))
    return true
end

-- A dynamic supervisor from YAML: children on demand, extra_args first, max_children enforced.
function T.dynamic()
    local a = assert(supervisor.start_child("rooms", { process = "w:args", args = { process.pid() } }))
    local m = recv(process.inbox())
    local got = m:payload():data()
    check(got[1] == "lobby" and got[2] == process.pid(), "extra_args come before the child's own")
    local b = assert(supervisor.start_child("rooms", { process = "w:waits" }))
    local none, err = supervisor.start_child("rooms", { process = "w:waits" })
    check(none == nil and tostring(err):find("max_children", 1, true) and err:kind() == errors.LIMIT_EXCEEDED,
        tostring(err))
    check(supervisor.count_children("rooms").active == 2)
    check(supervisor.terminate_child("rooms", a) == true and supervisor.terminate_child("rooms", b) == true)
    check(supervisor.count_children("rooms").active == 0)
    return true
end

-- Errors of the operations come back as nil, err with OTP's tag; bad arguments raise.
function T.errors()
    local sup = assert(supervisor.start_link({ strategy = "one_for_one", children = { echo_child("a") } }))
    local r, err = supervisor.restart_child(sup, "nope")
    check(r == nil and tostring(err):find("not_found", 1, true) and err:kind() == errors.NOT_FOUND, tostring(err))
    r, err = supervisor.start_child(sup, echo_child("a"))
    check(r == nil and tostring(err):find("already_started", 1, true) and err:kind() == errors.ALREADY_EXISTS, tostring(err))
    r, err = supervisor.delete_child(sup, "a")
    check(r == nil and tostring(err):find("running", 1, true), tostring(err))
    check(supervisor.terminate_child(sup, "a"))
    r, err = supervisor.start_child(sup, echo_child("a"))
    check(r == nil and tostring(err):find("already_present", 1, true), tostring(err))
    r, err = supervisor.start_child(sup, { id = "x", process = "w:nope" })
    check(r == nil and tostring(err):find("w:nope", 1, true) and err:kind() == errors.NOT_FOUND, tostring(err))
    r, err = supervisor.which_children("no_such_supervisor")
    check(r == nil and err:kind() == errors.NOT_FOUND and tostring(err):find("no_such_supervisor", 1, true), tostring(err))
    local ok, msg = pcall(supervisor.start_link, { strategy = "one_for_none", children = {} })
    check(not ok and tostring(msg):find("strategy", 1, true) and tostring(msg):find("one_for_one", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.start_link, { children = {} })
    check(not ok and tostring(msg):find("strategy", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.start_link, { strategy = "one_for_one", children = { { id = "x" } } })
    check(not ok and tostring(msg):find("process", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.start_link, { strategy = "one_for_one",
        children = { echo_child("a"), echo_child("a") } })
    check(not ok and tostring(msg):find("duplicate", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.start_link, { strategy = "one_for_one",
        children = { echo_child("a", { shutdown = "soon" }) } })
    check(not ok and tostring(msg):find("shutdown", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.start_link, { strategy = "one_for_one",
        children = { echo_child("a", { significant = true }) } })
    check(not ok and tostring(msg):find("significant", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.which_children, 42)
    check(not ok and tostring(msg):find("which_children", 1, true), tostring(msg))
    ok, msg = pcall(supervisor.start_link, "one_for_one")
    check(not ok and tostring(msg):find("start_link", 1, true), tostring(msg))
    supervisor.stop(sup)
    return true
end

-- 10 000 restarts of a child that crashes as soon as it starts: each start is seen, none lost,
-- and nothing is left behind once the supervisor stops.
function T.restart_storm()
    local n = 10000
    local sup = assert(supervisor.start({ strategy = "one_for_one", max_restarts = n * 2, max_seconds = 3600,
        children = { { id = "crasher", process = "w:crash_at_start", args = { process.pid() } } } }))
    process.monitor(sup)
    local inbox = process.inbox()
    for i = 1, n do
        local m = recv(inbox, "5s")
        check(m and m:topic() == "started", "start " .. i .. " of " .. n .. " seen")
    end
    supervisor.stop(sup)
    check(await_exit(sup, "5s"))
    local r = supervisor.which_children(sup)
    check(r == nil, "the supervisor is gone")
    return true
end

return T
