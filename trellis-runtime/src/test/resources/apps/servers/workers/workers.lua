-- Worker programs of the server and task suite; each entry picks one function.
local M = {}

-- A counter: call "get" answers the count, "crash" raises; cast {add = n} adds n; any plain
-- message adds 1 (handle_info); call "from" answers the caller's pid.
local counter = {
    init = function(start) return { n = start } end,
    handle_call = function(request, from, state)
        if request == "get" then return state.n, state end
        if request == "from" then return from, state end
        if request == "state" then return state, state end       -- the reply is a copy
        if request == "crash" then error("asked to crash", 0) end
        return nil, state
    end,
    handle_cast = function(request, state)
        state.n = state.n + request.add
        return state
    end,
    handle_info = function(msg, state)
        state.n = state.n + 1
        return state
    end,
}

function M.counter(start)
    local server = require("server")
    server.run(counter, start)
end

-- Waits for "go", lets its caller's request arrive first, then serves: calls sent before the
-- loop are answered in order.
function M.late_server()
    local time, server = require("time"), require("server")
    process.inbox():receive()
    time.sleep("20ms")
    server.run({ handle_call = function(request, from, state) return "late " .. request, state end })
end

-- Reports its terminate (reason and state) to the parent, and its handle_info of events.
function M.reporting_server(parent)
    local server = require("server")
    server.run({
        init = function(p) return { parent = p, casts = 0 } end,
        handle_cast = function(request, state)
            if request == "crash" then error("cast crash", 0) end
            state.casts = state.casts + 1
        end,   -- returns nothing: the state stays
        handle_call = function(request, from, state) return state.casts end,   -- the reply only
        terminate = function(reason, state)
            process.send(state.parent, "terminated", { reason = tostring(reason), casts = state.casts })
        end,
    }, parent)
    process.send(parent, "run returned", true)
end

-- Calls dest with request and sends the result (or the error's text) to parent.
function M.caller(parent, dest, request)
    local server = require("server")
    local v, err = server.call(dest, request, "2s")
    process.send(parent, "called", { value = v, err = err and tostring(err) })
end

function M.square(n)
    return n * n
end

function M.fails(msg)
    error(msg or "task failed", 0)
end

-- Never reads its inbox: lives until it is cancelled.
function M.idle()
    process.events():receive()
end

function M.waits()
    process.inbox():receive()
end

-- Tells parent it runs, then waits for a message and returns it.
function M.notify(parent)
    process.send(parent, "running", process.pid())
    local msg = process.inbox():receive()
    return msg:payload():data()
end

-- Starts a linked task that fails: the owner (not trapping links) goes down with it.
function M.task_owner()
    local task = require("task")
    local t = task.async("w:fails", "linked failure")
    task.await(t)
    return "survived"
end

return M
