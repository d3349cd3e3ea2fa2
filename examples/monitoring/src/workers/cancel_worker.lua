-- "Tratar Cancelamento": the worker from the document. cleanup() and handle_message() are not
-- shown there; they are filled in here.
local function cleanup()
    print("cleaning up before exit")
end

local function handle_message(msg)
    print("handling message on topic " .. msg:topic())
end

local function worker_main()
    local events_ch = process.events()
    local inbox_ch = process.inbox()

    while true do
        local result = channel.select {
            inbox_ch:case_receive(),
            events_ch:case_receive(),
        }

        if result.channel == events_ch then
            local event = result.value
            if event.kind == process.event.CANCEL then
                -- Limpar recursos
                cleanup()
                return "cancelled gracefully"
            end
        else
            -- Processar mensagem da inbox
            handle_message(result.value)
        end
    end
end

return { worker_main = worker_main }
