-- Shared by the wrk scripts here: seeds each thread's random numbers, and paces each connection by DELAY_MS
-- milliseconds after every answer, fractions allowed (0 or unset = as fast as possible).
local pause = tonumber(os.getenv("DELAY_MS") or "0")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
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
