-- Worker que vincula a um processo alvo
local function worker_main()
    local time = require("time")
    local events_ch = process.events()
    local inbox_ch = process.inbox()

    -- Ativar trap_links para receber eventos LINK_DOWN
    process.set_options({ trap_links = true })

    -- Receber PID alvo do remetente
    local msg = inbox_ch:receive()
    local target_pid = msg:payload():data()
    local sender = msg:from()

    -- Criar vínculo bidirecional
    local ok, err = process.link(target_pid)
    if err then
        return nil, "link failed: " .. tostring(err)
    end

    -- Notificar remetente que estamos vinculados
    process.send(sender, "linked", process.pid())

    -- Aguardar LINK_DOWN quando alvo terminar
    local timeout = time.after("3s")
    local result = channel.select {
        events_ch:case_receive(),
        timeout:case_receive(),
    }

    if result.channel == events_ch then
        local event = result.value
        if event.kind == process.event.LINK_DOWN then
            return "LINK_DOWN_RECEIVED"
        end
    end

    return nil, "no LINK_DOWN received"
end

return { worker_main = worker_main }
