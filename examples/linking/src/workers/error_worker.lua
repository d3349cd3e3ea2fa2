-- Filled in (not in the document): a worker that fails at once.
local function main()
    error("error_worker failed")
end

return { main = main }
