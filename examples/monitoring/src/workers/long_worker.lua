-- Filled in (not in the document): a long task that never reads its events, so a CANCEL alone
-- does not stop it; process.cancel(pid, "100ms") terminates it when the 100 ms have passed.
local time = require("time")

local function main()
    time.sleep("30s")
    return "finished"
end

return { main = main }
