-- SimpleQueue's client API: SimpleQueue.queue(), .enqueue(value), .dequeue(). `dest` is the
-- registered name by default, or the pid of a queue started on demand.
local server = require("server")

local SimpleQueue = {}

function SimpleQueue.queue(dest)
    return server.call(dest or "simple_queue", "queue")
end

function SimpleQueue.enqueue(value, dest)
    return server.cast(dest or "simple_queue", { enqueue = value })
end

function SimpleQueue.dequeue(dest)
    return server.call(dest or "simple_queue", "dequeue")
end

return SimpleQueue
