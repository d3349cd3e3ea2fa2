-- The server and task suite: require("server") (a counter under the YAML supervisor app:counters)
-- and require("task") (with the task supervisor app:tasks). One function per behaviour.
local time = require("time")
local server = require("server")
local task = require("task")
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end

-- Runs fn, which must raise an error whose text contains `text`.
local function raises(fn, text)
    local ok, err = pcall(fn)
    check(not ok, "expected an error containing " .. text)
    check(string.find(tostring(err), text, 1, true), "expected '" .. text .. "' in: " .. tostring(err))
end

local function recv(ch, timeout)
    local deadline = time.after(timeout or "3s")
    local r = channel.select { ch:case_receive(), deadline:case_receive() }
    if r.channel == deadline then return nil, "timeout" end
    return r.value
end

-- The next inbox message on `topic` (others are skipped), as its data.
local function receive(topic, timeout)
    local inbox = process.inbox()
    while true do
        local m, err = recv(inbox, timeout)
        if not m then error("no message on " .. topic .. ": " .. err, 2) end
        if m:topic() == topic then return m:payload():data() end
    end
end

local function await_exit(pid, timeout)
    local events = process.events()
    while true do
        local e, err = recv(events, timeout)
        if not e then return nil, "no EXIT from " .. tostring(pid) .. ": " .. err end
        if e.kind == process.event.EXIT and e.from == pid then return e end
    end
end

-- Waits until `name` is registered to a pid other than `old` (a supervisor's restart); returns it.
local function await_new_name(name, old)
    for _ = 1, 300 do
        local pid = process.registry.lookup(name)
        if pid and pid ~= old then return pid end
        time.sleep("10ms")
    end
    error("no new process registered as " .. name .. " (old " .. tostring(old) .. ")", 2)
end

-- call, cast and plain messages reach the callbacks in the order one sender sent them.
function T.call_cast_info()
    local start = server.call("counter", "get")
    check(type(start) == "number", "get answers the count, got " .. tostring(start))
    check(server.cast("counter", { add = 5 }) == true, "cast returns true")
    process.send("counter", "bump", 1)                    -- handle_info: +1
    local after = server.call("counter", "get")
    check(after == start + 6, "a call after a cast and a message sees both: " .. tostring(start) .. " -> " .. tostring(after))
    check(server.call("counter", "from") == process.pid(), "handle_call gets the caller's pid")
    local s = server.call("counter", "state")
    s.n = -1                                              -- our copy: the server's state is its own
    check(server.call("counter", "get") == start + 6, "the reply was a copy")
    local pid = process.registry.lookup("counter")
    check(server.call(pid, "get") == start + 6, "a pid string works as the destination")
    for i = 1, 200 do server.cast(pid, { add = 1 }) end
    check(server.call(pid, "get") == start + 206, "200 casts then a call: all applied first")
end

-- A missing server fails at once, a slow one times out, a crashing one fails the call and is restarted.
function T.call_errors()
    local supervisor = require("supervisor")
    local v, err = server.call("nobody_here", "get")
    check(v == nil and err:kind() == errors.NOT_FOUND, "a missing server is NOT_FOUND, got " .. tostring(err))
    check(string.find(err, "process not found: nobody_here", 1, true), tostring(err))

    -- a process that is alive but never serves: the call waits until its timeout
    local idle = process.spawn("w:idle", "app:processes")
    v, err = server.call(idle, "get", "30ms")
    check(v == nil and string.find(err, "timeout", 1, true), "a timeout, got " .. tostring(err))
    check(err:kind() == errors.UNAVAILABLE, "timeout is UNAVAILABLE")
    process.terminate(idle)

    local old = process.registry.lookup("counter")
    server.cast(old, { add = 1 })
    v, err = server.call("counter", "crash")
    check(v == nil and string.find(err, "exited before replying", 1, true), "a crash fails the call: " .. tostring(err))
    local new = await_new_name("counter", old)
    check(server.call(new, "get") == 10, "the supervisor restored the initial state (args: [10])")
    local children = supervisor.which_children("counters")
    check(children[1].pid == new, "which_children shows the new counter")
end

-- A call that reaches a process before it enters server.run waits in its mailbox and is answered.
function T.call_before_serving()
    local late = process.spawn("w:late_server", "app:processes")
    process.send(late, "go")          -- it sleeps 20 ms before serving: our call arrives first
    local v, err = server.call(late, "hello", "2s")
    check(v == "late hello", "answered once the loop began, got " .. tostring(v) .. " " .. tostring(err))
    process.terminate(late)
end

-- terminate(reason, state) runs on a supervisor's shutdown (reason "shutdown") and on a callback's
-- error (the error); after a shutdown, run returns to main.
function T.terminate_and_crash()
    local supervisor = require("supervisor")
    local me = process.pid()
    local sup = supervisor.start_link({ strategy = "one_for_one", max_restarts = 10,
        children = { { id = "rep", process = "w:reporting_server", args = { me }, name = "reporter" } } })
    server.cast("reporter", "one")
    server.cast("reporter", "two")
    check(server.call("reporter", "casts") == 2, "a callback returning no state keeps it")
    local old = process.registry.lookup("reporter")
    server.cast("reporter", "crash")
    local t = receive("terminated")
    check(string.find(t.reason, "cast crash", 1, true) and t.casts == 2, "terminate got the error: " .. t.reason)
    local new = await_new_name("reporter", old)
    check(server.call(new, "casts") == 0, "restarted fresh")
    check(supervisor.terminate_child(sup, "rep") == true)
    t = receive("terminated")
    check(t.reason == "shutdown", "a supervisor's shutdown is reason shutdown, got " .. t.reason)
    check(receive("run returned") == true, "run returned to main after terminate")
    supervisor.stop(sup)
end

-- Wrong argument types raise errors naming the function and the argument.
function T.server_bad_arguments()
    raises(function() server.call(123, "get") end, "bad argument #1 to 'call' (server pid or registered name expected, got number)")
    raises(function() server.call("counter", "get", "soon") end, "bad argument #3 to 'call'")
    raises(function() server.call("counter", "get", -5) end, "bad argument #3 to 'call'")
    raises(function() server.cast({}, "x") end, "bad argument #1 to 'cast'")
    raises(function() server.run("nope") end, "bad argument #1 to 'run' (table expected")
    raises(function() server.run({ handle_call = 42 }) end, "callbacks.handle_call must be a function, got number")
end

-- task.async runs an entry linked to us; await gives its result, or nil, err.
function T.async_await()
    local tasks = {}
    for i = 1, 20 do tasks[i] = task.async("w:square", i) end
    for i = 1, 20 do check(task.await(tasks[i]) == i * i, "task " .. i) end
    check(string.find(tostring(tasks[1]), "task: {", 1, true), tostring(tasks[1]))
    check(type(tasks[1]:pid()) == "string")

    local slow = task.async("w:waits")
    local v, err = task.await(slow, "20ms")
    check(v == nil and string.find(err, "timeout", 1, true), "await times out: " .. tostring(err))
    check(err:kind() == errors.UNAVAILABLE)
    local ok, late = pcall(task.await, slow, "20ms")
    check(ok and late == nil, "an abandoned task stays abandoned")
    process.set_options({ trap_links = true })   -- we stop the slow task: its exit must not take us down
    process.terminate(slow:pid())
    process.set_options({ trap_links = false })
end

-- yield returns nothing while the task runs, then its result; shutdown stops a running task.
function T.yield_and_shutdown()
    local me = process.pid()
    local t = task.async("w:notify", me)
    local pid = receive("running")
    check(select("#", task.yield(t, "5ms")) == 0, "nothing yet: the task waits for our message")
    process.send(pid, "go", "result")
    check(task.yield(t, "2s") == "result", "then its result")

    local w = task.async("w:notify", me)
    local wpid = receive("running")
    process.monitor(wpid)
    check(select("#", task.shutdown(w, "50ms")) == 0, "a running task gives nothing on shutdown")
    local e = await_exit(wpid)
    check(e, "the task is gone after shutdown")

    local done = task.async("w:square", 9)
    check(task.await(done) == 81)
    check(task.shutdown(done) == 81, "a finished task's shutdown gives its result")
end

-- A failing async task takes down its owner (linked, as Task.async); the owner's monitor sees it.
function T.linked_task_failure()
    local owner = process.spawn_monitored("w:task_owner", "app:processes")
    local e = await_exit(owner)
    check(e and e.result and e.result.error, "the owner failed with its task")
end

-- A task supervisor: start_child (fire and forget), async_nolink (its crash is a value), max_children.
function T.task_supervisor()
    local supervisor = require("supervisor")
    local pid = task.start_child("tasks", "w:waits")
    check(type(pid) == "string", "start_child gives the pid")
    check(supervisor.count_children("tasks").active == 1, "it runs under the task supervisor")

    local n = task.async_nolink("tasks", "w:fails", "nolink failure")
    local v, err = task.await(n)
    check(v == nil and string.find(err, "nolink failure", 1, true), "await gives the crash: " .. tostring(err))
    check(task.await(task.async_nolink("tasks", "w:square", 12)) == 144)

    local a = task.start_child("tasks", "w:waits")
    local b = task.start_child("tasks", "w:waits")
    check(type(a) == "string" and type(b) == "string")
    local full, ferr = task.async_nolink("tasks", "w:square", 2)
    check(full == nil and ferr:kind() == errors.LIMIT_EXCEEDED, "max_children 3: " .. tostring(ferr))
    local none, nerr = task.start_child("tasks", "w:waits")
    check(none == nil and string.find(nerr, "max_children", 1, true), tostring(nerr))
    for _, p in ipairs({ pid, a, b }) do check(supervisor.terminate_child("tasks", p) == true) end
    check(supervisor.count_children("tasks").active == 0)
    local missing, merr = task.start_child("no_such_tasks", "w:waits")
    check(missing == nil and merr:kind() == errors.NOT_FOUND, tostring(merr))
end

function T.task_bad_arguments()
    raises(function() task.async(12) end, "bad argument #1 to 'async' (entry id expected, got number)")
    raises(function() task.async("w:nope") end, "factory not found: w:nope")
    raises(function() task.await("x") end, "bad argument #1 to 'await' (task expected, got string)")
    raises(function() task.yield(nil) end, "bad argument #1 to 'yield' (task expected, got nil)")
    raises(function() task.await(task.async("w:square", 1), "later") end, "bad argument #2 to 'await'")
    raises(function() task.start_child(5, "w:waits") end, "bad argument #1 to 'start_child'")
    raises(function() task.async_nolink("tasks", {}) end, "bad argument #2 to 'async_nolink' (entry id expected, got table)")
end

return T
