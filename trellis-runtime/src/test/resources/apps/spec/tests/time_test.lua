-- The time module as Wippy defines it: every function and method, with the error paths.
local time = require("time")
local T = {}

local function check(cond, msg) if not cond then error(msg or "check failed", 2) end return cond end
local function raises(f, text, ...)
    local ok, msg = pcall(f, ...)
    check(not ok and string.find(tostring(msg), text, 1, true), "expected an error with '" .. text .. "', got " .. tostring(msg))
end
local function invalid(v, err, kind, what)
    what = what or "call"
    check(v == nil and err ~= nil, what .. ": nil, err")
    check(err:kind() == (kind or errors.INVALID) and err:retryable() == false, what .. ": " .. err:kind() .. " " .. tostring(err))
    return err
end

function T.time_constants()
    check(time.NANOSECOND == 1 and time.MICROSECOND == 1000 and time.MILLISECOND == 1000000 and time.SECOND == 1e9
        and time.MINUTE == 60 * time.SECOND and time.HOUR == 60 * time.MINUTE)
    local layouts = {RFC3339 = "2006-01-02T15:04:05Z07:00", RFC3339NANO = "2006-01-02T15:04:05.999999999Z07:00",
        RFC822 = "02 Jan 06 15:04 MST", RFC822Z = "02 Jan 06 15:04 -0700", RFC850 = "Monday, 02-Jan-06 15:04:05 MST",
        RFC1123 = "Mon, 02 Jan 2006 15:04:05 MST", RFC1123Z = "Mon, 02 Jan 2006 15:04:05 -0700", KITCHEN = "3:04PM",
        STAMP = "Jan _2 15:04:05", STAMP_MILLI = "Jan _2 15:04:05.000", STAMP_MICRO = "Jan _2 15:04:05.000000",
        STAMP_NANO = "Jan _2 15:04:05.000000000", DATE_TIME = "2006-01-02 15:04:05", DATE_ONLY = "2006-01-02",
        TIME_ONLY = "15:04:05"}
    for k, v in pairs(layouts) do check(time[k] == v, k) end
    local months = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
        "NOVEMBER", "DECEMBER"}
    for i, m in ipairs(months) do check(time[m] == i, m) end
    local days = {"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}
    for i, d in ipairs(days) do check(time[d] == i - 1, d) end
    check(time.utc:string() == "UTC" and tostring(time.localtz) == "Local")
    return true
end

function T.time_objects()
    local t = time.date(2024, 12, 29, 15, 4, 5, 123456789, time.utc)
    check(type(t) == "userdata")
    check(t:year() == 2024 and t:month() == time.DECEMBER and t:day() == 29 and t:hour() == 15 and t:minute() == 4
        and t:second() == 5 and t:nanosecond() == 123456789)
    check(t:weekday() == time.SUNDAY and t:year_day() == 364)
    local y, m, d = t:date()
    local h, mi, s = t:clock()
    check(y == 2024 and m == 12 and d == 29 and h == 15 and mi == 4 and s == 5)
    check(t:unix() == 1735484645 and t:unix_nano() == 1735484645123456789)
    check(time.unix(1735484645, 0):utc():hour() == 15 and time.unix(1, -1):utc():unix_nano() == 999999999, "unix normalises nsec")
    check(time.unix(5):unix() == 5, "nsec defaults to 0")
    -- overflowing fields carry over, as Go's time.Date does
    check(time.date(2024, 2, 30, 0, 0, 0, 0, time.utc):format("2006-01-02") == "2024-03-01")
    check(time.date(2024, 13, 1, 25, 0, 0, 0, time.utc):format("2006-01-02 15") == "2025-01-02 01")
    check(time.date(2024, 1, 1, 0, 0, -1, 0, time.utc):format(time.DATE_TIME) == "2023-12-31 23:59:59")
    check(time.date(2024, 1, 1, 0, 0, 0, 0):location() == time.localtz, "local by default")
    -- arithmetic
    check(t:add("1h"):hour() == 16 and t:add(time.MINUTE * 30):minute() == 34 and t:add(time.parse_duration("-1h")):hour() == 14)
    check(t:add(1e9):second() == 6, "a float number of nanoseconds")
    local diff = t:sub(time.date(2024, 12, 29, 14, 4, 5, 123456789, time.utc))
    check(diff:hours() == 1 and diff:nanoseconds() == time.HOUR)
    check(time.unix(0, 0):sub(time.unix(1, 0)):seconds() == -1)
    local later = t:add_date(1, 2, 3)
    check(later:year() == 2026 and later:month() == 3 and later:day() == 4 and later:hour() == 15)
    check(time.date(2024, 1, 31, 0, 0, 0, 0, time.utc):add_date(0, 1, 0):format("01-02") == "03-02", "Jan 31 + 1 month")
    -- comparisons
    local a, b = time.unix(1, 0), time.unix(2, 0)
    check(a:before(b) and b:after(a) and not a:after(b) and a:equal(time.unix(1, 0)) and not a:equal(b))
    check(a:equal(a:in_location(time.fixed_zone("X", 3600))), "equal ignores the location")
    check(a < b and a <= b and not (b < a) and a == time.unix(1, 0) and a ~= b, "Trellis: operators")
    -- zero, locations, rounding
    check(not t:is_zero() and time.date(1, 1, 1, 0, 0, 0, 0, time.utc):is_zero())
    check(t:location() == time.utc and t:utc():location() == time.utc and t:in_local():location() == time.localtz)
    local ny = check(time.load_location("America/New_York"))
    check(ny:string() == "America/New_York" and t:in_location(ny):hour() == 10 and t:in_location(ny):format("MST") == "EST")
    check(time.date(2024, 7, 1, 12, 0, 0, 0, ny):format("15:04 MST -07:00") == "12:00 EDT -04:00", "summer time")
    local est = time.fixed_zone("EST", -5 * 3600)
    check(est:string() == "EST" and t:in_location(est):format(time.RFC1123Z) == "Sun, 29 Dec 2024 10:04:05 -0500")
    check(time.load_location("UTC") == time.utc and time.load_location("Local") == time.localtz)
    check(t:round(time.parse_duration("1s")):format(time.RFC3339) == "2024-12-29T15:04:05Z")
    check(t:add("500ms"):round(time.parse_duration("1s")):second() == 6, "half rounds up")
    check(t:truncate(time.parse_duration("1h")):format(time.TIME_ONLY) == "15:00:00")
    check(t:truncate(time.parse_duration("0s")) == t, "a zero duration leaves it")
    -- tostring
    check(tostring(t) == "2024-12-29 15:04:05.123456789 +0000 UTC", tostring(t))
    check(tostring(t:in_location(est)) == "2024-12-29 10:04:05.123456789 -0500 EST")
    -- wrong types raise, naming the argument
    raises(t.add, "bad argument #2 to 'add'", t, {})
    raises(t.sub, "bad argument #2 to 'sub' (time.Time expected, got number)", t, 5)
    raises(t.year, "bad argument #1 to 'year' (time.Time expected, got string)", "x")
    raises(t.in_location, "bad argument #2 to 'in_location' (time.Location expected, got string)", t, "UTC")
    raises(t.round, "bad argument #2 to 'round' (time.Duration expected, got number)", t, 5)
    raises(t.add_date, "bad argument #3 to 'add_date'", t, 1, "x", 1)
    raises(time.date, "bad argument #2 to 'date' (number expected, got no value)", 2024)
    raises(time.date, "bad argument #8 to 'date' (time.Location expected, got string)", 2024, 1, 1, 0, 0, 0, 0, "UTC")
    raises(time.unix, "bad argument #1 to 'unix' (number expected, got string)", "x")
    raises(time.fixed_zone, "bad argument #2 to 'fixed_zone' (offset out of range", "X", 19 * 3600)
    raises(time.fixed_zone, "bad argument #1 to 'fixed_zone' (string expected, got no value)")
    return true
end

function T.time_layouts()
    local t = time.date(2006, 1, 2, 15, 4, 5, 120000000, time.fixed_zone("MST", -7 * 3600))
    check(t:format("Mon Jan 2 15:04:05 MST 2006") == "Mon Jan 2 15:04:05 MST 2006")
    check(t:format("Monday January 02 _2 03 3 PM pm 06 002 __2") == "Monday January 02  2 03 3 PM pm 06 002   2")
    check(t:format("15:04:05.000 .999 ,00 .9") == "15:04:05.120 .12 ,12 .1", t:format("15:04:05.000 .999 ,00 .9"))
    check(t:format("-0700 -07:00 -07 Z0700 Z07:00 -070000 -07:00:00") == "-0700 -07:00 -07 -0700 -07:00 -070000 -07:00:00")
    check(t:utc():format("Z07:00 Z0700 Z07") == "Z Z Z")
    check(t:format(time.KITCHEN) == "3:04PM" and t:format(time.STAMP_MILLI) == "Jan  2 15:04:05.120")
    check(t:format("Janet 1 01") == "Janet 1 01", "Jan followed by a lower-case letter is literal")
    check(t:format_rfc3339() == "2006-01-02T15:04:05-07:00")
    check(time.date(2024, 1, 1, 0, 0, 0, 0, time.utc):format("3:04pm") == "12:00am")

    -- parse: the layout constants round-trip
    local t1 = check(time.parse(time.RFC3339, "2024-12-29T15:04:05Z"))
    check(t1:location() == time.utc and t1:unix() == 1735484645)
    local t2 = check(time.parse(time.RFC3339, "2024-12-29T10:04:05-05:00"))
    check(t2:equal(t1) and t2:format(time.RFC3339) == "2024-12-29T10:04:05-05:00", "the offset is kept")
    local t3 = check(time.parse(time.RFC3339NANO, "2024-12-29T15:04:05.5Z"))
    check(t3:nanosecond() == 500000000)
    check(time.parse("2006-01-02T15:04:05Z", "2024-01-01T12:34:56.789Z"):nanosecond() == 789000000,
        "a fraction after the seconds is read even when the layout has none")
    check(time.parse(time.DATE_TIME, "2024-12-29 15:04:05", time.utc):unix() == 1735484645)
    local est = time.fixed_zone("EST", -5 * 3600)
    check(time.parse(time.DATE_TIME, "2024-12-29 10:04:05", est):unix() == 1735484645, "read in the given location")
    check(time.parse(time.KITCHEN, "3:04PM", time.utc):hour() == 15 and time.parse(time.KITCHEN, "12:04AM", time.utc):hour() == 0)
    check(time.parse(time.RFC1123, "Sun, 29 Dec 2024 15:04:05 UTC"):location() == time.utc)
    check(time.parse(time.RFC1123, "Sun, 29 Dec 2024 15:04:05 XYZ"):location():string() == "XYZ", "unknown abbreviation")
    check(time.parse("02 January 06", "29 december 24", time.utc):format(time.DATE_ONLY) == "2024-12-29", "names in any case")
    check(time.parse("2006 002", "2024 060", time.utc):format("01-02") == "02-29", "day of year")
    check(time.parse("_2 Jan", " 9 Feb", time.utc):day() == 9)
    check(time.parse("15:04", "10:30", time.utc):year() == 0, "no year: year 0")
    check(time.parse("2006  01", "2006 01", time.utc) ~= nil, "runs of spaces match")

    -- parse errors: nil, err (INVALID, not retryable) with Go's wording
    local err = invalid(time.parse("2006-01-02", "invalid-date"))
    check(err:message() == 'time.parse: parsing time "invalid-date" as "2006-01-02": cannot parse "invalid-date" as "2006"', err:message())
    err = invalid(time.parse("2006-01-02", "2024-13-01"))
    check(string.find(err, "month out of range", 1, true), tostring(err))
    err = invalid(time.parse("2006-01-02", "2023-02-29"))
    check(string.find(err, "day out of range", 1, true), tostring(err))
    err = invalid(time.parse("2006-01-02", "2024-01-01 extra"))
    check(string.find(err, 'extra text: " extra"', 1, true), tostring(err))
    invalid(time.parse("15:04", "25:00"))
    invalid(time.parse(time.RFC3339, "2024-12-29T15:04:05+5"))
    invalid(time.parse("2006-01-02 .000", "2024-01-01 .1"))
    invalid(time.parse("PM", "XM"))
    invalid(time.parse("2006 002", "2023 366"))
    raises(time.parse, "bad argument #2 to 'parse' (string expected, got no value)", time.RFC3339)
    raises(time.parse, "bad argument #3 to 'parse' (time.Location expected, got string)", "2006", "2024", "UTC")
    return true
end

function T.time_durations_and_zones()
    local d = check(time.parse_duration("1h30m45s"))
    check(d:nanoseconds() == 5445 * time.SECOND and d:microseconds() == 5445000000 and d:milliseconds() == 5445000)
    check(d:seconds() == 5445 and d:minutes() == 90.75 and d:hours() == 5445 / 3600)
    check(tostring(d) == "1h30m45s" and tostring(time.parse_duration("1.5s")) == "1.5s"
        and tostring(time.parse_duration(0)) == "0s" and tostring(time.parse_duration("-2ms")) == "-2ms")
    check(tostring(time.parse_duration("1500ns")) == "1.5\u{b5}s", "Go writes micro with the micro sign")
    check(time.parse_duration(time.SECOND):seconds() == 1 and time.parse_duration(d) == d)
    check(time.parse_duration("-1500us"):milliseconds() == -1, "truncated toward zero")
    check(time.parse_duration("1s") < time.parse_duration("2s") and time.parse_duration("1m") == time.parse_duration("60s"))
    local err = invalid(time.parse_duration("invalid"))
    check(string.find(err, "invalid", 1, true), tostring(err))
    invalid(time.parse_duration("5"))
    invalid(time.parse_duration({}))
    invalid(time.parse_duration(nil))
    local raw = time.parse_duration("1s")
    raises(raw.hours, "bad argument #1 to 'hours' (time.Duration expected, got number)", 5)

    invalid(time.load_location(""))
    local lerr = invalid(time.load_location("Invalid/Location"), select(2, time.load_location("Invalid/Location")), errors.NOT_FOUND, "zone")
    check(string.find(lerr, "Invalid/Location", 1, true), tostring(lerr))
    invalid(time.load_location("+02:00"), select(2, time.load_location("+02:00")), errors.NOT_FOUND, "offsets are not names")
    raises(time.load_location, "bad argument #1 to 'load_location' (string expected, got no value)")
    raises(time.utc.string, "bad argument #1 to 'string' (time.Location expected, got string)", "x")
    return true
end

function T.time_timers()
    -- now, sleep with each duration form, and the elapsed time as a Duration
    local start = time.now()
    check(start:location() == time.localtz and start:unix() >= os.time() - 1)
    time.sleep(2 * time.MILLISECOND)
    time.sleep("2ms")
    time.sleep(time.parse_duration("2ms"))
    time.sleep(0)
    time.sleep(-5)
    check(time.now():sub(start):milliseconds() >= 6, "slept")
    invalid(time.sleep("bogus"))
    invalid(time.sleep({}))
    -- after: one Time value, then closed
    local ch = time.after(time.parse_duration("1ms"))
    local v, ok = ch:receive()
    check(ok and v:unix() > 0 and v:location() == time.localtz)
    check(select(2, ch:receive()) == false, "closed")
    local err = invalid(time.after(0))
    check(string.find(err, "duration must be > 0", 1, true), tostring(err))
    err = invalid(time.after("nope"))
    check(string.find(err, "time.after", 1, true) and not string.find(err, "> 0", 1, true), tostring(err))
    -- timer: channel (also response), stop, reset
    local tm = time.timer("1h")
    check(tm:channel() == tm:response(), "one channel")
    check(tm:stop() == true and tm:stop() == false, "stopped once")
    local tm2 = time.timer("1h")
    tm2:reset("1ms")
    check(tm2:channel():receive():unix() > 0, "reset to fire soon")
    raises(tm2.reset, "duration must be > 0", tm2, 0)
    raises(tm2.reset, "timer:reset", tm2, "bogus")
    invalid(time.timer(-1))
    raises(tm.stop, "bad argument #1 to 'stop' (time.Timer expected, got string)", "x")
    -- ticker
    local tick = time.ticker("1ms")
    check(tick:channel() == tick:response())
    check(tick:channel():receive() ~= nil and tick:channel():receive() ~= nil)
    check(tick:stop() == true)
    invalid(time.ticker("0s"))
    raises(tick.channel, "bad argument #1 to 'channel' (time.Ticker expected, got table)", {})
    return true
end

return T
