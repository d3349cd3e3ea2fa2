-- Tests of linking (seed 000, "Vinculação de Processos" and "Trap Links").
local support = require("support")
local check = support.check

local HOST = "app:processes"

local function explicit_link_delivers_link_down()
    local events = process.events()
    local linked = process.listen("linked")
    local target, terr = process.spawn("app.workers:target_worker", HOST)
    check(target, "spawn target failed: " .. tostring(terr))
    local worker, werr = process.spawn_monitored("app.workers:link_worker", HOST)
    check(worker, "spawn link_worker failed: " .. tostring(werr))

    process.send(worker, "target", target)
    local who, lerr = support.receive(linked, "3s")
    check(who == worker, "expected 'linked' from the link_worker, got " .. tostring(who or lerr))

    process.send(target, "fail")
    local exit, xerr = support.await_exit(events, worker, "5s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "link_worker failed: " .. tostring(support.exit_error(exit)))
    check(exit.result.value == "LINK_DOWN_RECEIVED", "got " .. tostring(exit.result.value))
    return true
end

local function spawn_linked_parent_survives_child_death()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.linking:spawn_linked_parent", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "the parent failed: " .. tostring(support.exit_error(exit)))
    return true
end

local function untrapped_link_kills_the_parent()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.linking:untrapped", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    local reason = support.exit_error(exit)
    check(reason and reason:find("linked process failed", 1, true),
        "expected 'linked process failed', got " .. tostring(reason))
    return true
end

local function trapped_link_becomes_an_event()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.linking:trapped", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(support.exit_error(exit) == nil, "the parent failed: " .. tostring(support.exit_error(exit)))
    check(exit.result.value == "LINK_DOWN_RECEIVED", "got " .. tostring(exit.result.value))
    return true
end

local function normal_exit_sends_no_link_down()
    process.set_options({ trap_links = true })
    local events = process.events()
    local pid, err = process.spawn_linked_monitored("app.workers:normal_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(exit.result.value == "done", "got " .. tostring(exit.result.value))
    local quiet, event = support.stays_quiet(events, "200ms")
    check(quiet, "unexpected " .. tostring(event and event.kind) .. " after a normal exit")
    return true
end

local function trap_links_is_an_option()
    check(process.get_options().trap_links == false, "trap_links should be false by default")
    local ok, err = process.set_options({ trap_links = true })
    check(ok, "set_options failed: " .. tostring(err))
    check(process.get_options().trap_links == true, "trap_links should now be true")
    return true
end

return {
    explicit_link_delivers_link_down = explicit_link_delivers_link_down,
    spawn_linked_parent_survives_child_death = spawn_linked_parent_survives_child_death,
    untrapped_link_kills_the_parent = untrapped_link_kills_the_parent,
    trapped_link_becomes_an_event = trapped_link_becomes_an_event,
    normal_exit_sends_no_link_down = normal_exit_sends_no_link_down,
    trap_links_is_an_option = trap_links_is_an_option,
}
