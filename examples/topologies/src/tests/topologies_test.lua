-- Tests of the supervision topologies (seed 000, "Topologias de Supervisão").
local support = require("support")
local check = support.check

local HOST = "app:processes"

local function expect_failure(events, pid, text, timeout)
    local exit, xerr = support.await_exit(events, pid, timeout or "3s")
    check(exit, xerr)
    local reason = support.exit_error(exit)
    check(reason and reason:find(text, 1, true), "expected an error with '" .. text .. "', got " .. tostring(reason))
    return true
end

local function star_parent_fails_after_children_link()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.topologies:star_parent", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    return expect_failure(events, pid, "PARENT_STAR_FAILURE")
end

local function star_child_dies_with_its_parent()
    local events = process.events()
    local children = process.listen("child")
    local probe, err = process.spawn("app.topologies:star_probe", HOST, process.pid())
    check(probe, "spawn probe failed: " .. tostring(err))
    local child, cerr = support.receive(children, "3s")
    check(child, cerr)
    local ok, merr = process.monitor(child)
    check(ok, "monitor failed: " .. tostring(merr))

    process.send(probe, "fail")
    return expect_failure(events, child, "linked process failed")
end

local function chain_root_fails()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.topologies:chain_root", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    return expect_failure(events, pid, "CHAIN_ROOT_FAILURE")
end

local function chain_node_dies_with_its_parent()
    local events = process.events()
    local children = process.listen("child")
    local probe, err = process.spawn("app.topologies:chain_probe", HOST, process.pid(), 2)
    check(probe, "spawn probe failed: " .. tostring(err))
    local node, nerr = support.receive(children, "3s")
    check(node, nerr)
    local ok, merr = process.monitor(node)
    check(ok, "monitor failed: " .. tostring(merr))

    process.send(probe, "fail")
    -- The node sleeps 5s; only the cascade can end it within 2s.
    return expect_failure(events, node, "linked process failed", "2s")
end

return {
    star_parent_fails_after_children_link = star_parent_fails_after_children_link,
    star_child_dies_with_its_parent = star_child_dies_with_its_parent,
    chain_root_fails = chain_root_fails,
    chain_node_dies_with_its_parent = chain_node_dies_with_its_parent,
}
