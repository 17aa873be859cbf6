-- wrk script: POST /contact-checks for a random customer of the benchmark data, by a random channel.
-- IDS_FILE lists customer ids (one per line); TOKEN is a CONTACT_CENTRE bearer token; DELAY_MS paces each
-- connection, in milliseconds, fractions allowed (0 = as fast as possible).
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  ids[#ids + 1] = line
end
local channels = { "TELEPHONE", "EMAIL", "LETTER", "FACE_TO_FACE" }
local pause = tonumber(os.getenv("DELAY_MS") or "0")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local counter = 0
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local id = ids[math.random(#ids)]
  local channel = channels[math.random(#channels)]
  return wrk.format(nil, "/contact-checks", nil,
    '{"customerId":"' .. id .. '","channel":"' .. channel .. '"}')
end

-- wrk waits whole milliseconds: a fractional DELAY_MS is met on average by rounding up or down at random.
if pause > 0 then
  local whole = math.floor(pause)
  local fraction = pause - whole
  function delay()
    if math.random() < fraction then
      return whole + 1
    end
    return whole
  end
end
