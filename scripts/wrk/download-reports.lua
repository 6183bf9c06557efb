-- Each request downloads a parent's report through the link signed for them: the lines of the
-- file SG_LINKS names (cookie, address; tab-separated), shared out between wrk's threads and
-- taken in turn, so every parent downloads again and again.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local links = {}
local next_link = 1

function init(args)
  local file = assert(io.open(os.getenv("SG_LINKS"), "r"))
  local n = 0
  local count = tonumber(os.getenv("SG_THREADS"))
  for line in file:lines() do
    if n % count == id then
      local cookie, path = line:match("([^\t]+)\t([^\t]+)")
      table.insert(links, { cookie = cookie, path = path })
    end
    n = n + 1
  end
  file:close()
end

function request()
  local link = links[next_link]
  next_link = next_link % #links + 1
  return wrk.format("GET", link.path, { ["Cookie"] = link.cookie })
end
