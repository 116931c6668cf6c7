--[[
  Reads one namespace of a kind's projection together with the revision it reflects, atomically, so a watch
  from that revision neither misses nor repeats a change. (A whole kind is read with MULTI GET + HVALS, which
  is cheaper than carrying every value through Lua.)

  Input:
    KEYS[1] revision counter
    KEYS[2] projection hash of the kind

    ARGV[1] key prefix to keep: 'namespace/'

  Output:
    {revision, {json, ...}}
]]
local rev = tonumber(redis.call('GET', KEYS[1]) or '0')
local prefix = ARGV[1]
local n = #prefix
local all = redis.call('HGETALL', KEYS[2])
local kept = {}
for i = 1, #all, 2 do
  if string.sub(all[i], 1, n) == prefix then
    kept[#kept + 1] = all[i + 1]
  end
end
return {rev, kept}
