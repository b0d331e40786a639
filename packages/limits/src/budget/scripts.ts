// Lua of the spend budgets. Every script takes its keys as KEYS, all hash-tagged by tenant:
//   KEYS[1] reserved (hash field -> amount held), KEYS[2] holds (hash id -> JSON),
//   KEYS[3] hold expiry (zset id -> ms), and for the checking scripts KEYS[4] spend day, KEYS[5] spend month.
// Amounts are integer nano-USD or tokens, kept as decimal strings in JSON (cjson would round numbers
// to 14 digits) and as doubles in Lua: exact up to 2^53 (9,007,199 USD in nano-USD).
// A hold: {k = 'job' | 'call', a = {field = amount}, exp = ms,
//          job: d = {field = drawn from the job} and job = id (calls of a job);
//          cap, used, fly (a job with maxCostUsd: cap, settled spend, calls in flight; nano-USD)}.

const COMMON = `
local function num(v) return tonumber(v) or 0 end
-- No '-0': Redis does not read it as an integer.
local function fmt(n)
  if n == 0 then return '0' end
  return string.format('%.0f', n)
end
local function getHold(id)
  local raw = redis.call('HGET', KEYS[2], id)
  if raw then return cjson.decode(raw) end
  return nil
end
local function putHold(id, hold) redis.call('HSET', KEYS[2], id, cjson.encode(hold)) end
local function dropHold(id)
  redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
  -- No holds left means nothing is reserved: start the sums afresh (this also heals any drift).
  if redis.call('HLEN', KEYS[2]) == 0 then redis.call('DEL', KEYS[1]) end
end
-- Holds past their expiry belong to a process that died (calls) or a job that was never released:
-- their amounts stop counting as reserved.
local function sweep(now)
  local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 100)
  for _, id in ipairs(expired) do
    local h = getHold(id)
    if h then
      for f, v in pairs(h.a) do redis.call('HINCRBY', KEYS[1], f, fmt(-num(v))) end
      if h.job then
        local job = getHold('job:' .. h.job)
        if job and job.cap then
          job.fly = fmt(math.max(0, num(job.fly) - num(h.a[ARGV[#ARGV]])))
          putHold('job:' .. h.job, job)
        end
      end
    end
    dropHold(id)
  end
end
-- Lines start at ARGV[first]: period, field, cap. Returns the first line that 'need' does not fit.
local function check(first, n, need)
  for l = 0, n - 1 do
    local period, field, cap = ARGV[first + 3 * l], ARGV[first + 1 + 3 * l], tonumber(ARGV[first + 2 + 3 * l])
    local want = need[field] or 0
    if want > 0 then
      local spent = num(redis.call('HGET', period == 'day' and KEYS[4] or KEYS[5], field))
      local reserved = math.max(0, num(redis.call('HGET', KEYS[1], field)))
      if spent + reserved + want > cap then return {0, tostring(l + 1), fmt(spent), fmt(reserved), fmt(want)} end
    end
  end
  return nil
end
local function amountsFrom(first)
  local amounts = {}
  for i = first, #ARGV - 2, 2 do amounts[ARGV[i]] = tonumber(ARGV[i + 1]) end
  return amounts
end
`;

/**
 * Holds a job's estimate. ARGV: now, hold id, expiry, cap nano ('' = none), line count, lines...,
 * amount pairs..., nano field name. Idempotent per job: a job already holding returns {1, 'exists'}.
 */
export const RESERVE_JOB = `${COMMON}
local now = tonumber(ARGV[1])
sweep(now)
local id = ARGV[2]
if redis.call('HEXISTS', KEYS[2], id) == 1 then return {1, 'exists'} end
local n = tonumber(ARGV[5])
local amounts = amountsFrom(6 + 3 * n)
local fail = check(6, n, amounts)
if fail then return fail end
local a = {}
for f, v in pairs(amounts) do
  a[f] = fmt(v)
  redis.call('HINCRBY', KEYS[1], f, fmt(v))
end
local hold = {k = 'job', a = a, exp = ARGV[3]}
if ARGV[4] ~= '' then
  hold.cap = ARGV[4]
  hold.used = '0'
  hold.fly = '0'
end
putHold(id, hold)
redis.call('ZADD', KEYS[3], ARGV[3], id)
return {1, 'held'}
`;

/**
 * Holds one call's worst case, drawing first from its job's hold. ARGV: now, hold id, expiry, job id
 * ('' = none), line count, lines..., amount pairs..., nano field name.
 * Refusal {0, line (1-based; '0' = the job's maxCostUsd), spent, reserved, requested}.
 */
export const RESERVE_CALL = `${COMMON}
local now = tonumber(ARGV[1])
sweep(now)
local nanoField = ARGV[#ARGV]
local jobId = ARGV[4]
local jobKey = 'job:' .. jobId
local job = nil
if jobId ~= '' then job = getHold(jobKey) end
local n = tonumber(ARGV[5])
local amounts = amountsFrom(6 + 3 * n)
local drawn, need = {}, {}
for f, v in pairs(amounts) do
  local d = 0
  if job then d = math.max(0, math.min(v, num(job.a[f]))) end
  drawn[f] = d
  need[f] = v - d
end
if job and job.cap then
  local want = amounts[nanoField] or 0
  if num(job.used) + num(job.fly) + want > num(job.cap) then return {0, '0', job.used, job.fly, fmt(want)} end
end
local fail = check(6, n, need)
if fail then return fail end
local a, d = {}, {}
for f, v in pairs(amounts) do
  a[f] = fmt(v)
  d[f] = fmt(drawn[f])
  if need[f] ~= 0 then redis.call('HINCRBY', KEYS[1], f, fmt(need[f])) end
  if job and drawn[f] > 0 then job.a[f] = fmt(num(job.a[f]) - drawn[f]) end
end
if job then
  if job.cap then job.fly = fmt(num(job.fly) + (amounts[nanoField] or 0)) end
  putHold(jobKey, job)
end
local hold = {k = 'call', a = a, d = d, exp = ARGV[3]}
if job then hold.job = jobId end
putHold(ARGV[2], hold)
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return {1, 'held'}
`;

/**
 * Ends a call's hold with its actual spend: the part it drew from its job and did not spend goes back
 * to the job, the rest stops being reserved (the ledger has already counted what was spent).
 * ARGV: now, hold id, actual nano, actual tokens, tokens field name, nano field name. Idempotent.
 */
export const SETTLE_CALL = `${COMMON}
sweep(tonumber(ARGV[1]))
local h = getHold(ARGV[2])
if not h then return 0 end
local nanoField, tokensField = ARGV[6], ARGV[5]
local actualNano, actualTokens = tonumber(ARGV[3]), tonumber(ARGV[4])
local job = nil
if h.job then job = getHold('job:' .. h.job) end
for f, v in pairs(h.a) do
  local isNano = f == nanoField or string.sub(f, 1, #nanoField + 1) == nanoField .. ':'
  local actual = actualTokens
  if isNano then actual = actualNano end
  local refund = 0
  if job then refund = math.max(0, num(h.d[f]) - actual) end
  redis.call('HINCRBY', KEYS[1], f, fmt(refund - num(v)))
  if refund > 0 then job.a[f] = fmt(num(job.a[f]) + refund) end
end
if job then
  if job.cap then
    job.fly = fmt(math.max(0, num(job.fly) - num(h.a[nanoField])))
    job.used = fmt(num(job.used) + actualNano)
  end
  putHold('job:' .. h.job, job)
end
dropHold(ARGV[2])
return 1
`;

/** Gives back what a job still holds. ARGV: now, hold id, nano field name. Idempotent. */
export const RELEASE_JOB = `${COMMON}
sweep(tonumber(ARGV[1]))
local h = getHold(ARGV[2])
if not h then return 0 end
for f, v in pairs(h.a) do redis.call('HINCRBY', KEYS[1], f, fmt(-num(v))) end
dropHold(ARGV[2])
return 1
`;

/** Only sweeps expired holds (before `status` reads). ARGV: now, nano field name. */
export const SWEEP = `${COMMON}
sweep(tonumber(ARGV[1]))
return 1
`;
