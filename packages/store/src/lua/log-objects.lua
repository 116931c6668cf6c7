--[[
  The objects of chosen log entries: the survivors of a fold (see log-events).

  Input:
    KEYS[1] event log stream

    ARGV[1..] revisions

  Output:
    per revision, in order: its entry's object JSON, or nil when compaction has trimmed the entry
]]
local objects = {}
for i = 1, #ARGV do
  local id = ARGV[i] .. '-0'
  local entry = redis.call('XRANGE', KEYS[1], id, id)[1]
  objects[i] = entry and entry[2][4] or false
end
return objects
