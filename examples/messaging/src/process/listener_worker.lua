-- "messages" 토픽의 메시지를 리슨하는 워커
local function main()
    local ch = process.listen("messages")

    local msg = ch:receive()
    if msg then
        -- msg는 직접 페이로드
        print("Received:", msg)
        return true
    end

    return false
end

return { main = main }
