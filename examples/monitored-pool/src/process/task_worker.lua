-- task_worker.lua
local time = require("time")

local function main(task)
    -- 작업 시뮬레이션
    time.sleep("100ms")

    -- 작업 처리
    local result = task.value * 2

    return result
end

return { main = main }
