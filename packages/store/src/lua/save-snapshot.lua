--[[
  Stores a cache snapshot unless the one already stored is at least as recent: replicas of a controller may save
  the same snapshot concurrently, and an older one must not replace a newer one.

  Input:
    KEYS[1] snapshot list: element 0 the revision, then the chunks in order

    ARGV[1] revision the snapshot reflects
    ARGV[2..] chunks

  Output:
    1 stored, 0 kept the newer one
]]
local stored = redis.call('LINDEX', KEYS[1], 0)
if stored and tonumber(stored) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('DEL', KEYS[1])
for i = 1, #ARGV do
  redis.call('RPUSH', KEYS[1], ARGV[i])
end
return 1
