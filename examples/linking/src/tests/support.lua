-- Helpers for this app's tests (library tests:support, imported as "support").
-- A test passes when it returns true; check() raises to fail it with a message.
local time = require("time")

local support = {}

-- Fails the calling test with `message` unless `condition` holds.
function support.check(condition, message)
    if not condition then
        error(message or "check failed", 2)
    end
    return condition
end

-- The next value of `ch`, or nil and an error after `timeout` (default "5s").
function support.receive(ch, timeout)
    timeout = timeout or "5s"
    local deadline = time.after(timeout)
    local result = channel.select {
        ch:case_receive(),
        deadline:case_receive(),
    }
    if result.channel == deadline then
        return nil, "nothing received within " .. timeout
    end
    return result.value
end

-- The next event on `events_ch` whose kind is `kind` and whose sender is `pid`, skipping others;
-- nil and an error after `timeout` (default "5s").
function support.await_event(events_ch, kind, pid, timeout)
    timeout = timeout or "5s"
    local deadline = time.after(timeout)
    while true do
        local result = channel.select {
            events_ch:case_receive(),
            deadline:case_receive(),
        }
        if result.channel == deadline then
            return nil, "no " .. kind .. " from " .. tostring(pid) .. " within " .. timeout
        end
        local event = result.value
        if event.kind == kind and event.from == pid then
            return event
        end
    end
end

-- The EXIT event of `pid` (the caller must monitor it).
function support.await_exit(events_ch, pid, timeout)
    return support.await_event(events_ch, process.event.EXIT, pid, timeout)
end

-- The error of an exit or link-down event as a string, or nil for a normal exit.
function support.exit_error(event)
    if event.result and event.result.error ~= nil then
        return tostring(event.result.error)
    end
    return nil
end

-- True when nothing arrives on `ch` for `wait`: used to show that an event does NOT happen.
function support.stays_quiet(ch, wait)
    local deadline = time.after(wait)
    local result = channel.select {
        ch:case_receive(),
        deadline:case_receive(),
    }
    return result.channel == deadline, result.value
end

return support
