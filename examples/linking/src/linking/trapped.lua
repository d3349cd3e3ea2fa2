local function worker_main()
    -- Ativar trap_links
    process.set_options({ trap_links = true })

    local events_ch = process.events()

    -- Criar worker vinculado que vai falhar
    local child_pid, err = process.spawn_linked(
        "app.workers:error_worker",
        "app:processes"
    )

    -- Aguardar evento LINK_DOWN
    local event = events_ch:receive()
    if event.kind == process.event.LINK_DOWN then
        print("Child failed, handling gracefully")
        return "LINK_DOWN_RECEIVED"
    end
end

return { worker_main = worker_main }
