-- Tests of the supervised worker pool (seed 000, "Pool de Workers com Supervisão").
local support = require("support")
local check = support.check

local HOST = "app:processes"

local function task_worker_answers_work()
    local events = process.events()
    local results = process.listen("result")
    local pid, err = process.spawn_monitored("app.workers:task_worker", HOST, 1)
    check(pid, "spawn failed: " .. tostring(err))

    process.send(pid, "work", "job-1")
    local reply, rerr = support.receive(results, "3s")
    check(reply == "completed: job-1", "expected 'completed: job-1', got " .. tostring(reply or rerr))

    process.cancel(pid)
    check(support.await_exit(events, pid, "3s"), "the worker did not exit after CANCEL")
    return true
end

local function task_worker_stops_on_cancel()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.workers:task_worker", HOST, 7)
    check(pid, "spawn failed: " .. tostring(err))

    local ok, cerr = process.cancel(pid)
    check(ok, "cancel failed: " .. tostring(cerr))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "expected a normal exit, got " .. tostring(support.exit_error(exit)))
    check(exit.result.value == "cancelled", "expected result 'cancelled', got " .. tostring(exit.result.value))
    return true
end

local function trapping_supervisor_sees_worker_death()
    process.set_options({ trap_links = true })
    local events = process.events()
    local pid, err = process.spawn_linked("app.workers:task_worker", HOST, 2)
    check(pid, "spawn_linked failed: " .. tostring(err))

    process.terminate(pid)
    local down, derr = support.await_event(events, process.event.LINK_DOWN, pid, "3s")
    check(down, derr)
    check(down.from == pid, "LINK_DOWN should come from the dead worker")
    check(support.exit_error(down) ~= nil, "LINK_DOWN should carry the worker's error")
    return true
end

local function pool_supervisor_runs_until_terminated()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.supervisor:pool", HOST, 2)
    check(pid, "spawn failed: " .. tostring(err))

    check(support.stays_quiet(events, "300ms"), "the pool supervisor exited on its own")

    process.terminate(pid)
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    local reason = support.exit_error(exit)
    check(reason and reason:find("terminated"), "expected 'process terminated', got " .. tostring(reason))
    return true
end

return {
    task_worker_answers_work = task_worker_answers_work,
    task_worker_stops_on_cancel = task_worker_stops_on_cancel,
    trapping_supervisor_sees_worker_death = trapping_supervisor_sees_worker_death,
    pool_supervisor_runs_until_terminated = pool_supervisor_runs_until_terminated,
}
