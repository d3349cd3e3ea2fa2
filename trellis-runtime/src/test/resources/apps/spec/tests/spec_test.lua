-- The spec suite: one function per invariant (I1..I21) and rule of docs/process-model.md.
local time = require("time")
local H = "app:processes"
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end

local function recv(ch, timeout)
    local deadline = time.after(timeout or "3s")
    local r = channel.select { ch:case_receive(), deadline:case_receive() }
    if r.channel == deadline then return nil, "timeout" end
    return r.value, r.ok
end

local function await_event(kind, from, timeout)
    local events = process.events()
    while true do
        local e, err = recv(events, timeout)
        if not e then return nil, "no " .. kind .. " from " .. tostring(from) .. ": " .. err end
        if e.kind == kind and (from == nil or e.from == from) then return e end
    end
end

-- Events from different senders have no order between them, so waiting for several
-- collects them all instead of waiting for each in turn (which would drop the early ones).
local function await_events_from(kind, pids, timeout)
    local pending, got, events = {}, {}, process.events()
    for _, pid in ipairs(pids) do pending[pid] = true end
    local left = #pids
    while left > 0 do
        local e, err = recv(events, timeout)
        if not e then return nil, "no " .. kind .. " from " .. left .. " of " .. #pids .. ": " .. err end
        if e.kind == kind and pending[e.from] then
            pending[e.from] = nil
            got[e.from] = e
            left = left - 1
        end
    end
    return got
end

-- I1, process.id
function T.identity()
    check(process.pid() == process.pid())
    check(process.id() == "tests:identity", process.id())
    return true
end

-- I2/I3: messages sent right after spawn are kept until the child subscribes, FIFO per sender
function T.ordering_and_early_messages()
    local pid = process.spawn_monitored("w:collect", H, 100)
    for i = 1, 100 do process.send(pid, "n", i) end
    local e = check(await_event(process.event.EXIT, pid))
    for i = 1, 100 do check(e.result.value[i] == i, "order broken at " .. i) end
    return true
end

-- I4: exact listener wins; other topics fall back to the inbox; messages queued before listen are kept
function T.routing()
    process.send(process.pid(), "t", "early")
    local ch = process.listen("t")
    check(recv(ch) == "early")
    local inbox = process.inbox()
    process.send(process.pid(), "other", 1, 2)
    local msg = recv(inbox)
    check(msg:topic() == "other")
    local ps = msg:payload()
    check(type(ps) == "table" and ps[1]:data() == 1 and ps[2]:data() == 2, "two payloads")
    process.send(process.pid(), "t", "a", "b")
    local v = recv(ch)
    check(type(v) == "table" and v[1] == "a" and v[2] == "b", "listen gives an array for several payloads")
    local ok, err = process.send(process.pid(), "@x", 1)
    check(ok == nil and err:kind() == errors.INVALID and err:message() == "cannot send to @ topics")
    local none, lerr = process.listen("")
    check(none == nil and tostring(lerr) == "topic cannot be empty")
    return true
end

-- I5
function T.channel_identity()
    check(process.inbox() == process.inbox())
    check(process.events() == process.events())
    check(process.listen("a") == process.listen("a"))
    check(process.listen("a") ~= process.listen("b"))
    return true
end

-- unlisten closes the channel and later messages fall back to the inbox
function T.unlisten()
    local ch = process.listen("u")
    check(process.unlisten(ch) == true)
    local v, ok = ch:receive()
    check(v == nil and ok == false, "closed")
    local again, err = process.unlisten(ch)
    check(again == false and err ~= nil)
    process.send(process.pid(), "u", "x")
    check(recv(process.inbox()):topic() == "u")
    check(not pcall(process.unlisten, "nope"), "non-channel raises")
    return true
end

-- I6, I14: EXIT once per monitor; value / error; return conventions of main
function T.exit_results()
    local cases = {
        {args = {42}, value = 42},
        {args = {false}, value = false},
        {args = {nil, "msg"}, error = "msg"},
        {args = {false, "msg2"}, error = "msg2"},
    }
    for _, c in ipairs(cases) do
        local pid = process.spawn_monitored("w:returns", H, table.unpack(c.args, 1, 2))
        local e = check(await_event(process.event.EXIT, pid))
        if c.error then
            check(tostring(e.result.error) == c.error and e.error == c.error, "error exit " .. c.error)
        else
            check(e.result.value == c.value and e.result.error == nil, "value exit")
        end
    end
    local pid = process.spawn_monitored("w:fails", H, "raised")
    local e = check(await_event(process.event.EXIT, pid))
    check(e.error == "raised" and e.result.error:kind() == errors.INTERNAL)
    local _, err = process.monitor(pid)
    check(err and tostring(err) == "monitor failed: pid not registered: " .. pid, tostring(err))
    return true
end

-- I7, I8: LINK_DOWN only on error exits; without trap_links the linked parent dies
function T.links()
    check(process.set_options({trap_links = true}))
    check(process.get_options().trap_links == true)
    local ok_pid = process.spawn_linked("w:returns", H, 1)
    local bad_pid = process.spawn_linked("w:fails", H, "x")
    local e = check(await_event(process.event.LINK_DOWN, bad_pid))
    check(e.error == "x")
    local quiet = await_event(process.event.LINK_DOWN, ok_pid, "100ms")
    check(quiet == nil, "no LINK_DOWN on a normal exit")
    -- untrapped: a middle process linked to a failing one dies with "linked process failed"
    local ready = process.listen("ready")
    local a = process.spawn_monitored("w:chain", H, nil, process.pid())
    local b = process.spawn_monitored("w:chain", H, a, process.pid())
    check(recv(ready) and recv(ready))
    process.terminate(a)
    local eb = check(await_event(process.event.EXIT, b))
    check(eb.error == "linked process failed", eb.error)
    return true
end

-- cascade along a chain of 20 links
function T.cascade()
    local pids = {}
    local prev
    local ready = process.listen("ready")
    for i = 1, 20 do
        prev = process.spawn_monitored("w:chain", H, prev, process.pid())
        pids[i] = prev
        check(recv(ready))
    end
    process.terminate(pids[1])
    local downstream = { table.unpack(pids, 2) }
    local exits = check(await_events_from(process.event.EXIT, downstream))
    for _, pid in ipairs(downstream) do
        check(exits[pid].error == "linked process failed", tostring(exits[pid].error))
    end
    return true
end

-- I9: cancel is a signal with a reason; with a timeout it terminates a process that ignores it
function T.cancel()
    local pid = process.spawn_monitored("w:on_cancel", H)
    check(process.cancel(pid, "please"))
    local e = check(await_event(process.event.EXIT, pid))
    check(e.result.value == "pid.cancel:please", tostring(e.result.value))
    local stubborn = process.spawn_monitored("w:waits", H)
    check(process.cancel(stubborn))
    check(await_event(process.event.EXIT, stubborn, "100ms") == nil, "cancel alone does not kill")
    check(process.cancel(stubborn, "20ms", "bye"))
    local e2 = check(await_event(process.event.EXIT, stubborn))
    check(e2.error == "process terminated")
    local _, err = process.cancel(stubborn)
    check(err ~= nil, "cancel of a dead pid fails")
    return true
end

-- I10, I11: terminate kills even a busy loop (also inside pcall); sends then fail with "not found" and the pid
function T.terminate_busy()
    for _, entry in ipairs({"w:busy", "w:busy_pcall"}) do
        local pid = process.spawn_monitored(entry, H)
        time.sleep("20ms")
        check(process.terminate(pid))
        local e = check(await_event(process.event.EXIT, pid))
        check(e.error == "process terminated")
        local ok, err = process.send(pid, "x", 1)
        check(ok == nil and string.find(tostring(err), "not found") and tostring(err) == "process not found: " .. pid, tostring(err))
        local _, terr = process.terminate(pid)
        check(terr and tostring(terr) == "terminate failed: process not found: " .. pid, tostring(terr))
    end
    return true
end

-- a busy process on a one-worker host does not starve the others of that host
function T.busy_does_not_starve()
    local busy = process.spawn("w:busy", "app:small")
    local pid = process.spawn_monitored("w:returns", "app:small", "ran")
    local e = check(await_event(process.event.EXIT, pid, "5s"))
    process.terminate(busy)
    check(e.result.value == "ran")
    return true
end

-- I13, names released before EXIT
function T.registry()
    local R = process.registry
    check(R.register("me") and R.register("me"))
    check(R.lookup("me") == process.pid())
    local pid = process.spawn_monitored("w:registers", H, "taken")
    time.sleep("20ms")
    local ok, err = R.register("taken")
    check(ok == nil and err:kind() == errors.ALREADY_EXISTS and err:message() == "name already registered")
    check(R.lookup("taken") == pid)
    process.terminate(pid)
    check(await_event(process.event.EXIT, pid))
    local none, lerr = R.lookup("taken")
    check(none == nil and tostring(lerr) == "name not registered: taken", tostring(lerr))
    local sent, serr = process.send("taken", "x")
    check(sent == nil and tostring(serr) == "could not resolve 'taken' as PID or registered name")
    check(R.unregister("me") == true and R.unregister("me") == false)
    return true
end

-- I16, I17: select order, default, closed channels
function T.select()
    local a, b = channel.new(1), channel.new(1)
    a:send("a"); b:send("b")
    local r = channel.select { b:case_receive(), a:case_receive() }
    check(r.channel == b and r.value == "b" and r.ok, "first ready case in list order")
    local d = channel.select { b:case_receive(), default = true }
    check(d.default == true and d.ok == true)
    b:close(); b:close()
    local c = channel.select { b:case_receive() }
    check(c.channel == b and c.value == nil and c.ok == false)
    check(not pcall(b.send, b, 1), "send on closed raises")
    local buf = channel.new(2); buf:send(1); buf:close()
    local v, ok = buf:receive()
    check(v == 1 and ok, "buffered value survives close")
    -- a send case completes when another coroutine receives
    local u = channel.new()
    coroutine.spawn(function() u:receive() end)
    local s = channel.select { u:case_send("x") }
    check(s.channel == u and s.value == "x")
    return true
end

-- coroutines: unbuffered hand-off between coroutines, sleep parks one coroutine only
function T.coroutines()
    local ch = channel.new()
    local order = {}
    coroutine.spawn(function()
        for i = 1, 3 do ch:send(i) end
        ch:close()
    end)
    coroutine.spawn(function() time.sleep("10ms"); order[#order + 1] = "slept" end)
    for v in function() local x = ch:receive(); return x end do order[#order + 1] = v end
    time.sleep("30ms")
    check(table.concat(order, ",") == "1,2,3,slept", table.concat(order, ","))
    return true
end

-- I15: when main returns the other coroutines stop; an error in a coroutine fails the process
function T.main_return_stops_coroutines()
    local ticks = process.listen("tick")
    local pid = process.spawn_monitored("w:main_returns_early", H, process.pid())
    check(check(await_event(process.event.EXIT, pid)).result.value == "done")
    check(recv(ticks, "50ms") == nil, "no tick after main returned")
    local bad = process.spawn_monitored("w:coroutine_error", H)
    check(check(await_event(process.event.EXIT, bad)).error == "boom in a coroutine")
    return true
end

-- I18: time.after, timers, tickers, durations
function T.time()
    local ch = time.after(1000000)   -- 1ms in nanoseconds
    local v, ok = ch:receive()
    check(v ~= nil and ok and v:unix() > 0)
    local v2, ok2 = ch:receive()
    check(v2 == nil and ok2 == false, "closed after one value")
    local none, err = time.after(0)
    check(none == nil and err:kind() == errors.INVALID)
    local t = time.timer("1h")
    check(t:stop() == true)
    local tick = time.ticker("2ms")
    check(tick:channel():receive() ~= nil)
    tick:stop()
    check(time.now():unix() >= os.time() - 1)
    local _, serr = time.sleep("bogus")
    check(serr ~= nil and serr:kind() == errors.INVALID)
    return true
end

-- I19: deep copy (cycles, shared refs, metatables), userdata as nil, no sharing with the receiver
function T.deep_copy()
    local shared = {n = 1}
    local t = {a = shared, b = shared, ch = channel.new(), list = {1, 2, 3}}
    t.self = t
    t.fn = function() return shared end
    t.host_fn = print
    setmetatable(t, {__index = {anything = "meta"}, __call = function() return "called" end})
    local pid = process.spawn_monitored("w:mutate", H, t)
    local e = check(await_event(process.event.EXIT, pid))
    local r = e.result.value
    check(r.mutated == true and rawget(t, "mutated") == nil, "the receiver got a copy")
    check(r.a == r.b and r.a ~= shared, "shared refs kept")
    check(r.self == r, "cycles kept")
    check(rawget(r, "ch") == nil, "channels arrive as nil")
    check(r.anything == "meta", "metatable copied")
    check(rawget(r, "fn") == nil, "Lua functions arrive as nil")
    check(r.host_fn == print, "host functions are shared")
    check(getmetatable(r).__call == nil and not pcall(r), "function-valued metamethods arrive as nil")
    check(r.list[3] == 3)
    return true
end

-- error objects: tostring, kind, message, concatenation
function T.error_objects()
    local ok, err = process.spawn("no.such:entry", H)
    check(ok == nil and err:kind() == errors.NOT_FOUND and err:message() == "factory not found: no.such:entry")
    check("spawn failed: " .. err == "spawn failed: factory not found: no.such:entry")
    check(err .. "!" == "factory not found: no.such:entry!")
    local _, herr = process.spawn("w:returns", "no:host")
    check(tostring(herr) == "host not found: no:host", tostring(herr))
    local _, serr = process.send(process.pid())
    check(serr:message() == "send requires at least destination and topic arguments")
    local okk, oerr = process.set_options({bogus = 1})
    check(okk == false and oerr:message() == "option bogus is not supported")
    local ok2, oerr2 = process.set_options({trap_links = "yes"})
    check(ok2 == false and oerr2:message() == "trap_links must be a boolean")
    return true
end

-- the errors global: new, kinds, is, wrap/unwrap, details, retryable; errors travel between processes
function T.errors_module()
    local e = errors.new({message = "no such user", kind = errors.NOT_FOUND, retryable = false, details = {id = 42}})
    check(tostring(e) == "no such user" and e:kind() == "NotFound" and e:kind() == errors.NOT_FOUND)
    check(errors.is(e, errors.NOT_FOUND) and not errors.is(e, errors.INVALID) and not errors.is("x", errors.NOT_FOUND))
    check(e:retryable() == false and errors.retryable(e) == false)
    local d = e:details()
    check(d.id == 42)
    d.id = 1
    check(e:details().id == 42, "details are copied out")
    local plain = errors.new("boom")
    check(plain:kind() == errors.UNKNOWN and plain:kind() == "" and plain:retryable() == nil and plain:details() == nil)
    local t = errors.new({message = "slow", kind = errors.TIMEOUT})
    check(t:kind() == "Timeout" and errors.kind(t) == errors.TIMEOUT)
    local w = errors.wrap(e, "loading profile")
    -- as in Wippy, the wrapped error keeps the inner message; the context shows in its stack
    check(tostring(w) == "no such user" and w:message() == "no such user" and w:kind() == errors.NOT_FOUND and w:retryable() == false)
    check(string.find(w:stack(), "loading profile\n", 1, true) == 1, w:stack())
    check(errors.unwrap(w) == e and w:unwrap() == e and errors.unwrap(e) == nil)
    check(errors.wrap(nil, "x") == nil)
    check("ctx: " .. e == "ctx: no such user")
    check(errors.new({message = "m", kind = "Bogus"}):kind() == "Bogus", "any string is a kind, as in Wippy")
    check(not pcall(errors.new, {message = "m", kind = 3}), "a kind that is not a string is rejected")
    local ok, msg = pcall(errors.new, {kind = errors.INVALID})
    check(not ok and string.find(msg, "field 'message' must be a string", 1, true), msg)
    check(not pcall(errors.new, {message = "m", retryable = "no"}))
    check(not pcall(errors.kind, "not an error"))
    -- an error object sent to another process arrives intact; returned as (nil, err) it is an error exit
    local pid = process.spawn_monitored("w:returns", H, nil, e)
    local ev = check(await_event(process.event.EXIT, pid))
    check(ev.result.error:kind() == errors.NOT_FOUND and ev.result.error:details().id == 42, ev.error)
    return true
end

-- require: only listed modules and imports
function T.require_rules()
    local pid = process.spawn_monitored("w:requires_time", H)
    local e = check(await_event(process.event.EXIT, pid))
    check(e.error and string.find(e.error, "module 'time' is not available to entry 'w:requires_time'"), e.error)
    check(not pcall(require, "nope"))
    return true
end

-- I20: a process parked on its inbox lives until terminated
function T.parked_process_lives()
    local pid = process.spawn_monitored("w:waits", H)
    check(await_event(process.event.EXIT, pid, "100ms") == nil)
    process.terminate(pid)
    check(await_event(process.event.EXIT, pid))
    return true
end

-- deadlock (docs/process-model.md, Lua processes): nothing runnable, nothing parked on a mailbox channel or timer, no subscription
function T.deadlock()
    local DEADLOCK = "all coroutines blocked with no pending operations"
    for _, id in ipairs({"w:deadlock", "w:deadlock_pair", "w:deadlock_in_place"}) do
        local pid = process.spawn_monitored(id, H)
        local e = check(await_event(process.event.EXIT, pid))
        check(e.error and string.find(e.error, DEADLOCK, 1, true), id .. ": " .. tostring(e.error))
    end
    local timer = process.spawn_monitored("w:wakes_by_timer", H)
    check(check(await_event(process.event.EXIT, timer)).result.value == "woke")
    local idle = process.spawn_monitored("w:idle_with_inbox", H)
    check(await_event(process.event.EXIT, idle, "50ms") == nil, "a subscribed process is idle, not deadlocked")
    process.send(idle, "x", "hello")
    check(check(await_event(process.event.EXIT, idle)).result.value == "hello")
    return true
end

-- process.exec: spawn, wait, and return the child's result
function T.exec()
    local v, err = process.exec("w:returns", H, {n = 1}, 2)
    check(err == nil and v.n == 1, tostring(err))
    local none, nerr = process.exec("w:returns", H)
    check(none == nil and nerr == nil, "nothing returned: nil, nil")
    local f, ferr = process.exec("w:fails", H, "exec boom")
    check(f == nil and tostring(ferr) == "exec boom", tostring(ferr))
    local r, rerr = process.exec("w:returns", H, nil, "returned error")
    check(r == nil and rerr:message() == "returned error")
    local _, e1 = process.exec("w:returns")
    check(e1:kind() == errors.INVALID and e1:message() == "exec requires id and host arguments")
    local _, e2 = process.exec("", H)
    check(e2:message() == "process ID required")
    local _, e3 = process.exec("nonamespace", H)
    check(e3:message() == "invalid process ID format (namespace:name required)")
    local _, e4 = process.exec("w:returns", "")
    check(e4:message() == "host ID required")
    local _, e5 = process.exec("w:nope", H)
    check(e5:message() == "factory not found: w:nope")
    local _, e6 = process.exec("w:returns", "no:host")
    check(e6:message() == "host not found: no:host")
    -- several coroutines may exec at once; other coroutines keep running meanwhile
    local results = channel.new(3)
    for i = 1, 3 do coroutine.spawn(function() results:send((process.exec("w:returns", H, i))) end) end
    local sum = 0
    for _ = 1, 3 do sum = sum + results:receive() end
    check(sum == 6, "sum " .. sum)
    return true
end

-- Spawner: context values inherited, messages queued before the child runs, a name in place
function T.spawner()
    local pid = process.with_context({request_id = "r1"})
        :with_context({user = "ann"})
        :with_name("named_worker")
        :with_message("config", {size = 10})
        :spawn_monitored("w:context_reader", H)
    local e = check(await_event(process.event.EXIT, pid))
    local r = check(e.result.value, e.error)
    check(r.id == "r1" and r.all.user == "ann" and r.all.request_id == "r1")
    check(r.topic == "config" and r.data.size == 10 and r.from == "", "with_message: sender is empty")
    check(r.name == pid, "the name is registered before the child runs")
    check(r.missing_err == errors.NOT_FOUND)
    check(process.registry.lookup("named_worker") == nil, "names are released at exit")
    -- the caller's context is inherited by plain spawns of a child that has one
    local base = process.with_options({anything = true})
    check(getmetatable(base) ~= nil and base ~= process.with_options({}), "a new spawner every call")
    check(not pcall(process.with_context, "nope"), "bad argument raises")
    check(not pcall(process.with_context({}).with_name, process.with_context({}), ""), "empty name raises")
    check(not pcall(function() process.with_context({}):with_message("@x", 1) end), "@ topics raise")
    check(not pcall(function() process.with_context({[1] = "x"}) end), "keys must be strings")
    local _, nf = process.with_context({}):spawn("w:nope", H)
    check(nf:message() == "factory not found: w:nope")
    return true
end

-- spawn-or-signal (docs/process-model.md, Registry): a taken name gets the messages and its pid comes back; races give one winner
function T.spawn_or_signal()
    local seen = process.listen("seen")
    local first = process.with_context({}):with_name("singleton"):with_message("m", 1):spawn("w:named", H, process.pid())
    check(recv(seen) == "m=1")
    local second = process.with_context({}):with_name("singleton"):with_message("m", 2):spawn_monitored("w:named", H, process.pid())
    check(second == first, "the existing pid is returned")
    check(recv(seen) == "m=2", "the messages went to the holder")
    check(await_event(process.event.EXIT, nil, "30ms") == nil, "no process was created, so no EXIT")
    process.terminate(first)
    -- many coroutines race for one name: exactly one process, every message delivered to it
    local pids = channel.new(20)
    for i = 1, 20 do
        coroutine.spawn(function()
            pids:send(process.with_context({}):with_name("raced"):with_message("m", i):spawn("w:named", H, process.pid()))
        end)
    end
    local winner = pids:receive()
    for _ = 2, 20 do check(pids:receive() == winner, "one winner") end
    local got = {}
    for _ = 1, 20 do got[check(recv(seen))] = true end
    for i = 1, 20 do check(got["m=" .. i], "message " .. i) end
    process.terminate(winner)
    return true
end

-- echo round trip: message objects from another process
function T.echo()
    local pid = process.spawn("w:echo", H)
    local replies = process.listen("echo")
    process.send(pid, "hello", {x = 1})
    local v = check(recv(replies))
    check(v[1] == "hello" and v[2].x == 1)
    process.terminate(pid)
    return true
end

return T
