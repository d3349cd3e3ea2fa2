-- Workers of the upgrade tests: code that replaces itself with process.upgrade.
local M = {}

-- Upgrades to its own entry until gen is 3. Each run records whether it started with fresh globals
-- and whether it still has the first run's pid; pcall cannot stop an upgrade.
function M.counts_up(gen, first_pid, trail)
    gen, first_pid, trail = gen or 0, first_pid or process.pid(), trail or {}
    trail[#trail + 1] = {fresh = rawget(_G, "left_by_old_code") == nil, same_pid = process.pid() == first_pid}
    left_by_old_code = true
    if gen < 3 then
        local ok = pcall(process.upgrade, nil, gen + 1, first_pid, trail)
        error("upgrade returned to the old code (pcall gave " .. tostring(ok) .. ")")
    end
    return {gen = gen, trail = trail, id = process.id()}
end

-- The old code: subscribes to "data" and "go", leaves a coroutine parked on "data", links to
-- partner, tells parent it is ready, then on "go" upgrades to w:upgrade_after.
function M.upgrade_before(parent, partner)
    local data = process.listen("data")
    local go = process.listen("go")
    coroutine.spawn(function()
        data:receive()
        process.send(parent, "report", {error = "a coroutine of the old code got a message after the upgrade"})
    end)
    assert(process.link(partner))
    process.send(parent, "ready", true)
    go:receive()
    process.upgrade("w:upgrade_after", parent, process.pid())
    error("upgrade returned to the old code")
end

-- The new code: reports what it kept from before the upgrade, then waits on its inbox (the
-- parent ends it through the link the old code made).
function M.upgrade_after(parent, old_pid)
    local time = require("time")   -- this entry lists time, the old one does not
    local inbox = process.inbox()
    local kept = inbox:receive()   -- sent before the upgrade, while the old code waited on "go"
    process.send(parent, "upgraded", true)
    local v = process.listen("data"):receive()
    process.send(parent, "report", {pid = process.pid(), old_pid = old_pid, id = process.id(),
        kept = kept:payload():data(), kept_from = kept:from(), data = v, has_time = time.now() ~= nil})
    inbox:receive()
end

return M
