local function worker_main()
    local events_ch = process.events()

    -- trap_links é false por padrão
    local opts = process.get_options()
    print("trap_links:", opts.trap_links) -- false

    -- Criar worker vinculado que vai falhar
    local child_pid, err = process.spawn_linked(
        "app.workers:error_worker",
        "app:processes"
    )

    -- Quando filho der erro, ESTE processo termina
    -- Nunca chegamos a este ponto
    local event = events_ch:receive()
end

return { worker_main = worker_main }
