-- Each request answers a form page not answered before: the lines of the file SG_PAGES names
-- (cookie, address, body; tab-separated), shared out between wrk's threads. A thread that runs
-- out starts its lines again; those answers are then pages sent twice, stored once.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local pages = {}
local next_page = 1

function init(args)
  local file = assert(io.open(os.getenv("SG_PAGES"), "r"))
  local n = 0
  local count = tonumber(os.getenv("SG_THREADS"))
  for line in file:lines() do
    if n % count == id then
      local cookie, path, body = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)")
      table.insert(pages, { cookie = cookie, path = path, body = body })
    end
    n = n + 1
  end
  file:close()
end

function request()
  local page = pages[next_page]
  next_page = next_page % #pages + 1
  return wrk.format("POST", page.path, {
    ["Cookie"] = page.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept-Language"] = "en-GB",
  }, page.body)
end
