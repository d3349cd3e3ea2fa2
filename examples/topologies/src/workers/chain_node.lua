local function chain_node_main(depth)
    local time = require("time")

    if depth > 0 then
        -- Criar próximo na cadeia
        local child_pid, err = process.spawn_linked(
            "app.workers:chain_node",
            "app:processes",
            depth - 1
        )
        if err then
            error("spawn failed: " .. tostring(err))
        end
    end

    -- Aguardar pai morrer (aciona nossa morte via LINK_DOWN)
    time.sleep("5s")
end

return { chain_node_main = chain_node_main }
