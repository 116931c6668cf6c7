--[[
  Applies a batch of writes to objects of one kind, in order, each exactly as it would apply alone (group
  commit: concurrent writers share one script run). A create refuses an existing key; an update or delete
  proceeds only if the stored resourceVersion is the expected one (optimistic concurrency). Each write that
  proceeds allocates the next cluster revision, updates the projection and appends its event to the log.

  The object JSON arrives split around its resourceVersion value, so the new revision is spliced in as text
  (no cjson round trip, which would corrupt empty arrays and large numbers). Stored JSON is canonical
  (apiVersion, kind, then metadata with only string fields before resourceVersion), so the first
  "resourceVersion" in it is the object's own.

  Log entry fields: 'event' = '<TYPE> <kind> <key> <operation id>' (none of them contains a space), then
  'object' = the JSON; for DELETED the object's last state with resourceVersion = the deletion revision.
  Each event is also appended to the log's event index, a line '<revision> <TYPE> <kind> <key>' in the string
  of its 2000 revisions, so a replay folds the log reading only these lines (see log-reader.ts).

  Input:
    KEYS[1] revision counter
    KEYS[2] event log stream
    KEYS[3] projection hash of the kind
    KEYS[4] event index key prefix: chunk n (revisions 2000n+1 .. 2000n+2000) is KEYS[4] .. n

    ARGV[1] kind
    then 6 per write:
      event type: ADDED (create), MODIFIED (update) or DELETED (delete)
      object key: 'namespace/name', or 'name' for cluster-scoped kinds
      expected resourceVersion of the stored object ('' for a create)
      object JSON up to its resourceVersion value
      object JSON after its resourceVersion value
      operation id, recorded in the log entry so a client that lost the reply can find out whether it ran

  Output: one reply per write, in order:
    {0, revision}     written
    {1}               create: already exists
    {1, currentJson}  update or delete: the object has changed since it was read (here it is now)
    {2}               update or delete: not found
]]
local kind = ARGV[1]
local EVENTS_PER_CHUNK = 2000
-- The revision the next write that proceeds gets; INCR keeps the counter in step write by write, so a run
-- that fails halfway leaves the counter matching what it applied.
local nextRev = tonumber(redis.call('GET', KEYS[1]) or '0') + 1

local function apply(event, key, expected, prefix, suffix, op)
  local revText = string.format('%d', nextRev)
  local json = prefix .. revText .. suffix
  if event == 'ADDED' then
    -- HSETNX both checks and writes: a create is one projection call, not HEXISTS then HSET.
    if redis.call('HSETNX', KEYS[3], key, json) == 0 then
      return {1}
    end
  else
    local current = redis.call('HGET', KEYS[3], key)
    if not current then
      return {2}
    end
    if string.match(current, '"resourceVersion":"(%d+)"') ~= expected then
      return {1, current}
    end
    if event == 'DELETED' then
      redis.call('HDEL', KEYS[3], key)
    else
      redis.call('HSET', KEYS[3], key, json)
    end
  end
  redis.call('INCR', KEYS[1])
  local rev = nextRev
  nextRev = rev + 1
  local identity = kind .. ' ' .. key
  redis.call('XADD', KEYS[2], revText .. '-0', 'event', event .. ' ' .. identity .. ' ' .. op, 'object', json)
  local chunk = string.format('%d', math.floor((rev - 1) / EVENTS_PER_CHUNK))
  redis.call('APPEND', KEYS[4] .. chunk, revText .. ' ' .. event .. ' ' .. identity .. '\n')
  return {0, rev}
end

local replies = {}
for i = 2, #ARGV, 6 do
  replies[#replies + 1] = apply(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5])
end
return replies
