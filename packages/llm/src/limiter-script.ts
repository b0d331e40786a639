/**
 * Sliding-window RPM/TPM limiter, one Lua script so every replica sees one atomic decision.
 *
 * The window is cut into sub-windows ("buckets"), each a hash {r, t, r:<tenant>, t:<tenant>} that
 * expires on its own. A bucket counts until its END is a full window old, so the sum over-counts by at
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
local base = KEYS[1]
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

local reqs, toks, myReqs, myToks = 0, 0, 0, 0
local perR, perT = {}, {}
for i = first, cur do
  local v = redis.call('HMGET', base .. ':b:' .. i, 'r', 't', 'r:' .. tenant, 't:' .. tenant)
  local r = tonumber(v[1]) or 0
  local tk = tonumber(v[2]) or 0
  perR[i] = r
  perT[i] = tk
  reqs = reqs + r
  toks = toks + tk
  myReqs = myReqs + (tonumber(v[3]) or 0)
  myToks = myToks + (tonumber(v[4]) or 0)
end

local waiters = base .. ':waiters'
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

local key = base .. ':b:' .. cur
redis.call('HINCRBY', key, 'r', 1)
redis.call('HINCRBY', key, 't', tokens)
redis.call('HINCRBY', key, 'r:' .. tenant, 1)
redis.call('HINCRBY', key, 't:' .. tenant, tokens)
redis.call('PEXPIRE', key, (cur + 1) * bucketMs + windowMs + marginMs - now + 1000)
redis.call('ZREM', waiters, tenant)
return {1, cur, now}
`;

/**
 * Settles a reservation once the call ended: takes the estimate out of the bucket it was reserved in
 * and puts the real count into the bucket of NOW. The provider saw the call somewhere between
 * reserve and now, so stamping it "now" keeps it counted for a full window after the provider saw
 * it, however long the request took to leave this process (a cold process can take >500 ms).
 * ARGV: tenant, reserved tokens, actual tokens, keep request (1/0), window, bucket, margin (ms).
 */
export const RECONCILE_SCRIPT = `
local old = KEYS[1]
local base = KEYS[2]
local tenant = ARGV[1]
local reserved = tonumber(ARGV[2])
local actual = tonumber(ARGV[3])
local keepRequest = ARGV[4] == '1'
local windowMs = tonumber(ARGV[5])
local bucketMs = tonumber(ARGV[6])
local marginMs = tonumber(ARGV[7])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cur = math.floor(now / bucketMs)
local key = base .. ':b:' .. cur
if redis.call('EXISTS', old) == 1 then
  redis.call('HINCRBY', old, 't', -reserved)
  redis.call('HINCRBY', old, 't:' .. tenant, -reserved)
  redis.call('HINCRBY', old, 'r', -1)
  redis.call('HINCRBY', old, 'r:' .. tenant, -1)
end
if actual > 0 or keepRequest then
  redis.call('HINCRBY', key, 't', actual)
  redis.call('HINCRBY', key, 't:' .. tenant, actual)
  if keepRequest then
    redis.call('HINCRBY', key, 'r', 1)
    redis.call('HINCRBY', key, 'r:' .. tenant, 1)
  end
  redis.call('PEXPIRE', key, (cur + 1) * bucketMs + windowMs + marginMs - now + 1000)
end
return 1
`;
