-- Raiz da cadeia: A -> B -> C -> D -> E
local function chain_root_main()
    local time = require("time")

    -- Criar primeiro filho
    local child_pid, err = process.spawn_linked(
        "app.workers:chain_node",
        "app:processes",
        4 -- profundidade restante
    )
    if err then
        error("spawn failed: " .. tostring(err))
    end

    -- Aguardar cadeia ser construída
    time.sleep("100ms")

    -- Acionar cascata - todos os processos vinculados morrem
    error("CHAIN_ROOT_FAILURE")
end

return { chain_root_main = chain_root_main }
