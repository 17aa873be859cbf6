-- wrk script: GET /cases/{id} for a random existing case. IDS_FILE lists case ids (one per line); TOKEN is a
-- COMPLAINTS_OFFICER bearer token; DELAY_MS paces each connection (see ../contact-check/pacing.lua).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../contact-check/pacing.lua")

local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  ids[#ids + 1] = line
end

wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function request()
  return wrk.format("GET", "/cases/" .. ids[math.random(#ids)])
end
