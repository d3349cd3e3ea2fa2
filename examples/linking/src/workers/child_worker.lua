-- Filled in (not in the document): a child that fails shortly after it starts, so that its
-- linked parent gets LINK_DOWN (links fire only on an error exit).
local time = require("time")

local function main()
    time.sleep("20ms")
    error("child_worker failed")
end

return { main = main }
