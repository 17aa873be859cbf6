-- wrk script: POST /contact-checks for a random customer of the benchmark data, by a random channel.
-- IDS_FILE lists customer ids (one per line); TOKEN is a CONTACT_CENTRE bearer token; DELAY_MS paces each
-- connection, in milliseconds, fractions allowed (0 = as fast as possible).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "pacing.lua")

local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  ids[#ids + 1] = line
end
local channels = { "TELEPHONE", "EMAIL", "LETTER", "FACE_TO_FACE" }

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function request()
  local id = ids[math.random(#ids)]
  local channel = channels[math.random(#channels)]
  return wrk.format(nil, "/contact-checks", nil,
    '{"customerId":"' .. id .. '","channel":"' .. channel .. '"}')
end
