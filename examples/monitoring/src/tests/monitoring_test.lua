-- Tests of monitoring and cancellation (seed 000, "Monitoramento de Processos" and "Cancelamento").
local support = require("support")
local check = support.check

local HOST = "app:processes"

-- Runs one of the document's example processes and expects it to return normally: each example
-- returns nil, "<reason>" when what it shows does not happen.
local function example_exits_normally(id, timeout)
    local events = process.events()
    local pid, err = process.spawn_monitored(id, HOST)
    check(pid, "spawn " .. id .. " failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, timeout or "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, id .. " failed: " .. tostring(support.exit_error(exit)))
    return true
end

local function spawn_monitored_example_sees_exit()
    return example_exits_normally("app.monitoring:spawn_monitored")
end

local function monitor_existing_example_sees_exit()
    return example_exits_normally("app.monitoring:monitor_existing")
end

local function unmonitor_example_gets_no_exit()
    return example_exits_normally("app.monitoring:unmonitor")
end

local function cancel_example_sees_exit()
    return example_exits_normally("app.monitoring:cancel")
end

local function exit_event_carries_the_result()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.workers:task_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(exit.kind == process.event.EXIT and exit.kind == "pid.exit", "unexpected kind " .. tostring(exit.kind))
    check(exit.from == pid, "EXIT should come from the worker")
    check(exit.result.value == "task done", "expected 'task done', got " .. tostring(exit.result.value))
    return true
end

local function cancel_timeout_terminates_an_unresponsive_worker()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.workers:long_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local ok, cerr = process.cancel(pid, "100ms")
    check(ok, "cancel failed: " .. tostring(cerr))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    local reason = support.exit_error(exit)
    check(reason and reason:find("terminated"), "expected 'process terminated', got " .. tostring(reason))
    return true
end

local function cancel_worker_cleans_up_gracefully()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.workers:cancel_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    process.send(pid, "job", "first")
    process.send(pid, "job", "second")
    process.cancel(pid)
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "unexpected error: " .. tostring(support.exit_error(exit)))
    check(exit.result.value == "cancelled gracefully", "got " .. tostring(exit.result.value))
    return true
end

local function unmonitor_stops_exit_events()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.workers:long_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local ok, uerr = process.unmonitor(pid)
    check(ok, "unmonitor failed: " .. tostring(uerr))
    process.terminate(pid)
    local quiet, event = support.stays_quiet(events, "300ms")
    check(quiet, "received " .. tostring(event and event.kind) .. " after unmonitor")
    return true
end

return {
    spawn_monitored_example_sees_exit = spawn_monitored_example_sees_exit,
    monitor_existing_example_sees_exit = monitor_existing_example_sees_exit,
    unmonitor_example_gets_no_exit = unmonitor_example_gets_no_exit,
    cancel_example_sees_exit = cancel_example_sees_exit,
    exit_event_carries_the_result = exit_event_carries_the_result,
    cancel_timeout_terminates_an_unresponsive_worker = cancel_timeout_terminates_an_unresponsive_worker,
    cancel_worker_cleans_up_gracefully = cancel_worker_cleans_up_gracefully,
    unmonitor_stops_exit_events = unmonitor_stops_exit_events,
}
