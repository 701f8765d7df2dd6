//! The Redis store (cargo feature `redis`): ownership and the monitor's
//! counters shared by every replica of a chat service, so that a value one
//! replica learnt is known to all, and an agent's events are counted once
//! whichever replica saw them.
//!
//! Every update is one server-side Lua script (atomic: two replicas never
//! interleave inside one), keys expire with the ownership lifetime or the
//! counter's window, and values appear only as fingerprints (hex); the
//! monitor's window keys are fingerprints of rule and actor.
//!
//! Keys, under a prefix (`piimask:` by default):
//! - `o:<fingerprint>`: hash, owning conversation -> last seen;
//! - `c:<conversation>`: sorted set of its fingerprints by last seen (for
//!   `forget`, the cap and expiry);
//! - `convs`: set of conversations (for `len`, `export`, `purge_expired`);
//! - `w:<window key>` and `w:<window key>:m`: a counter window (sorted set
//!   of observations by time) and its state (`now`, `quiet`, `seq`).
//!
//! When Redis cannot be reached every call fails with
//! [`GuardError::Store`]: the guard then holds outbound personal data
//! (unless configured to fail open) and raises `store_error` events.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ::redis::{Connection, RedisResult, Script};

use super::counters::{Counters, Crossing, Observation, Window, WindowKey};
use super::{Fingerprint, GuardError, Limits, Ownership, Record, Store, MAX_LISTED_OWNERS};

/// How long to wait for Redis before failing (connect, read, write).
pub const TIMEOUT: Duration = Duration::from_secs(2);

const ADD: &str = r#"
local p, conv, now, life, cap = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local ck = p .. 'c:' .. conv
redis.call('SADD', p .. 'convs', conv)
for i = 6, #ARGV do
  local ok = p .. 'o:' .. ARGV[i]
  redis.call('HSET', ok, conv, now)
  redis.call('ZADD', ck, now, ARGV[i])
  if life > 0 then redis.call('EXPIRE', ok, life) end
end
if life > 0 then redis.call('EXPIRE', ck, life) end
while redis.call('ZCARD', ck) > cap do
  local oldest = redis.call('ZPOPMIN', ck)
  redis.call('HDEL', p .. 'o:' .. oldest[1], conv)
end
return 0
"#;

const FORGET: &str = r#"
local p, conv = ARGV[1], ARGV[2]
local ck = p .. 'c:' .. conv
local fps = redis.call('ZRANGE', ck, 0, -1)
for _, fp in ipairs(fps) do redis.call('HDEL', p .. 'o:' .. fp, conv) end
redis.call('DEL', ck)
redis.call('SREM', p .. 'convs', conv)
return #fps
"#;

const PURGE: &str = r#"
local p, before = ARGV[1], ARGV[2]
local n = 0
for _, conv in ipairs(redis.call('SMEMBERS', p .. 'convs')) do
  local ck = p .. 'c:' .. conv
  local old = redis.call('ZRANGEBYSCORE', ck, '-inf', '(' .. before)
  for _, fp in ipairs(old) do redis.call('HDEL', p .. 'o:' .. fp, conv) end
  redis.call('ZREMRANGEBYSCORE', ck, '-inf', '(' .. before)
  n = n + #old
  if redis.call('ZCARD', ck) == 0 then redis.call('SREM', p .. 'convs', conv) end
end
return n
"#;

const LEN: &str = r#"
local p, n = ARGV[1], 0
for _, conv in ipairs(redis.call('SMEMBERS', p .. 'convs')) do
  n = n + redis.call('ZCARD', p .. 'c:' .. conv)
end
return n
"#;

/// Empties the namespace, then adds records given as (conversation,
/// fingerprint, seen) triples, oldest first, applying the cap.
const REPLACE: &str = r#"
local p, life, cap = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
for _, conv in ipairs(redis.call('SMEMBERS', p .. 'convs')) do
  local ck = p .. 'c:' .. conv
  for _, fp in ipairs(redis.call('ZRANGE', ck, 0, -1)) do redis.call('DEL', p .. 'o:' .. fp) end
  redis.call('DEL', ck)
end
redis.call('DEL', p .. 'convs')
for i = 4, #ARGV, 3 do
  local conv, fp, seen = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local ck, ok = p .. 'c:' .. conv, p .. 'o:' .. fp
  redis.call('SADD', p .. 'convs', conv)
  redis.call('HSET', ok, conv, seen)
  redis.call('ZADD', ck, seen, fp)
  if life > 0 then redis.call('EXPIRE', ok, life); redis.call('EXPIRE', ck, life) end
  while redis.call('ZCARD', ck) > cap do
    local oldest = redis.call('ZPOPMIN', ck)
    redis.call('HDEL', p .. 'o:' .. oldest[1], conv)
  end
end
return 0
"#;

/// The counters' semantics (see `super::counters`), step by step as the
/// in-memory `WindowState::hit` does them.
const HIT: &str = r#"
local z, meta = KEYS[1], KEYS[2]
local secs, threshold = tonumber(ARGV[1]), tonumber(ARGV[2])
local now = tonumber(redis.call('HGET', meta, 'now'))
local quiet = tonumber(redis.call('HGET', meta, 'quiet'))
local result = false
for i = 3, #ARGV, 2 do
  local ts, m = tonumber(ARGV[i]), ARGV[i + 1]
  if now == nil or ts > now then now = ts end
  if quiet == nil or ts >= quiet then
    if m == '' then
      m = 'n' .. redis.call('HINCRBY', meta, 'seq', 1)
    else
      m = 'm' .. m
    end
    local old = tonumber(redis.call('ZSCORE', z, m))
    if old == nil or ts > old then redis.call('ZADD', z, ts, m) end
    redis.call('ZREMRANGEBYSCORE', z, '-inf', now - secs)
    local count = redis.call('ZCARD', z)
    if count >= threshold then
      local first = tonumber(redis.call('ZRANGE', z, 0, 0, 'WITHSCORES')[2])
      result = {count, first, ts}
      redis.call('DEL', z)
      quiet = first + secs
    end
  end
end
redis.call('HSET', meta, 'now', string.format('%d', now))
if quiet ~= nil then redis.call('HSET', meta, 'quiet', string.format('%d', quiet)) end
redis.call('EXPIRE', meta, secs)
if redis.call('EXISTS', z) == 1 then redis.call('EXPIRE', z, secs) end
return result
"#;

struct Scripts {
    add: Script,
    forget: Script,
    purge: Script,
    len: Script,
    replace: Script,
    hit: Script,
}

struct Inner {
    client: ::redis::Client,
    connection: Mutex<Option<Connection>>,
    prefix: String,
    limits: Limits,
    scripts: Scripts,
}

/// Ownership and monitor counters in Redis. Cheap to clone (clones share
/// one connection); every replica opens its own with the same URL and
/// prefix.
#[derive(Clone)]
pub struct RedisStore(Arc<Inner>);

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.0.prefix)
            .field("limits", &self.0.limits)
            .finish_non_exhaustive()
    }
}

fn store_error(e: ::redis::RedisError) -> GuardError {
    GuardError::Store(format!("redis: {e}"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 16]> {
    if s.len() != 32 || !s.is_ascii() {
        return None;
    }
    let mut out = [0; 16];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl RedisStore {
    /// A store at `url` (`redis://127.0.0.1:6379/0`) under the prefix
    /// `piimask:`. Does not connect yet: the first call does (and every
    /// call after a failure tries again).
    pub fn open(url: &str, limits: Limits) -> Result<RedisStore, GuardError> {
        RedisStore::with_prefix(url, limits, "piimask:")
    }

    /// A store under another key prefix (tenants or tests sharing one
    /// Redis database).
    pub fn with_prefix(url: &str, limits: Limits, prefix: &str) -> Result<RedisStore, GuardError> {
        if limits.max_values_per_conversation == 0 {
            return Err(GuardError::Config(
                "max_values_per_conversation must be at least 1".into(),
            ));
        }
        let client = ::redis::Client::open(url)
            .map_err(|e| GuardError::Config(format!("redis URL: {e}")))?;
        Ok(RedisStore(Arc::new(Inner {
            client,
            connection: Mutex::new(None),
            prefix: prefix.to_string(),
            limits,
            scripts: Scripts {
                add: Script::new(ADD),
                forget: Script::new(FORGET),
                purge: Script::new(PURGE),
                len: Script::new(LEN),
                replace: Script::new(REPLACE),
                hit: Script::new(HIT),
            },
        })))
    }

    /// Checks that Redis answers.
    pub fn ping(&self) -> Result<(), GuardError> {
        self.with(|c| ::redis::cmd("PING").query::<String>(c).map(|_| ()))
    }

    /// Runs `f` on the connection, connecting first when there is none;
    /// a failed call drops the connection so that the next one reconnects.
    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> RedisResult<T>) -> Result<T, GuardError> {
        let mut slot = self
            .0
            .connection
            .lock()
            .map_err(|_| GuardError::Store("redis connection poisoned".into()))?;
        if slot.is_none() {
            let c = self
                .0
                .client
                .get_connection_with_timeout(TIMEOUT)
                .map_err(store_error)?;
            c.set_read_timeout(Some(TIMEOUT)).map_err(store_error)?;
            c.set_write_timeout(Some(TIMEOUT)).map_err(store_error)?;
            *slot = Some(c);
        }
        let result = f(slot.as_mut().expect("connected above"));
        if result.is_err() {
            *slot = None;
        }
        result.map_err(store_error)
    }

    fn life(&self) -> u64 {
        self.0.limits.lifetime_secs.unwrap_or(0)
    }
}

impl Store for RedisStore {
    fn add(
        &self,
        conversation: &str,
        fingerprints: &[Fingerprint],
        now: u64,
    ) -> Result<(), GuardError> {
        if fingerprints.is_empty() {
            return Ok(());
        }
        let mut call = self.0.scripts.add.prepare_invoke();
        call.arg(&self.0.prefix)
            .arg(conversation)
            .arg(now)
            .arg(self.life())
            .arg(self.0.limits.max_values_per_conversation);
        for f in fingerprints {
            call.arg(hex(&f.0));
        }
        self.with(|c| call.invoke::<i64>(c)).map(|_| ())
    }

    fn lookup(
        &self,
        conversation: &str,
        fingerprints: &[Fingerprint],
        now: u64,
        out: &mut Vec<Ownership>,
    ) -> Result<(), GuardError> {
        out.clear();
        if fingerprints.is_empty() {
            return Ok(());
        }
        // One round trip for all the message's values.
        let mut pipe = ::redis::pipe();
        for f in fingerprints {
            pipe.cmd("HGETALL")
                .arg(format!("{}o:{}", self.0.prefix, hex(&f.0)));
        }
        let maps: Vec<BTreeMap<String, u64>> = self.with(|c| pipe.query(c))?;
        if maps.len() != fingerprints.len() {
            return Err(GuardError::Store("redis: short pipeline answer".into()));
        }
        let life = self.0.limits.lifetime_secs;
        for map in maps {
            let mut found = Ownership::default();
            // BTreeMap: the others come sorted.
            for (owner, seen) in map {
                if life.is_some_and(|l| seen.saturating_add(l) < now) {
                    continue;
                }
                if owner == conversation {
                    found.own = true;
                } else if found.others.len() < MAX_LISTED_OWNERS {
                    found.others.push(Arc::from(owner));
                }
            }
            if found.own {
                found.others.clear();
            }
            out.push(found);
        }
        Ok(())
    }

    fn forget(&self, conversation: &str) -> Result<usize, GuardError> {
        let mut call = self.0.scripts.forget.prepare_invoke();
        call.arg(&self.0.prefix).arg(conversation);
        self.with(|c| call.invoke::<usize>(c))
    }

    fn purge_expired(&self, now: u64) -> Result<usize, GuardError> {
        let Some(life) = self.0.limits.lifetime_secs else {
            return Ok(0);
        };
        // Lapsed: seen + life < now, i.e. seen < now - life.
        let before = now.saturating_sub(life);
        let mut call = self.0.scripts.purge.prepare_invoke();
        call.arg(&self.0.prefix).arg(before);
        self.with(|c| call.invoke::<usize>(c))
    }

    fn len(&self) -> Result<usize, GuardError> {
        let mut call = self.0.scripts.len.prepare_invoke();
        call.arg(&self.0.prefix);
        self.with(|c| call.invoke::<usize>(c))
    }

    fn export(&self) -> Result<Vec<Record>, GuardError> {
        let prefix = &self.0.prefix;
        let conversations: Vec<String> = self.with(|c| {
            ::redis::cmd("SMEMBERS")
                .arg(format!("{prefix}convs"))
                .query(c)
        })?;
        let mut pipe = ::redis::pipe();
        for conv in &conversations {
            pipe.cmd("ZRANGE")
                .arg(format!("{prefix}c:{conv}"))
                .arg(0)
                .arg(-1)
                .arg("WITHSCORES");
        }
        let chains: Vec<Vec<(String, u64)>> = self.with(|c| pipe.query(c))?;
        let mut records = Vec::new();
        for (conv, chain) in conversations.into_iter().zip(chains) {
            let name: Arc<str> = Arc::from(conv);
            for (fp, seen) in chain {
                let fingerprint = unhex(&fp)
                    .ok_or_else(|| GuardError::Store("redis: a malformed fingerprint".into()))?;
                records.push(Record {
                    fingerprint: Fingerprint(fingerprint),
                    conversation: name.clone(),
                    seen,
                });
            }
        }
        Ok(records)
    }

    fn replace(&self, mut records: Vec<Record>) -> Result<(), GuardError> {
        records.sort_by_key(|r| r.seen);
        let mut call = self.0.scripts.replace.prepare_invoke();
        call.arg(&self.0.prefix)
            .arg(self.life())
            .arg(self.0.limits.max_values_per_conversation);
        for r in &records {
            call.arg(&*r.conversation)
                .arg(hex(&r.fingerprint.0))
                .arg(r.seen);
        }
        self.with(|c| call.invoke::<i64>(c)).map(|_| ())
    }
}

impl Counters for RedisStore {
    fn hit(
        &self,
        key: &WindowKey,
        observations: &[Observation],
        window: Window,
    ) -> Result<Option<Crossing>, GuardError> {
        if observations.is_empty() {
            return Ok(None);
        }
        let base = format!("{}w:{}", self.0.prefix, hex(&key.0));
        let mut call = self.0.scripts.hit.prepare_invoke();
        call.key(&base)
            .key(format!("{base}:m"))
            .arg(window.secs)
            .arg(window.threshold);
        for o in observations {
            call.arg(o.ts)
                .arg(o.member.map(|m| hex(&m)).unwrap_or_default());
        }
        let answer: Option<(u64, i64, i64)> = self.with(|c| call.invoke(c))?;
        Ok(answer.map(|(count, first_ts, last_ts)| Crossing {
            count,
            first_ts,
            last_ts,
        }))
    }
}
