-- Work for the task supervisor: fire-and-forget background work, and a sum whose result is awaited.
local function background_work(label)
    print("background work " .. tostring(label) .. " ran in " .. process.pid())
end

local function sum(numbers)
    local total = 0
    for _, n in ipairs(numbers) do total = total + n end
    return total
end

local function failing_work()
    error("background work failed", 0)
end

return { background_work = background_work, sum = sum, failing_work = failing_work }
