-- wrk script: POST /register-lookups by the postcode of a random property of the benchmark data (one in five has an
-- entry in force: mixed hits and misses), written as people type it, before a visit.
-- POSTCODES_FILE lists the postcodes (one per line); FIELD_TOKEN is a FIELD_OFFICER bearer token; DELAY_MS paces each
-- connection, in milliseconds, fractions allowed (0 = as fast as possible).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "pacing.lua")

local postcodes = {}
for line in io.lines(os.getenv("POSTCODES_FILE")) do
  postcodes[#postcodes + 1] = line
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("FIELD_TOKEN")

function request()
  local postcode = postcodes[math.random(#postcodes)]
  local way = math.random(3)
  if way == 2 then
    postcode = postcode:lower()
  elseif way == 3 then
    postcode = postcode:gsub(" ", "")
  end
  return wrk.format(nil, "/register-lookups", nil, '{"postcode":"' .. postcode .. '","purpose":"VISIT"}')
end
