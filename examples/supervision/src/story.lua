-- The lesson's story, told once at boot: SimpleQueue under its supervisor (killed, then restored
-- with [1, 2, 3]), queues started on demand by a dynamic supervisor, and tasks under a task
-- supervisor. Once told, it registers "story_told" and waits for the app to stop, so the tests
-- can wait for it.
local supervisor = require("supervisor")
local task = require("task")
local time = require("time")
local SimpleQueue = require("SimpleQueue")

local function list(t)
    local parts = {}
    for i, v in ipairs(t) do parts[i] = tostring(v) end
    return "[" .. table.concat(parts, ", ") .. "]"
end

-- The pid the supervisor runs as its child `id` once it differs from `old` (after a restart).
local function restarted(sup, id, old)
    for _ = 1, 500 do
        for _, c in ipairs(supervisor.which_children(sup)) do
            if c.id == id and c.pid and c.pid ~= old then return c.pid end
        end
        time.sleep("2ms")
    end
    error("supervisor " .. sup .. " did not restart " .. id)
end

local function main()
    print("iex> SimpleQueue.queue          " .. list(SimpleQueue.queue()))
    SimpleQueue.enqueue(4)
    print("iex> SimpleQueue.enqueue(4)     :ok")
    print("iex> SimpleQueue.dequeue        " .. tostring(SimpleQueue.dequeue()))
    print("iex> SimpleQueue.queue          " .. list(SimpleQueue.queue()))

    local old = process.registry.lookup("simple_queue")
    process.terminate(old)
    print("the queue " .. old .. " is killed ...")
    local new = restarted("SimpleQueue.Supervisor", "queue", old)
    print("... and restored by SimpleQueue.Supervisor as " .. new .. ": " .. list(SimpleQueue.queue()))

    local a = supervisor.start_child("SimpleQueue.DynamicSupervisor",
        { id = "queue", process = "app:simple_queue", args = { { 7 } } })
    local b = supervisor.start_child("SimpleQueue.DynamicSupervisor",
        { id = "queue", process = "app:simple_queue", args = { { 8, 9 } } })
    print("DynamicSupervisor.start_child   two queues on demand: " .. list(SimpleQueue.queue(a))
        .. " and " .. list(SimpleQueue.queue(b)))

    task.start_child("ExampleApp.TaskSupervisor", "app:background_work", "from the story")
    local t = task.async_nolink("ExampleApp.TaskSupervisor", "app:sum", { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
    print("Task.Supervisor.async_nolink    sum of 1..10 = " .. tostring(task.await(t)))
    print("the story is over; the tree keeps running (Ctrl-C stops it)")
    process.registry.register("story_told")
    local events = process.events()
    while events:receive().kind ~= process.event.CANCEL do end
end

return { main = main }
