-- Tests of the supervision example: what the lesson promises, checked against the running tree.
local supervisor = require("supervisor")
local SimpleQueue = require("SimpleQueue")
local support = require("support")
local check, list = support.check, support.list

-- Children = [{SimpleQueue, [1, 2, 3]}]: the queue starts with [1, 2, 3], and if it breaks or is
-- killed the supervisor restores it "as if nothing had happened".
local function restored()
    support.after_story()
    check(list(SimpleQueue.queue()) == "[1, 2, 3]", "starts with [1, 2, 3]: " .. list(SimpleQueue.queue()))
    SimpleQueue.enqueue(4)
    check(SimpleQueue.dequeue() == 1, "dequeue gives the head")
    check(list(SimpleQueue.queue()) == "[2, 3, 4]")
    local old = process.registry.lookup("simple_queue")
    process.terminate(old)
    local new = support.child("SimpleQueue.Supervisor", "queue", old)
    check(process.registry.lookup("simple_queue") == new, "the name follows the new process")
    check(list(SimpleQueue.queue()) == "[1, 2, 3]", "restored with its initial list: " .. list(SimpleQueue.queue()))
    while SimpleQueue.dequeue() do end
    check(SimpleQueue.dequeue() == nil, "an empty queue dequeues nil")
    process.terminate(new)                  -- leave it as the lesson starts it
    support.child("SimpleQueue.Supervisor", "queue", new)
end

-- Three queues under each strategy; the second is killed. one_for_one restores only it,
-- one_for_all all three, rest_for_one it and the ones started after it.
local function strategies()
    support.after_story()
    local expected = {
        one_for_one = { false, true, false },
        one_for_all = { true, true, true },
        rest_for_one = { false, true, true },
    }
    for strategy, restarted in pairs(expected) do
        local children = {}
        for i = 1, 3 do
            children[i] = { id = "q" .. i, process = "app:simple_queue", args = { { i } } }
        end
        local sup = supervisor.start_link({ strategy = strategy, children = children })
        local before = {}
        for i, c in ipairs(supervisor.which_children(sup)) do
            before[i] = c.pid
            SimpleQueue.enqueue(10 * i, c.pid)       -- a change each restart would lose
        end
        process.terminate(before[2])
        support.child(sup, "q2", before[2])
        for i, c in ipairs(supervisor.which_children(sup)) do
            local pid = support.child(sup, c.id, restarted[i] and before[i] or nil)
            local was_restarted = pid ~= before[i]
            check(was_restarted == restarted[i], strategy .. ": child " .. c.id .. " restarted = " .. tostring(was_restarted))
            local want = restarted[i] and ("[" .. i .. "]") or ("[" .. i .. ", " .. 10 * i .. "]")
            check(list(SimpleQueue.queue(pid)) == want, strategy .. ": " .. c.id .. " holds " .. list(SimpleQueue.queue(pid)))
        end
        supervisor.stop(sup)
    end
end

-- DynamicSupervisor.start_child(SimpleQueue.DynamicSupervisor, SimpleQueue): queues on demand.
local function on_demand()
    support.after_story()
    local sup = "SimpleQueue.DynamicSupervisor"
    local base = supervisor.count_children(sup).active
    local pids = {}
    for i = 1, 5 do
        pids[i] = supervisor.start_child(sup, { id = "queue", process = "app:simple_queue", args = { { i, i } } })
        check(type(pids[i]) == "string", "start_child gives the pid")
    end
    check(supervisor.count_children(sup).active == base + 5, "five more children")
    for i = 1, 5 do check(list(SimpleQueue.queue(pids[i])) == "[" .. i .. ", " .. i .. "]") end
    for i = 1, 5 do check(supervisor.terminate_child(sup, pids[i]) == true) end
    check(supervisor.count_children(sup).active == base, "terminate_child removes them")
    local missing, err = supervisor.terminate_child(sup, pids[1])
    check(missing == nil and err:kind() == errors.NOT_FOUND, "a terminated child is gone: " .. tostring(err))
end

-- Task.Supervisor: start_child for background work, async_nolink for an awaited result; tasks are
-- temporary (a failed one is not restarted).
local function tasks()
    support.after_story()
    local task = require("task")
    local time = require("time")
    local sup = "ExampleApp.TaskSupervisor"
    local pid = task.start_child(sup, "app:background_work", "from a test")
    check(type(pid) == "string", "start_child gives the pid")
    local t = task.async_nolink(sup, "app:sum", { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
    check(task.await(t) == 55, "the sum of 1..10")
    local f = task.async_nolink(sup, "app:failing_work")
    local v, err = task.await(f)
    check(v == nil and tostring(err):find("background work failed", 1, true), "its failure, as a value: " .. tostring(err))
    for _ = 1, 500 do
        if supervisor.count_children(sup).active == 0 then break end
        time.sleep("2ms")
    end
    check(supervisor.count_children(sup).active == 0, "nothing restarted: tasks are temporary")
end

return { restored = restored, strategies = strategies, on_demand = on_demand, tasks = tasks }
