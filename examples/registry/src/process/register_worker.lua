local function main()
    local test_name = "my_service_" .. tostring(os.time())

    -- 현재 프로세스를 이름으로 등록
    local ok, err = process.registry.register(test_name)
    if err then
        return false, "register failed: " .. err
    end

    -- 등록된 이름 조회
    local pid, lookup_err = process.registry.lookup(test_name)
    if lookup_err then
        return false, "lookup failed: " .. lookup_err
    end

    -- 우리 PID로 해석되는지 확인
    if pid ~= process.pid() then
        return false, "lookup returned wrong pid"
    end

    return true
end

return { main = main }
