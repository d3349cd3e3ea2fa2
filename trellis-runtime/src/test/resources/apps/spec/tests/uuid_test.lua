-- The uuid module: every function, with the error paths (always nil, err of kind errors.INVALID).
local uuid = require("uuid")
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end
local DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
local SHAPE = "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"

local function invalid(v, err, what)
    check(v == nil and err ~= nil, what .. ": nil, err")
    check(err:kind() == errors.INVALID and err:retryable() == false, what .. ": INVALID, not retryable")
end

function T.uuid_generate()
    for _, f in ipairs({"v1", "v4", "v7"}) do
        local id, err = uuid[f]()
        check(err == nil and #id == 36 and id:match(SHAPE), f .. " shape: " .. tostring(id))
        check(uuid.version(id) == tonumber(f:sub(2)), f .. " version")
        check(uuid.variant(id) == "RFC4122", f .. " variant")
    end
    local seen = {}
    for i = 1, 200 do
        local id = uuid.v4()
        check(not seen[id], "v4 unique")
        seen[id] = true
    end
    -- v7 ids sort in the order they were made, even within one millisecond
    local prev = uuid.v7()
    for _ = 1, 200 do
        local id = uuid.v7()
        check(id > prev, "v7 increasing")
        prev = id
    end
    local a, b = uuid.v1(), uuid.v1()
    check(a ~= b, "v1 unique")
    -- v3/v5: the well-known examples of the RFC's DNS namespace
    check(uuid.v3(DNS, "python.org") == "6fa459ea-ee8a-3ca4-894e-db77e160355e", "v3")
    check(uuid.v5(DNS, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d", "v5")
    check(uuid.v5(string.upper(DNS), "python.org") == uuid.v5(DNS, "python.org"), "namespace in any case")
    invalid(uuid.v3("invalid", "x"), select(2, uuid.v3("invalid", "x")), "v3 bad namespace")
    invalid(uuid.v5(DNS), select(2, uuid.v5(DNS)), "v5 missing name")
    invalid(uuid.v5(DNS, 5), select(2, uuid.v5(DNS, 5)), "v5 number name")
    invalid(uuid.v3(nil, "x"), select(2, uuid.v3(nil, "x")), "v3 nil namespace")
    return true
end

function T.uuid_read()
    check(uuid.validate(DNS) and uuid.validate(uuid.v4()))
    check(uuid.validate("6BA7B810-9DAD-11D1-80B4-00C04FD430C8"), "upper case")
    check(uuid.validate("urn:uuid:" .. DNS) and uuid.validate("{" .. DNS .. "}") and uuid.validate("6ba7b8109dad11d180b400c04fd430c8"),
        "urn, braces, simple")
    for _, bad in ipairs({"", "not-a-uuid", "6ba7b810-9dad-11d1-80b4", DNS .. "-extra", "6ba7b810x9dad-11d1-80b4-00c04fd430c8",
                          "gba7b810-9dad-11d1-80b4-00c04fd430c8"}) do
        check(uuid.validate(bad) == false, "invalid: " .. bad)
    end
    check(uuid.validate(123) == false and uuid.validate(nil) == false and uuid.validate({}) == false, "non-strings")

    local info = check(uuid.parse(DNS))
    check(info.version == 1 and info.variant == "RFC4122" and info.timestamp == 886630433, "v1 info " .. tostring(info.timestamp))
    check(info.node == "\0\192\79\212\48\200", "v1 node: its six bytes")
    local i4 = uuid.parse(uuid.v4())
    check(i4.version == 4 and i4.timestamp == nil and i4.node == nil, "v4 info")
    local i7 = uuid.parse(uuid.v7())
    check(i7.version == 7 and math.abs(i7.timestamp - os.time()) <= 2 and i7.node == nil, "v7 timestamp is now")
    local i1 = uuid.parse(uuid.v1())
    check(math.abs(i1.timestamp - os.time()) <= 2 and #i1.node == 6, "v1 timestamp is now")
    check(uuid.variant("6ba7b810-9dad-11d1-c0b4-00c04fd430c8") == "Microsoft", "Microsoft")
    check(uuid.variant("6ba7b810-9dad-11d1-e0b4-00c04fd430c8") == "Future", "Future")
    check(uuid.variant("6ba7b810-9dad-11d1-00b4-00c04fd430c8") == "Reserved", "Reserved")

    check(uuid.format(DNS) == DNS and uuid.format(DNS, "standard") == DNS)
    check(uuid.format(DNS, "simple") == "6ba7b8109dad11d180b400c04fd430c8")
    check(uuid.format(DNS, "urn") == "urn:uuid:" .. DNS)
    check(uuid.format("6BA7B8109DAD11D180B400C04FD430C8") == DNS, "format normalises")

    for _, f in ipairs({"version", "variant", "parse", "format"}) do
        local v, err = uuid[f]("invalid")
        invalid(v, err, f .. " invalid")
        v, err = uuid[f](123)
        invalid(v, err, f .. " number")
        check(string.find(err, "must be a string", 1, true), tostring(err))
    end
    local v, err = uuid.format(DNS, "unknown")
    invalid(v, err, "format unknown")
    check(string.find(err, "unknown", 1, true), tostring(err))
    return true
end

return T
