-- Tests of the monitored worker pool (seed 003, "완전한 예제: 모니터링되는 워커 풀").
local support = require("support")
local check = support.check

local HOST = "app:processes"

local function task_worker_returns_double()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.test.process:task_worker", HOST, { task_id = 1, value = 21 })
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "unexpected error: " .. tostring(support.exit_error(exit)))
    check(exit.result.value == 42, "expected 42, got " .. tostring(exit.result.value))
    return true
end

local function pool_waits_for_every_worker()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.test.process:worker_pool", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "12s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "the pool failed: " .. tostring(support.exit_error(exit)))
    check(exit.result.value == true, "expected the pool to return true, got " .. tostring(exit.result.value))
    return true
end

local function exit_arrives_for_every_monitored_worker()
    local events = process.events()
    local expected = {}
    for i = 1, 5 do
        local pid, err = process.spawn_monitored("app.test.process:task_worker", HOST, { task_id = i, value = i * 10 })
        check(pid, "spawn " .. i .. " failed: " .. tostring(err))
        expected[pid] = i * 20
    end
    for _ = 1, 5 do
        local event, eerr = support.receive(events, "3s")
        check(event, eerr)
        check(event.kind == process.event.EXIT, "expected EXIT, got " .. tostring(event.kind))
        local want = expected[event.from]
        check(want ~= nil, "EXIT from an unknown or already reported pid " .. tostring(event.from))
        check(event.result.value == want, "expected " .. want .. ", got " .. tostring(event.result.value))
        expected[event.from] = nil
    end
    return true
end

return {
    task_worker_returns_double = task_worker_returns_double,
    pool_waits_for_every_worker = pool_waits_for_every_worker,
    exit_arrives_for_every_monitored_worker = exit_arrives_for_every_monitored_worker,
}
