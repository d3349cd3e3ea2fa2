local function parent_main()
    -- Ativar trap_links para tratar morte do filho
    process.set_options({ trap_links = true })

    local events_ch = process.events()

    -- Criar e vincular ao filho
    local child_pid, err = process.spawn_linked(
        "app.workers:child_worker",
        "app:processes"
    )
    if err then
        return nil, "spawn_linked failed: " .. tostring(err)
    end

    -- Se filho morrer, recebemos LINK_DOWN
    local event = events_ch:receive()
    if event.kind == process.event.LINK_DOWN then
        print("Child died:", event.from)
    end
end

return { parent_main = parent_main }
