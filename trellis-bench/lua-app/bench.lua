-- The Lua processes of the macro suite's Lua rows; see _index.yaml. Their Erlang twins are the
-- lua_* functions of trellis-bench/erlang/trellis_bench.erl, with the same messages (a topic and a
-- payload).
local M = {}

-- lua_spawn_exit: a process whose function returns at once.
function M.noop()
end

-- lua_idle: tells the driver it runs, then blocks in receive until the driver's "stop".
function M.idle(driver)
    process.send(driver, "ready")
    process.inbox():receive()
end

-- lua_ping_pong, the answering side: echoes each "ping" payload back to its sender as "pong".
function M.pong()
    local inbox = process.inbox()
    while true do
        local m = inbox:receive()
        if m:topic() == "stop" then
            return
        end
        process.send(m:from(), "pong", m:payload():data())
    end
end

-- lua_ping_pong, the asking side: reports "ready", waits for the driver's "go", makes n round
-- trips (ping i, wait for pong i), then reports "done" with n. The driver times go -> done.
function M.ping(driver, peer, n)
    local inbox = process.inbox()
    process.send(driver, "ready")
    inbox:receive()
    for i = 1, n do
        process.send(peer, "ping", i)
        local reply = inbox:receive()
        if reply:payload():data() ~= i then
            error("ping " .. i .. ": pong carried " .. tostring(reply:payload():data()))
        end
    end
    process.send(driver, "done", n)
    return n
end

-- lua_sup_restart: a child of the YAML supervisor bench:crash_sup. Tells the driver (registered
-- as "bench_driver") its pid, then raises on its first message: the supervisor restarts it.
function M.crasher()
    process.send("bench_driver", "started", process.pid())
    process.inbox():receive()
    error("crash", 0)
end

-- lua_call, the server: answers each call with its request; returns after the driver's CANCEL.
function M.echo_server()
    require("server").run({ handle_call = function(request, from, state) return request, state end })
end

-- lua_call, the client: reports "ready", waits for the driver's "go", makes n calls (each reply
-- checked), then reports "done" with n. The driver times go -> done.
function M.caller(driver, peer, n)
    local server = require("server")
    local inbox = process.inbox()
    process.send(driver, "ready")
    inbox:receive()
    for i = 1, n do
        local reply, err = server.call(peer, i)
        if reply ~= i then
            error("call " .. i .. ": reply " .. tostring(reply) .. " " .. tostring(err))
        end
    end
    process.send(driver, "done", n)
    return n
end

return M
