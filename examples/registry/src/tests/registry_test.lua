-- Tests of the process name registry (seed 003, "프로세스 레지스트리").
local support = require("support")
local check = support.check

local HOST = "app:processes"

local counter = 0
local function unique_name(prefix)
    counter = counter + 1
    return prefix .. "_" .. tostring(os.time()) .. "_" .. counter
end

-- Starts a name_holder for `name` (monitored) and waits until it has registered it.
local function start_holder(events, name)
    local registered = process.listen("registered")
    local pid, err = process.spawn_monitored("app.test.process:name_holder", HOST, name, process.pid())
    check(pid, "spawn failed: " .. tostring(err))
    local got, gerr = support.receive(registered, "3s")
    check(got == name, "the holder did not register " .. name .. ": " .. tostring(got or gerr))
    return pid
end

local function register_and_lookup()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.test.process:register_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "register_worker failed: " .. tostring(support.exit_error(exit)))
    check(exit.result.value == true, "register_worker should return true, got " .. tostring(exit.result.value))
    return true
end

local function unregister_then_lookup_fails()
    local test_name = unique_name("unregister")
    local ok, rerr = process.registry.register(test_name)
    check(ok, "register failed: " .. tostring(rerr))

    -- From the document ("이름 등록 해제"):
    -- 명시적 등록 해제
    local unregistered = process.registry.unregister(test_name)
    if not unregistered then
        print("Name was not registered")
    end

    -- 등록 해제 후 조회는 nil + error 반환
    local pid, err = process.registry.lookup(test_name)
    -- pid는 nil, err는 non-nil

    check(unregistered == true, "unregister should return true for a registered name")
    check(pid == nil and err ~= nil, "lookup after unregister should return nil and an error")
    check(process.registry.unregister(test_name) == false, "a second unregister should return false")
    return true
end

local function send_by_name()
    local events = process.events()
    local name = unique_name("send_by_name")
    local holder = start_holder(events, name)

    local pid, lerr = process.registry.lookup(name)
    check(pid == holder, "lookup should give the holder's pid, got " .. tostring(pid or lerr))
    local sent, serr = process.send(name, "stop")
    check(sent, "send by name failed: " .. tostring(serr))
    local exit, xerr = support.await_exit(events, holder, "3s")
    check(exit, xerr)
    check(exit.result.value == "stopped", "the holder should have stopped, got " .. tostring(exit.result.value))
    return true
end

local function names_are_released_on_exit()
    local events = process.events()
    local name = unique_name("released")
    local holder = start_holder(events, name)
    process.send(holder, "stop")
    local exit, xerr = support.await_exit(events, holder, "3s")
    check(exit, xerr)

    local pid, err = process.registry.lookup(name)
    check(pid == nil and err ~= nil, "the name should be released when its holder exits, got " .. tostring(pid))
    return true
end

local function a_taken_name_is_refused()
    local events = process.events()
    local name = unique_name("taken")
    local holder = start_holder(events, name)

    local ok, err = process.registry.register(name)
    check(not ok and err ~= nil, "registering a taken name should fail")

    local mine = unique_name("mine")
    check(process.registry.register(mine), "register failed")
    check(process.registry.register(mine), "registering the same name again from the same process should succeed")

    process.terminate(holder)
    check(support.await_exit(events, holder, "3s"), "the holder did not exit")
    return true
end

return {
    register_and_lookup = register_and_lookup,
    unregister_then_lookup_fails = unregister_then_lookup_fails,
    send_by_name = send_by_name,
    names_are_released_on_exit = names_are_released_on_exit,
    a_taken_name_is_refused = a_taken_name_is_refused,
}
