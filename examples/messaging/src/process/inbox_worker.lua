local function main()
    local inbox_ch = process.inbox()
    local specific_ch = process.listen("specific_topic")

    while true do
        local result = channel.select({
            specific_ch:case_receive(),
            inbox_ch:case_receive()
        })

        if result.channel == specific_ch then
            -- "specific_topic"으로의 메시지가 여기로 도착
            local payload = result.value
        elseif result.channel == inbox_ch then
            -- 다른 모든 토픽의 메시지가 여기로 도착
            local msg = result.value
            print("Inbox got:", msg.topic, msg.payload)
        end
    end
end

return { main = main }
