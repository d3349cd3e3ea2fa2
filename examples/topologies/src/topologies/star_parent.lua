-- Worker pai cria filhos que vinculam AO pai
local function star_parent_main()
    local time = require("time")
    local events_ch = process.events()
    local child_count = 10

    -- Ativar trap_links para ver filhos morrerem
    process.set_options({ trap_links = true })

    local children = {}

    -- Criar filhos
    for i = 1, child_count do
        local child_pid, err = process.spawn(
            "app.workers:linker_child",
            "app:processes"
        )
        if err then
            error("spawn child failed: " .. tostring(err))
        end

        -- Enviar PID do pai para filho
        process.send(child_pid, "inbox", process.pid())
        children[child_pid] = true
    end

    -- Aguardar todos os filhos confirmarem vínculo
    for i = 1, child_count do
        local msg = process.inbox():receive()
        if msg:topic() ~= "linked" then
            error("expected linked confirmation")
        end
    end

    -- Acionar falha - todos os filhos devem receber LINK_DOWN
    error("PARENT_STAR_FAILURE")
end

return { star_parent_main = star_parent_main }
