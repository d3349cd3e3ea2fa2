-- Not in the document: registers the name it is given, tells the observer, and returns when it
-- gets a "stop" message (its name is then released automatically).
local function main(name, observer)
    local ok, err = process.registry.register(name)
    if err then
        return false, "register failed: " .. err
    end
    process.send(observer, "registered", name)

    local inbox_ch = process.inbox()
    while inbox_ch:receive():topic() ~= "stop" do
    end
    return "stopped"
end

return { main = main }
