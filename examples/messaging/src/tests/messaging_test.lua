-- Tests of processes and messaging (seed 003, "프로세스 스폰" and "메시지 전달").
local support = require("support")
local check = support.check

local HOST = "app:processes"

local function spawn_returns_a_pid()
    -- From the document ("프로세스 스폰"):
    local pid, err = process.spawn("app.test.process:echo_worker", "app:processes", "hello")
    if err then
        return false, "spawn failed: " .. err
    end

    -- pid는 스폰된 프로세스의 문자열 식별자
    print("Started worker:", pid)

    check(type(pid) == "string", "a pid is a string, got " .. type(pid))
    check(pid:sub(1, 1) == "{" and pid:sub(-1) == "}", "a pid looks like {host|id}, got " .. pid)
    process.terminate(pid)
    return true
end

local function own_pid_is_stable()
    -- From the document ("자신의 PID 가져오기"):
    local my_pid = process.pid()
    -- 현재 프로세스의 문자열 PID 반환

    check(type(my_pid) == "string" and my_pid == process.pid(), "process.pid() changed between calls")
    return true
end

local function listener_receives_the_payload()
    local events = process.events()
    local worker_pid, serr = process.spawn_monitored("app.test.process:listener_worker", HOST)
    check(worker_pid, "spawn failed: " .. tostring(serr))

    -- From the document ("메시지 보내기"):
    -- PID로 프로세스에 전송
    local sent, err = process.send(worker_pid, "messages", "hello from parent")
    if err then
        return false, "send failed: " .. err
    end

    local exit, xerr = support.await_exit(events, worker_pid, "3s")
    check(exit, xerr)
    check(exit.result.value == true, "the listener should return true, got " .. tostring(exit.result.value))
    return true
end

local function listen_gives_the_payload_itself()
    local ch = process.listen("numbers")
    process.send(process.pid(), "numbers", 42)
    local value, err = support.receive(ch, "2s")
    check(value == 42, "expected 42, got " .. tostring(value or err))
    return true
end

local function inbox_gets_unmatched_topics()
    local inbox_ch = process.inbox()
    local specific_ch = process.listen("specific_topic")
    process.send(process.pid(), "specific_topic", "for the listener")
    process.send(process.pid(), "other_topic", "for the inbox")

    local payload, perr = support.receive(specific_ch, "2s")
    check(payload == "for the listener", "specific_topic: got " .. tostring(payload or perr))

    local msg, merr = support.receive(inbox_ch, "2s")
    check(msg, merr)
    check(msg:topic() == "other_topic", "the inbox message keeps its topic, got " .. tostring(msg:topic()))
    check(msg:payload():data() == "for the inbox", "inbox payload: got " .. tostring(msg:payload():data()))
    return true
end

local function inbox_worker_keeps_serving()
    local events = process.events()
    local pid, err = process.spawn_monitored("app.test.process:inbox_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))
    process.send(pid, "specific_topic", "one")
    process.send(pid, "anything_else", "two")
    process.send(pid, "inbox", "three")

    local quiet, event = support.stays_quiet(events, "300ms")
    check(quiet, "the inbox worker exited: " .. tostring(event and support.exit_error(event)))

    process.terminate(pid)
    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    return true
end

local function message_mode_gives_sender_and_topic()
    local ch = process.listen("with_sender", { message = true })
    process.send(process.pid(), "with_sender", "payload")
    local msg, err = support.receive(ch, "2s")
    check(msg, err)
    check(msg:from() == process.pid(), "msg:from() should be the sender's pid, got " .. tostring(msg:from()))
    check(msg:topic() == "with_sender", "msg:topic(): got " .. tostring(msg:topic()))
    check(msg:payload():data() == "payload", "msg:payload():data(): got " .. tostring(msg:payload():data()))
    return true
end

local function echo_worker_replies_to_the_sender()
    local events = process.events()
    local replies = process.listen("reply", { message = true })
    local pid, err = process.spawn_monitored("app.test.process:echo_worker", HOST)
    check(pid, "spawn failed: " .. tostring(err))

    process.send(pid, "echo", "ping")
    local reply, rerr = support.receive(replies, "3s")
    check(reply, rerr)
    check(reply:from() == pid, "the reply should come from the echo worker, got " .. tostring(reply:from()))
    check(reply:topic() == "reply", "reply topic: got " .. tostring(reply:topic()))

    local exit, xerr = support.await_exit(events, pid, "3s")
    check(exit, xerr)
    check(exit.result.value == true, "the echo worker should return true, got " .. tostring(exit.result.value))
    return true
end

return {
    spawn_returns_a_pid = spawn_returns_a_pid,
    own_pid_is_stable = own_pid_is_stable,
    listener_receives_the_payload = listener_receives_the_payload,
    listen_gives_the_payload_itself = listen_gives_the_payload_itself,
    inbox_gets_unmatched_topics = inbox_gets_unmatched_topics,
    inbox_worker_keeps_serving = inbox_worker_keeps_serving,
    message_mode_gives_sender_and_topic = message_mode_gives_sender_and_topic,
    echo_worker_replies_to_the_sender = echo_worker_replies_to_the_sender,
}
