-- Filled in (not in the document): a link target that fails when told to ("fail" message), so a
-- test can choose the moment its links go down.
local function main()
    local inbox_ch = process.inbox()
    while true do
        local msg = inbox_ch:receive()
        if msg:topic() == "fail" then
            error("target_worker failed on request")
        end
    end
end

return { main = main }
