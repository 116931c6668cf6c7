--[[
  The events of a range of the log without their objects, for a fold: it needs every event's type and object
  identity but only the last object of each identity, so the objects stay here until asked for (log-objects).
  The same lines as the event index (see write.lua) holds, read from the log itself: for ranges the index
  lacks (written before it existed) and for verify.

  Input:
    KEYS[1] event log stream

    ARGV[1] first revision
    ARGV[2] last revision

  Output:
    one line per entry, each ending in '\n': '<revision> <TYPE> <kind> <key>'
]]
local entries = redis.call('XRANGE', KEYS[1], ARGV[1] .. '-0', ARGV[2] .. '-0')
local lines = {}
for i = 1, #entries do
  local entry = entries[i]
  -- The ID without its '-0'; the event field without its operation id.
  lines[i] = string.sub(entry[1], 1, -3) .. ' ' .. string.match(entry[2][2], '^(.*) ') .. '\n'
end
return table.concat(lines)
