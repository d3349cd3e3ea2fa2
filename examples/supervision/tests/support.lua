-- Helpers of the supervision example's tests.
local time = require("time")
local support = {}

function support.check(cond, msg)
    if not cond then error(msg or "check failed", 2) end
    return cond
end

-- Waits until the boot's story (registered as "story") has finished, so tests never race it.
function support.after_story()
    local story = process.registry.lookup("story")
    if not story then return end
    local events = process.events()
    if not process.monitor(story) then return end   -- it ended meanwhile
    local deadline = time.after("10s")
    while true do
        local r = channel.select { events:case_receive(), deadline:case_receive() }
        if r.channel == deadline then error("the story did not finish") end
        if r.value.kind == process.event.EXIT and r.value.from == story then return end
    end
end

-- The pid of child `id` of `sup` once it is running and differs from `old`.
function support.child(sup, id, old)
    for _ = 1, 500 do
        for _, c in ipairs(require("supervisor").which_children(sup)) do
            if c.id == id and c.pid and c.pid ~= old then return c.pid end
        end
        time.sleep("2ms")
    end
    error("no running child " .. id .. " of " .. tostring(sup))
end

function support.list(t)
    local parts = {}
    for i, v in ipairs(t) do parts[i] = tostring(v) end
    return "[" .. table.concat(parts, ", ") .. "]"
end

return support
