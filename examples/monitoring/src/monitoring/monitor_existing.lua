local function main()
    local time = require("time")
    local events_ch = process.events()

    -- Spawn sem monitoramento
    local worker_pid, err = process.spawn(
        "app.workers:long_worker",
        "app:processes"
    )
    if err then
        return nil, "spawn failed: " .. tostring(err)
    end

    -- Iniciar monitoramento depois
    local ok, monitor_err = process.monitor(worker_pid)
    if monitor_err then
        return nil, "monitor failed: " .. tostring(monitor_err)
    end

    -- Cancelar o worker
    time.sleep("5ms")
    process.cancel(worker_pid, "100ms")

    -- Receber evento EXIT
    local event = events_ch:receive()
    if event.kind == process.event.EXIT then
        print("Worker terminated:", event.from)
    end
end

return { main = main }
