-- The spec suite: one function per invariant of spec/wippy-process-model.md (I1..I21 and §1-§5).
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
    check(ok == nil and err:kind() == "INVALID" and err:message() == "cannot send to @ topics")
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
    check(e.error == "raised" and e.result.error:kind() == "INTERNAL")
    local _, err = process.monitor(pid)
    check(err and string.find(tostring(err), "monitor failed"), "monitor of a dead pid fails")
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
    for i = 2, 20 do
        local e = check(await_event(process.event.EXIT, pids[i]))
        check(e.error == "linked process failed", tostring(e.error))
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

-- I10, I11: terminate kills even a busy loop (also inside pcall); sends then fail with "not found"
function T.terminate_busy()
    for _, entry in ipairs({"w:busy", "w:busy_pcall"}) do
        local pid = process.spawn_monitored(entry, H)
        time.sleep("20ms")
        check(process.terminate(pid))
        local e = check(await_event(process.event.EXIT, pid))
        check(e.error == "process terminated")
        local ok, err = process.send(pid, "x", 1)
        check(ok == nil and string.find(tostring(err), "not found"))
        local _, terr = process.terminate(pid)
        check(terr and tostring(terr) == "terminate failed: process not found", tostring(terr))
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
    check(ok == nil and err:kind() == "ALREADY_EXISTS" and err:message() == "name already registered")
    check(R.lookup("taken") == pid)
    process.terminate(pid)
    check(await_event(process.event.EXIT, pid))
    local none, lerr = R.lookup("taken")
    check(none == nil and tostring(lerr) == "name not registered")
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
    check(none == nil and err:kind() == "INVALID")
    local t = time.timer("1h")
    check(t:stop() == true)
    local tick = time.ticker("2ms")
    check(tick:channel():receive() ~= nil)
    tick:stop()
    check(time.now():unix() >= os.time() - 1)
    local _, serr = time.sleep("bogus")
    check(serr ~= nil and serr:kind() == "INVALID")
    return true
end

-- I19: deep copy (cycles, shared refs, metatables), userdata as nil, no sharing with the receiver
function T.deep_copy()
    local shared = {n = 1}
    local t = {a = shared, b = shared, ch = channel.new(), list = {1, 2, 3}}
    t.self = t
    setmetatable(t, {__index = function() return "meta" end})
    local pid = process.spawn_monitored("w:mutate", H, t)
    local e = check(await_event(process.event.EXIT, pid))
    local r = e.result.value
    check(r.mutated == true and rawget(t, "mutated") == nil, "the receiver got a copy")
    check(r.a == r.b and r.a ~= shared, "shared refs kept")
    check(r.self == r, "cycles kept")
    check(rawget(r, "ch") == nil, "channels arrive as nil")
    check(r.anything == "meta", "metatable copied")
    check(r.list[3] == 3)
    return true
end

-- error objects: tostring, kind, message, concatenation
function T.error_objects()
    local ok, err = process.spawn("no.such:entry", H)
    check(ok == nil and err:kind() == "NOT_FOUND" and err:message() == "factory not found")
    check("spawn failed: " .. err == "spawn failed: factory not found")
    check(err .. "!" == "factory not found!")
    local _, herr = process.spawn("w:returns", "no:host")
    check(tostring(herr) == "host not found", tostring(herr))
    local _, serr = process.send(process.pid())
    check(serr:message() == "send requires at least destination and topic arguments")
    local okk, oerr = process.set_options({bogus = 1})
    check(okk == false and oerr:message() == "option bogus is not supported")
    local ok2, oerr2 = process.set_options({trap_links = "yes"})
    check(ok2 == false and oerr2:message() == "trap_links must be a boolean")
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
