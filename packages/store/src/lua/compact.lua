--[[
  Trims the event log behind a retained window of revisions. Nothing is lost: the projection is the snapshot.
  The compacted revision only moves forward.

  Input:
    KEYS[1] revision counter
    KEYS[2] event log stream
    KEYS[3] compacted revision
    KEYS[4] event index key prefix (see write.lua): the chunks wholly trimmed go too

    ARGV[1] number of most recent revisions to keep
    ARGV[2] (optional) highest revision to trim up to

  Output:
    the compacted revision: every event at or below it is gone
]]
local rev = tonumber(redis.call('GET', KEYS[1]) or '0')
local compacted = tonumber(redis.call('GET', KEYS[3]) or '0')
local target = rev - tonumber(ARGV[1])
if ARGV[2] then
  target = math.min(target, tonumber(ARGV[2]))
end
if target > compacted then
  redis.call('XTRIM', KEYS[2], 'MINID', string.format('%d-0', target + 1))
  redis.call('SET', KEYS[3], string.format('%d', target))
  for chunk = math.floor(compacted / 2000), math.floor(target / 2000) - 1 do
    redis.call('DEL', KEYS[4] .. string.format('%d', chunk))
  end
  compacted = target
end
return compacted
