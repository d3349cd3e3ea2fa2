-- Helpers of the supervision example's tests.
local time = require("time")
local support = {}

function support.check(cond, msg)
    if not cond then error(msg or "check failed", 2) end
    return cond
end

-- Waits until the boot's story has been told (it registers "story_told"), so tests never race it.
function support.after_story()
    for _ = 1, 2000 do
        if process.registry.lookup("story_told") then return end
        time.sleep("5ms")
    end
    error("the story (app:story) was not told within 10 s")
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
