-- SimpleQueue, the lesson's GenServer: a list as the state, dequeue and queue as calls, enqueue
-- as a cast. main(initial) runs the server loop in this process.
local server = require("server")

local callbacks = {}

function callbacks.init(initial)
    return initial or {}
end

function callbacks.handle_call(request, from, state)
    if request == "dequeue" then
        return table.remove(state, 1), state     -- nil when the queue is empty, as [] gives nil
    end
    if request == "queue" then
        return state, state
    end
    error("SimpleQueue: unknown call " .. tostring(request))
end

function callbacks.handle_cast(request, state)
    table.insert(state, request.enqueue)
    return state
end

local function main(initial)
    server.run(callbacks, initial)
end

return { main = main }
