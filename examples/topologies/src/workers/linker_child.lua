local function linker_child_main()
    local events_ch = process.events()
    local inbox_ch = process.inbox()

    -- Receber PID do pai
    local msg = inbox_ch:receive()
    local parent_pid = msg:payload():data()

    -- Vincular ao pai
    process.link(parent_pid)

    -- Confirmar vínculo
    process.send(parent_pid, "linked", process.pid())

    -- Aguardar LINK_DOWN quando pai morrer
    local event = events_ch:receive()
    if event.kind == process.event.LINK_DOWN then
        return "parent_died"
    end
end

return { linker_child_main = linker_child_main }
