-- Filled in (not in the document): returns normally at once; a normal exit sends no LINK_DOWN.
local function main()
    return "done"
end

return { main = main }
