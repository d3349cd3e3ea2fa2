-- Not in the document: plays the chain root for a chain of `depth` + 1 nodes, tells the observer
-- the first node's pid, and fails when the observer sends "fail".
local function main(observer, depth)
    local inbox_ch = process.inbox()
    local child_pid, err = process.spawn_linked("app.workers:chain_node", "app:processes", depth)
    if err then
        error("spawn failed: " .. tostring(err))
    end
    process.send(observer, "child", child_pid)

    while inbox_ch:receive():topic() ~= "fail" do
    end
    error("CHAIN_PROBE_FAILURE")
end

return { main = main }
