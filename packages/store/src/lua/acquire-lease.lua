--[[
  Takes a lease if it is free, lapsed, or already held by the same holder (which renews it). Time comes from
  the Redis server so every process judges expiry by one clock. The key expires with the lease.

  Input:
    KEYS[1] lease hash {holder, expiresAt}

    ARGV[1] holder identity
    ARGV[2] lease duration in milliseconds

  Output:
    1 acquired or renewed, 0 held by someone else
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local holder = redis.call('HGET', KEYS[1], 'holder')
if holder and holder ~= ARGV[1] then
  local expiresAt = tonumber(redis.call('HGET', KEYS[1], 'expiresAt') or '0')
  if expiresAt > now then
    return 0
  end
end
local ttl = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'holder', ARGV[1], 'expiresAt', string.format('%d', now + ttl))
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
