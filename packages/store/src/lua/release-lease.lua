--[[
  Gives a lease up, but only if the caller still holds it (a lapsed holder must not free a successor's lease).

  Input:
    KEYS[1] lease hash {holder, expiresAt}

    ARGV[1] holder identity

  Output:
    1 released, 0 not held by this holder
]]
if redis.call('HGET', KEYS[1], 'holder') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
