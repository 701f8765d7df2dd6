//! Who owns which value: the [`Store`] trait and its in-memory
//! implementation, [`MemoryStore`].
//!
//! A store maps a [`Fingerprint`] to the conversations that own it, each
//! with the time it was last seen there. It never sees a value, only
//! fingerprints. The trait is small and fallible so that a shared store (for
//! example Redis, for a guard replicated across processes) can implement it:
//! every method takes a batch where a remote store would want one round
//! trip, and the guard turns any error into a held message (fail closed).
//!
//! [`MemoryStore`] keeps every owned value in one flat slab of 28-byte
//! records (fingerprint, interned conversation number, last-seen second,
//! link to the conversation's next record), indexed by a hash table of
//! 4-byte slab positions keyed by the fingerprint itself (already uniformly
//! random: no hashing needed). Conversation ids are interned once. That
//! keeps an owned value under 64 bytes (see `docs/guard.md`), and makes
//! `forget` and the per-conversation cap walk one conversation's records
//! only.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, RwLock};

use hashbrown::HashTable;

use super::{Fingerprint, GuardError};

/// One owned value, as a snapshot stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The value's fingerprint.
    pub fingerprint: Fingerprint,
    /// The owning conversation.
    pub conversation: Arc<str>,
    /// When the value was last seen in the conversation (Unix seconds).
    pub seen: u64,
}

/// Most owners an [`Ownership`] lists (a value many conversations share,
/// such as a shop's public number, would otherwise make every event long).
pub const MAX_LISTED_OWNERS: usize = 16;

/// What a store knows of one fingerprint, seen from one conversation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ownership {
    /// Whether the asking conversation owns the value.
    pub own: bool,
    /// Other live owners, sorted; at most [`MAX_LISTED_OWNERS`], and none
    /// needed (so possibly none listed) when `own` is set.
    pub others: Vec<Arc<str>>,
}

/// How long and how much a store keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Ownership not seen for this many seconds lapses (`None`: never).
    pub lifetime_secs: Option<u64>,
    /// Most values one conversation owns; learning one more drops the
    /// conversation's least recently seen value. At least 1.
    pub max_values_per_conversation: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            lifetime_secs: Some(super::DEFAULT_LIFETIME_SECS),
            max_values_per_conversation: super::DEFAULT_MAX_VALUES_PER_CONVERSATION,
        }
    }
}

/// Ownership of fingerprints by conversations. Implementations are
/// internally synchronised: every method takes `&self` and may be called
/// from many threads at once.
pub trait Store: Send + Sync + fmt::Debug {
    /// Records that `conversation` owns each of `fingerprints`, seen at
    /// `now` (Unix seconds). A value owned already has its time refreshed.
    fn add(
        &self,
        conversation: &str,
        fingerprints: &[Fingerprint],
        now: u64,
    ) -> Result<(), GuardError>;

    /// Who owns each fingerprint at `now`, as seen from `conversation`:
    /// `out` is cleared, then gets one [`Ownership`] per fingerprint, in
    /// order. A store may stop looking once it knows `conversation` owns a
    /// value, and lists at most [`MAX_LISTED_OWNERS`] others.
    fn lookup(
        &self,
        conversation: &str,
        fingerprints: &[Fingerprint],
        now: u64,
        out: &mut Vec<Ownership>,
    ) -> Result<(), GuardError>;

    /// Erases everything `conversation` owns; returns how many values.
    fn forget(&self, conversation: &str) -> Result<usize, GuardError>;

    /// Drops ownership that lapsed at `now`; returns how many values.
    fn purge_expired(&self, now: u64) -> Result<usize, GuardError>;

    /// How many (value, conversation) pairs are held, lapsed ones included
    /// until purged.
    fn len(&self) -> Result<usize, GuardError>;

    /// Whether the store holds nothing.
    fn is_empty(&self) -> Result<bool, GuardError> {
        Ok(self.len()? == 0)
    }

    /// Every record, for a snapshot.
    fn export(&self) -> Result<Vec<Record>, GuardError>;

    /// Replaces the whole content with `records` (a restored snapshot), all
    /// or nothing: on error the store is unchanged.
    fn replace(&self, records: Vec<Record>) -> Result<(), GuardError>;
}

/// Marks the end of a conversation's chain and a free slab slot's owner.
const NONE: u32 = u32::MAX;

/// One owned value in the slab (28 bytes).
#[derive(Clone, Copy)]
struct Slot {
    fingerprint: [u8; 16],
    /// Interned conversation number; [`NONE`] for a free slot.
    conversation: u32,
    /// Last seen, Unix seconds (saturated to `u32`: good until 2106).
    seen: u32,
    /// The conversation's next slot, or the next free slot.
    next: u32,
}

/// An interned conversation.
struct Conversation {
    name: Arc<str>,
    /// First slot of its chain, or [`NONE`].
    head: u32,
    /// Slots in its chain.
    count: u32,
}

#[derive(Default)]
struct Inner {
    slots: Vec<Slot>,
    free_slot: u32,
    index: HashTable<u32>,
    conversations: Vec<Option<Conversation>>,
    free_conversations: Vec<u32>,
    by_name: HashMap<Arc<str>, u32>,
    live: usize,
    /// Values added since the last purge, to purge in amortised O(1).
    added_since_purge: usize,
}

fn hash_of(fingerprint: &[u8; 16]) -> u64 {
    // A keyed MAC output: uniformly random already.
    u64::from_le_bytes(fingerprint[..8].try_into().expect("8 bytes"))
}

fn secs32(now: u64) -> u32 {
    u32::try_from(now).unwrap_or(u32::MAX)
}

impl Inner {
    fn new() -> Inner {
        Inner {
            free_slot: NONE,
            ..Inner::default()
        }
    }

    fn intern(&mut self, name: &str) -> Result<u32, GuardError> {
        if let Some(&id) = self.by_name.get(name) {
            return Ok(id);
        }
        let name: Arc<str> = Arc::from(name);
        let conversation = Conversation {
            name: name.clone(),
            head: NONE,
            count: 0,
        };
        let id = match self.free_conversations.pop() {
            Some(id) => {
                self.conversations[id as usize] = Some(conversation);
                id
            }
            None => {
                let id = u32::try_from(self.conversations.len())
                    .ok()
                    .filter(|&id| id != NONE)
                    .ok_or_else(|| GuardError::Store("too many conversations".into()))?;
                self.conversations.push(Some(conversation));
                id
            }
        };
        self.by_name.insert(name, id);
        Ok(id)
    }

    fn conversation(&mut self, id: u32) -> &mut Conversation {
        self.conversations[id as usize]
            .as_mut()
            .expect("interned conversations are live")
    }

    fn find(&self, fingerprint: &[u8; 16], conversation: u32) -> Option<u32> {
        self.index
            .find(hash_of(fingerprint), |&i| {
                let s = &self.slots[i as usize];
                s.fingerprint == *fingerprint && s.conversation == conversation
            })
            .copied()
    }

    fn alloc_slot(&mut self, slot: Slot) -> Result<u32, GuardError> {
        if self.free_slot != NONE {
            let i = self.free_slot;
            self.free_slot = self.slots[i as usize].next;
            self.slots[i as usize] = slot;
            return Ok(i);
        }
        let i = u32::try_from(self.slots.len())
            .ok()
            .filter(|&i| i != NONE)
            .ok_or_else(|| GuardError::Store("too many owned values".into()))?;
        self.slots.push(slot);
        Ok(i)
    }

    fn add(
        &mut self,
        conversation: u32,
        fingerprint: [u8; 16],
        seen: u32,
        limits: &Limits,
    ) -> Result<(), GuardError> {
        if let Some(i) = self.find(&fingerprint, conversation) {
            let slot = &mut self.slots[i as usize];
            slot.seen = slot.seen.max(seen);
            return Ok(());
        }
        if self.conversation(conversation).count >= limits.max_values_per_conversation.max(1) {
            self.evict_oldest(conversation);
        }
        let head = self.conversation(conversation).head;
        let i = self.alloc_slot(Slot {
            fingerprint,
            conversation,
            seen,
            next: head,
        })?;
        let conv = self.conversation(conversation);
        conv.head = i;
        conv.count += 1;
        let slots = &self.slots;
        self.index.insert_unique(hash_of(&fingerprint), i, |&j| {
            hash_of(&slots[j as usize].fingerprint)
        });
        self.live += 1;
        self.added_since_purge += 1;
        Ok(())
    }

    /// Unlinks the slot `i` (whose predecessor in its chain is `prev`) and
    /// frees it.
    fn remove(&mut self, i: u32, prev: u32) {
        let slot = self.slots[i as usize];
        if prev == NONE {
            self.conversation(slot.conversation).head = slot.next;
        } else {
            self.slots[prev as usize].next = slot.next;
        }
        self.conversation(slot.conversation).count -= 1;
        if let Ok(entry) = self
            .index
            .find_entry(hash_of(&slot.fingerprint), |&j| j == i)
        {
            entry.remove();
        }
        self.slots[i as usize] = Slot {
            fingerprint: [0; 16],
            conversation: NONE,
            seen: 0,
            next: self.free_slot,
        };
        self.free_slot = i;
        self.live -= 1;
    }

    fn evict_oldest(&mut self, conversation: u32) {
        let (mut prev, mut at) = (NONE, self.conversation(conversation).head);
        let mut oldest: Option<(u32, u32, u32)> = None; // (seen, slot, prev)
        while at != NONE {
            let slot = self.slots[at as usize];
            // Ties go to the later slot in the chain, the one added first.
            if oldest.is_none_or(|(seen, _, _)| slot.seen <= seen) {
                oldest = Some((slot.seen, at, prev));
            }
            prev = at;
            at = slot.next;
        }
        if let Some((_, slot, prev)) = oldest {
            self.remove(slot, prev);
        }
    }

    /// Removes the chain's slots that `drop` selects; returns how many.
    fn retain_chain(&mut self, conversation: u32, drop: impl Fn(&Slot) -> bool) -> usize {
        let (mut prev, mut at, mut removed) = (NONE, self.conversation(conversation).head, 0);
        while at != NONE {
            let slot = self.slots[at as usize];
            if drop(&slot) {
                self.remove(at, prev);
                removed += 1;
            } else {
                prev = at;
            }
            at = slot.next;
        }
        if self.conversation(conversation).count == 0 {
            self.release(conversation);
        }
        removed
    }

    fn release(&mut self, conversation: u32) {
        if let Some(conv) = self.conversations[conversation as usize].take() {
            self.by_name.remove(&conv.name);
            self.free_conversations.push(conversation);
        }
    }

    fn purge(&mut self, now: u64, lifetime: u64) -> usize {
        let ids: Vec<u32> = (0..self.conversations.len() as u32)
            .filter(|&id| self.conversations[id as usize].is_some())
            .collect();
        let removed = ids
            .into_iter()
            .map(|id| {
                self.retain_chain(id, |slot| {
                    u64::from(slot.seen).saturating_add(lifetime) < now
                })
            })
            .sum();
        self.added_since_purge = 0;
        removed
    }
}

/// The in-memory [`Store`]: one process's ownership, behind a read-write
/// lock (lookups share it; learning takes it briefly).
pub struct MemoryStore {
    limits: Limits,
    inner: RwLock<Inner>,
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryStore")
            .field("limits", &self.limits)
            .field("len", &self.len().ok())
            .finish()
    }
}

impl MemoryStore {
    /// An empty store keeping ownership within `limits`.
    pub fn new(limits: Limits) -> MemoryStore {
        MemoryStore {
            limits,
            inner: RwLock::new(Inner::new()),
        }
    }

    /// The store's limits.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn read(&self) -> Result<std::sync::RwLockReadGuard<'_, Inner>, GuardError> {
        self.inner.read().map_err(|_| poisoned())
    }

    fn write(&self) -> Result<std::sync::RwLockWriteGuard<'_, Inner>, GuardError> {
        self.inner.write().map_err(|_| poisoned())
    }

    fn alive(&self, seen: u32, now: u64) -> bool {
        self.limits
            .lifetime_secs
            .is_none_or(|life| u64::from(seen).saturating_add(life) >= now)
    }
}

fn poisoned() -> GuardError {
    GuardError::Store("the ownership store was poisoned by a panic".into())
}

impl Store for MemoryStore {
    fn add(
        &self,
        conversation: &str,
        fingerprints: &[Fingerprint],
        now: u64,
    ) -> Result<(), GuardError> {
        if fingerprints.is_empty() {
            return Ok(());
        }
        let mut inner = self.write()?;
        let id = inner.intern(conversation)?;
        for fingerprint in fingerprints {
            inner.add(id, fingerprint.0, secs32(now), &self.limits)?;
        }
        // Amortised: a full purge once as many values were added as are held.
        if let Some(life) = self.limits.lifetime_secs {
            if inner.added_since_purge > inner.live.max(1024) {
                inner.purge(now, life);
            }
        }
        Ok(())
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
        let inner = self.read()?;
        let asking = inner.by_name.get(conversation).copied();
        for fingerprint in fingerprints {
            let mut found = Ownership::default();
            for &i in inner.index.iter_hash(hash_of(&fingerprint.0)) {
                let slot = &inner.slots[i as usize];
                if slot.fingerprint != fingerprint.0 || !self.alive(slot.seen, now) {
                    continue;
                }
                if Some(slot.conversation) == asking {
                    found.own = true;
                    break;
                }
                if found.others.len() < MAX_LISTED_OWNERS {
                    if let Some(conv) = &inner.conversations[slot.conversation as usize] {
                        found.others.push(conv.name.clone());
                    }
                }
            }
            if found.own {
                found.others.clear();
            }
            found.others.sort_unstable();
            out.push(found);
        }
        Ok(())
    }

    fn forget(&self, conversation: &str) -> Result<usize, GuardError> {
        let mut inner = self.write()?;
        match inner.by_name.get(conversation).copied() {
            Some(id) => Ok(inner.retain_chain(id, |_| true)),
            None => Ok(0),
        }
    }

    fn purge_expired(&self, now: u64) -> Result<usize, GuardError> {
        match self.limits.lifetime_secs {
            Some(life) => Ok(self.write()?.purge(now, life)),
            None => Ok(0),
        }
    }

    fn len(&self) -> Result<usize, GuardError> {
        Ok(self.read()?.live)
    }

    fn export(&self) -> Result<Vec<Record>, GuardError> {
        let inner = self.read()?;
        let mut records = Vec::with_capacity(inner.live);
        for conv in inner.conversations.iter().flatten() {
            let mut at = conv.head;
            while at != NONE {
                let slot = &inner.slots[at as usize];
                records.push(Record {
                    fingerprint: Fingerprint(slot.fingerprint),
                    conversation: conv.name.clone(),
                    seen: u64::from(slot.seen),
                });
                at = slot.next;
            }
        }
        Ok(records)
    }

    fn replace(&self, records: Vec<Record>) -> Result<(), GuardError> {
        // Build aside, then swap: a failure leaves the store as it was.
        let mut fresh = Inner::new();
        fresh.slots.reserve_exact(records.len());
        // Oldest first, so that the cap keeps the most recently seen.
        let mut records = records;
        records.sort_by_key(|r| r.seen);
        for record in &records {
            let id = fresh.intern(&record.conversation)?;
            fresh.add(id, record.fingerprint.0, secs32(record.seen), &self.limits)?;
        }
        fresh.added_since_purge = 0;
        *self.write()? = fresh;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(n: u8) -> Fingerprint {
        Fingerprint([n; 16])
    }

    fn owners(store: &MemoryStore, f: Fingerprint, now: u64) -> Vec<String> {
        let mut out = Vec::new();
        store.lookup("nobody", &[f], now, &mut out).unwrap();
        assert!(!out[0].own);
        out[0].others.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lookups_see_their_own_conversation() {
        let store = MemoryStore::new(Limits::default());
        let names: Vec<String> = (0..40).map(|i| format!("c-{i:02}")).collect();
        for name in &names {
            store.add(name, &[fp(1)], 1).unwrap();
        }
        let mut out = Vec::new();
        store.lookup("c-07", &[fp(1), fp(2)], 1, &mut out).unwrap();
        assert_eq!(
            out[0],
            Ownership {
                own: true,
                others: vec![]
            }
        );
        assert_eq!(out[1], Ownership::default());
        store.lookup("c-99", &[fp(1)], 1, &mut out).unwrap();
        assert!(!out[0].own);
        assert_eq!(out[0].others.len(), MAX_LISTED_OWNERS);
        assert!(out[0].others.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn owners_are_every_live_conversation() {
        let store = MemoryStore::new(Limits::default());
        store.add("c-2", &[fp(1), fp(2)], 100).unwrap();
        store.add("c-1", &[fp(1)], 100).unwrap();
        store.add("c-1", &[fp(1)], 200).unwrap(); // refresh, no duplicate
        assert_eq!(owners(&store, fp(1), 300), ["c-1", "c-2"]);
        assert_eq!(owners(&store, fp(2), 300), ["c-2"]);
        assert!(owners(&store, fp(3), 300).is_empty());
        assert_eq!(store.len().unwrap(), 3);
    }

    #[test]
    fn forget_erases_one_conversation() {
        let store = MemoryStore::new(Limits::default());
        store.add("a", &[fp(1), fp(2)], 1).unwrap();
        store.add("b", &[fp(1)], 1).unwrap();
        assert_eq!(store.forget("a").unwrap(), 2);
        assert_eq!(store.forget("a").unwrap(), 0);
        assert_eq!(owners(&store, fp(1), 1), ["b"]);
        assert!(owners(&store, fp(2), 1).is_empty());
        // Slots and the conversation number are reused.
        store.add("c", &[fp(3), fp(4)], 1).unwrap();
        assert_eq!(store.len().unwrap(), 3);
        assert_eq!(owners(&store, fp(4), 1), ["c"]);
    }

    #[test]
    fn ownership_lapses_after_its_lifetime() {
        let store = MemoryStore::new(Limits {
            lifetime_secs: Some(10),
            max_values_per_conversation: 8,
        });
        store.add("a", &[fp(1)], 100).unwrap();
        store.add("b", &[fp(1)], 105).unwrap();
        assert_eq!(owners(&store, fp(1), 110), ["a", "b"]);
        assert_eq!(owners(&store, fp(1), 111), ["b"]);
        assert!(owners(&store, fp(1), 116).is_empty());
        assert_eq!(store.purge_expired(111).unwrap(), 1);
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn the_cap_drops_the_least_recently_seen() {
        let store = MemoryStore::new(Limits {
            lifetime_secs: None,
            max_values_per_conversation: 3,
        });
        store.add("a", &[fp(1)], 1).unwrap();
        store.add("a", &[fp(2)], 2).unwrap();
        store.add("a", &[fp(3)], 3).unwrap();
        store.add("a", &[fp(1)], 4).unwrap(); // seen again: now the newest
        store.add("a", &[fp(4)], 5).unwrap();
        assert_eq!(store.len().unwrap(), 3);
        assert!(owners(&store, fp(2), 6).is_empty());
        for n in [1, 3, 4] {
            assert_eq!(owners(&store, fp(n), 6), ["a"]);
        }
    }

    #[test]
    fn replace_round_trips_an_export() {
        let store = MemoryStore::new(Limits::default());
        store.add("a", &[fp(1), fp(2)], 7).unwrap();
        store.add("b", &[fp(2)], 9).unwrap();
        let mut records = store.export().unwrap();
        let other = MemoryStore::new(Limits::default());
        other.add("z", &[fp(9)], 1).unwrap();
        other.replace(records.clone()).unwrap();
        let mut back = other.export().unwrap();
        records.sort_by(|a, b| {
            (&a.conversation, a.fingerprint).cmp(&(&b.conversation, b.fingerprint))
        });
        back.sort_by(|a, b| {
            (&a.conversation, a.fingerprint).cmp(&(&b.conversation, b.fingerprint))
        });
        assert_eq!(records, back);
        assert!(owners(&other, fp(9), 1).is_empty());
    }
}
