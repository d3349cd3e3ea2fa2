-- process.upgrade: a process replaces its code and keeps its pid, mailbox, subscriptions, links
-- and monitors; bad targets are reported to the code that asked.
local time = require("time")
local H = "app:processes"
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end

local function recv(ch, timeout)
    local deadline = time.after(timeout or "3s")
    local r = channel.select { ch:case_receive(), deadline:case_receive() }
    if r.channel == deadline then return nil, "timeout" end
    return r.value, r.ok
end

local function exit_of(pid)
    local events = process.events()
    while true do
        local e, err = recv(events)
        if not e then error("no EXIT from " .. tostring(pid) .. ": " .. err) end
        if e.kind == process.event.EXIT and e.from == pid then return e end
    end
end

function T.upgrade_same_entry()
    local pid = process.spawn_monitored("w:counts_up", H)
    local e = exit_of(pid)
    local r = check(e.result and e.result.value, tostring(e.error))
    check(r.gen == 3 and #r.trail == 4, "three upgrades, four runs")
    for i, run in ipairs(r.trail) do
        check(run.same_pid, "run " .. i .. " has another pid")
        check(run.fresh, "run " .. i .. " saw the globals of the code before it")
    end
    check(r.id == "w:counts_up", r.id)
    return true
end

function T.upgrade_keeps_the_process()
    local partner = process.spawn("w:waits", H)
    local ready, upgraded, report = process.listen("ready"), process.listen("upgraded"), process.listen("report")
    local pid = process.spawn_monitored("w:upgrade_before", H, process.pid(), partner)
    check(recv(ready), "the old code did not start")
    process.send(pid, "kept", "from before")    -- waits in the mailbox: the old code never reads its inbox
    process.send(pid, "go")
    check(recv(upgraded), "the new code did not start")
    process.send(pid, "data", "after")          -- must reach the new code, not the old code's parked coroutine
    local r = check(recv(report), "no report from the new code")
    check(r.error == nil, r.error)
    check(r.pid == pid and r.old_pid == pid, "the pid changed")
    check(r.id == "w:upgrade_after", "process.id() names the new entry: " .. tostring(r.id))
    check(r.kept == "from before" and r.kept_from == process.pid(), "the inbox message sent before the upgrade")
    check(r.data == "after", "the listen channel after the upgrade")
    check(r.has_time, "require follows the new entry's modules")
    -- the link the old code made holds, and the monitor too: the partner's end takes it down
    check(process.terminate(partner))
    local e = exit_of(pid)
    check(e.error == "linked process failed", tostring(e.error))
    return true
end

function T.upgrade_errors()
    local ok, err = process.upgrade("app:nope", 1)
    check(ok == nil and err, "an unknown entry is an error, not an upgrade")
    check(err:kind() == errors.NOT_FOUND, tostring(err:kind()))
    check(tostring(err):find("app:nope", 1, true), tostring(err))
    local _, err2 = process.upgrade("not an id")
    check(err2 and tostring(err2):find("not an id", 1, true), tostring(err2))
    local bad_ok, bad = pcall(process.upgrade, 42)
    check(not bad_ok and tostring(bad):find("bad argument #1 to 'upgrade'", 1, true), tostring(bad))
    check(not pcall(process.upgrade, {}), "a table is not an entry id")
    -- the code that asked carries on after a failed upgrade
    check(process.id() == "tests:upgrade_errors")
    return true
end

return T
