-- Not in the document: plays the star parent for a single linker_child, tells the observer the
-- child's pid once the child has linked, and fails when the observer sends "fail".
local function main(observer)
    local inbox_ch = process.inbox()
    local child_pid, err = process.spawn("app.workers:linker_child", "app:processes")
    if err then
        error("spawn child failed: " .. tostring(err))
    end
    process.send(child_pid, "inbox", process.pid())

    local msg = inbox_ch:receive()
    if msg:topic() ~= "linked" then
        error("expected linked confirmation")
    end
    process.send(observer, "child", child_pid)

    while inbox_ch:receive():topic() ~= "fail" do
    end
    error("STAR_PROBE_FAILURE")
end

return { main = main }
