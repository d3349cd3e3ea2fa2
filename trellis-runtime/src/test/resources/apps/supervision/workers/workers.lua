-- Worker programs of the supervision suite; each entry picks one function.
local M = {}

-- Answers every message: "crash" raises, "exit" returns normally, anything else is echoed back
-- on topic "echo" with this process's pid; CANCEL ends it normally.
function M.echo()
    local inbox, events = process.inbox(), process.events()
    while true do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then return "cancelled" end
        else
            local msg = r.value
            if msg:topic() == "crash" then error("asked to crash", 0) end
            if msg:topic() == "exit" then return "done" end
            process.send(msg:from(), "echo", process.pid())
        end
    end
end

-- Sends its arguments to the process named by the first one that is a pid, then waits.
function M.args(...)
    local args = { ... }
    process.send(args[#args], "args", args)
    process.inbox():receive()
end

function M.fails(msg)
    error(msg or "worker failed", 0)
end

function M.returns(...)
    return ...
end

function M.waits()
    process.inbox():receive()
end

-- Ignores CANCEL: only a terminate stops it.
function M.stubborn(parent)
    process.send(parent, "ready", process.pid())
    while true do
        process.events():receive()
    end
end

-- Tells the test it started (with its pid), then waits for messages like echo.
function M.reports(parent)
    process.send(parent, "started", process.pid())
    return M.echo()
end

-- Tells the test it started, then crashes at once: a restart loop.
function M.crash_at_start(parent)
    process.send(parent, "started", 1)
    error("crash at start", 0)
end

return M
