/**
 * Sliding-window RPM/TPM limiter, one Lua script so every replica sees one atomic decision.
 *
 * The window is cut into sub-windows ("buckets"). A scope's counts live in one hash (KEYS[1]), fields
 * `r:<bucket>`, `t:<bucket>`, `r:<bucket>:<tenant>`, `t:<bucket>:<tenant>`; a sorted set (KEYS[2]) scores
 * each field with its bucket, so the fields of buckets that aged out are deleted as time moves on, and
 * the tenants waiting for fairness sit in KEYS[3]. The script touches only those three keys, which
 * share the scope's hash tag: it runs on Redis Cluster (a script's keys must all be KEYS, in one slot). A bucket counts until its END is a full window old, so the sum over-counts by at
 * most one bucket and never under-counts: whatever window of the configured length one picks, the
 * admitted tokens stay under the limit. Reconcile moves a call's count to the bucket of its end
 * (see below); a margin (default 250 ms) keeps buckets counted a little longer still, for calls still
 * in flight when their reservation's bucket would otherwise age out.
 * Time is Redis's (TIME), so replicas with skewed clocks agree.
 *
 * Fairness: a denied tenant is put in a "waiters" sorted set (score = when its claim lapses). While
 * any OTHER tenant waits, a tenant that already holds at least its 1/N share of the window (N = the
 * waiting tenants + itself) is denied too, so freed capacity goes to whoever holds less. "More than"
 * and not "would exceed": with equal demand every tenant sits at its share, and denying all of them
 * would leave the capacity idle.
 */
export const RESERVE_SCRIPT = `
local counts = KEYS[1]
local fields = KEYS[2]
local waiters = KEYS[3]
local windowMs = tonumber(ARGV[1])
local bucketMs = tonumber(ARGV[2])
local rpm = tonumber(ARGV[3])
local tpm = tonumber(ARGV[4])
local tokens = tonumber(ARGV[5])
local tenant = ARGV[6]
local graceMs = tonumber(ARGV[7])
local fair = ARGV[8] == '1'
local marginMs = tonumber(ARGV[9])

if tpm > 0 and tokens > tpm then return {-1, 0, 0} end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cur = math.floor(now / bucketMs)
local first = math.floor((now - windowMs - marginMs) / bucketMs)

-- Buckets that aged out of the window are forgotten (a few hundred fields per HDEL at most).
local old = redis.call('ZRANGEBYSCORE', fields, '-inf', first - 1)
for i = 1, #old, 500 do
  redis.call('HDEL', counts, unpack(old, i, math.min(i + 499, #old)))
end
if #old > 0 then redis.call('ZREMRANGEBYSCORE', fields, '-inf', first - 1) end

local names = {}
for i = first, cur do
  names[#names + 1] = 'r:' .. i
  names[#names + 1] = 't:' .. i
  names[#names + 1] = 'r:' .. i .. ':' .. tenant
  names[#names + 1] = 't:' .. i .. ':' .. tenant
end
local v = redis.call('HMGET', counts, unpack(names))
local reqs, toks, myReqs, myToks = 0, 0, 0, 0
local perR, perT = {}, {}
for i = first, cur do
  local at = (i - first) * 4
  local r = tonumber(v[at + 1]) or 0
  local tk = tonumber(v[at + 2]) or 0
  perR[i] = r
  perT[i] = tk
  reqs = reqs + r
  toks = toks + tk
  myReqs = myReqs + (tonumber(v[at + 3]) or 0)
  myToks = myToks + (tonumber(v[at + 4]) or 0)
end

redis.call('ZREMRANGEBYSCORE', waiters, '-inf', now)

local function deny(waitMs)
  redis.call('ZADD', waiters, now + waitMs + graceMs, tenant)
  redis.call('PEXPIRE', waiters, windowMs + graceMs * 2)
  return {0, waitMs, now}
end

local overR = rpm > 0 and reqs + 1 > rpm
local overT = tpm > 0 and toks + tokens > tpm
if overR or overT then
  -- Earliest moment enough old buckets have aged out for this request to fit.
  local freedR, freedT = 0, 0
  for i = first, cur do
    freedR = freedR + perR[i]
    freedT = freedT + perT[i]
    local okR = rpm == 0 or reqs - freedR + 1 <= rpm
    local okT = tpm == 0 or toks - freedT + tokens <= tpm
    if okR and okT then return deny(math.max(1, (i + 1) * bucketMs + windowMs + marginMs - now)) end
  end
  return deny(bucketMs)
end

if fair then
  local others = redis.call('ZCARD', waiters)
  if redis.call('ZSCORE', waiters, tenant) then others = others - 1 end
  if others > 0 then
    local n = others + 1
    local hogT = tpm > 0 and myToks > tpm / n
    local hogR = rpm > 0 and myReqs > rpm / n
    if hogT or hogR then return deny(bucketMs) end
  end
end

local r, tk, rt, tt = 'r:' .. cur, 't:' .. cur, 'r:' .. cur .. ':' .. tenant, 't:' .. cur .. ':' .. tenant
redis.call('HINCRBY', counts, r, 1)
redis.call('HINCRBY', counts, tk, tokens)
redis.call('HINCRBY', counts, rt, 1)
redis.call('HINCRBY', counts, tt, tokens)
redis.call('ZADD', fields, 'NX', cur, r, cur, tk, cur, rt, cur, tt)
-- The scope's keys live as long as their newest bucket counts.
local ttl = (cur + 1) * bucketMs + windowMs + marginMs - now + 1000
redis.call('PEXPIRE', counts, ttl)
redis.call('PEXPIRE', fields, ttl)
redis.call('ZREM', waiters, tenant)
return {1, cur, now}
`;

/**
 * Settles a reservation once the call ended: takes the estimate out of the bucket it was reserved in
 * (if that bucket is still counted) and puts the real count into the bucket of NOW. The provider saw
 * the call somewhere between reserve and now, so stamping it "now" keeps it counted for a full window
 * after the provider saw it, however long the request took to leave this process (a cold process
 * can take >500 ms).
 * KEYS: counts hash, fields sorted set. ARGV: reserved bucket, tenant, reserved tokens, actual
 * tokens, keep request (1/0), window, bucket, margin (ms).
 */
export const RECONCILE_SCRIPT = `
local counts = KEYS[1]
local fields = KEYS[2]
local old = ARGV[1]
local tenant = ARGV[2]
local reserved = tonumber(ARGV[3])
local actual = tonumber(ARGV[4])
local keepRequest = ARGV[5] == '1'
local windowMs = tonumber(ARGV[6])
local bucketMs = tonumber(ARGV[7])
local marginMs = tonumber(ARGV[8])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cur = math.floor(now / bucketMs)
if redis.call('HEXISTS', counts, 'r:' .. old) == 1 then
  redis.call('HINCRBY', counts, 't:' .. old, -reserved)
  redis.call('HINCRBY', counts, 't:' .. old .. ':' .. tenant, -reserved)
  redis.call('HINCRBY', counts, 'r:' .. old, -1)
  redis.call('HINCRBY', counts, 'r:' .. old .. ':' .. tenant, -1)
end
if actual > 0 or keepRequest then
  local r, tk, rt, tt = 'r:' .. cur, 't:' .. cur, 'r:' .. cur .. ':' .. tenant, 't:' .. cur .. ':' .. tenant
  redis.call('HINCRBY', counts, tk, actual)
  redis.call('HINCRBY', counts, tt, actual)
  if keepRequest then
    redis.call('HINCRBY', counts, r, 1)
    redis.call('HINCRBY', counts, rt, 1)
  end
  redis.call('ZADD', fields, 'NX', cur, r, cur, tk, cur, rt, cur, tt)
  local ttl = (cur + 1) * bucketMs + windowMs + marginMs - now + 1000
  redis.call('PEXPIRE', counts, ttl)
  redis.call('PEXPIRE', fields, ttl)
end
return 1
`;
