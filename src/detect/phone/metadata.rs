//! libphonenumber metadata, compiled into validators of our own.
//!
//! The `phonenumber` crate carries Google's metadata but validates through a
//! parser whose patterns share one small regex cache behind a global mutex;
//! with numbers from many countries that cache thrashes (milliseconds per
//! number) and threads contend on it. Loading it also deserializes the
//! metadata and compiles every pattern of every region (a fifth of a
//! second per process). Compiling a region's patterns on its first number
//! instead, as this module once did, still cost 0.2 to 5 ms on a live
//! message. So `build.rs` reads the metadata at build time, compiles every
//! anchored pattern validation needs into DFAs, and writes them as one
//! serialized blob beside plain data (`RAW_REGIONS`); this module reads the
//! DFAs in place (`from_bytes` validates them, nothing is compiled):
//!
//! * per region: the union of the number-type patterns (a number is *valid*
//!   when it matches one of them, as in libphonenumber's `isValidNumber`) as
//!   a dense DFA, walked one table lookup per digit (a few nanoseconds for a
//!   national number, where the regex engine's search cost tens); the
//!   possible lengths as a bit set for cheap rejection; the national and
//!   international dialling prefixes; and the formats (to know whether a
//!   national number must be written with its national prefix), whose
//!   patterns live with the prefix patterns in one shared DFA;
//! * per country calling code: its regions, main region first, and for
//!   codes shared by several regions the union of their patterns.
//!
//! A region's dense DFA is read the first time a number is checked against
//! it (tens of microseconds); the shared DFA with the tables, when the
//! first scanner is built. Only the
//! national prefix patterns whose transform rule reads capture groups
//! (Argentina, Brazil, Japan, the NANP islands …: 32 short patterns) are
//! still regexes, since a DFA reports no groups: they are compiled with the
//! tables, when the first scanner is built, never on a message. Nothing
//! here calls the crate's parser, and the crate is not linked in: it is a
//! build dependency only.

use std::collections::HashMap;

use once_cell::sync::{Lazy, OnceCell};
use std::cell::RefCell;

use regex_automata::dfa::{dense, Automaton};
use regex_automata::nfa::thompson::{self, pikevm, pikevm::PikeVM};
use regex_automata::util::captures::Captures;
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

/// Where one serialized DFA sits in [`BLOB`].
#[derive(Clone, Copy)]
pub(crate) struct DfaRef {
    offset: usize,
    len: usize,
}

/// A dialling prefix as `build.rs` extracted it.
pub(crate) enum RawPrefix {
    /// Plain digits ("0", "00", "011").
    Literal(&'static str),
    /// A pattern of the shared DFA (its index).
    Pattern(u16),
}

/// One region's metadata as `build.rs` extracted it.
pub(crate) struct RawRegion {
    /// ISO 3166 alpha-2 code, or `001` for non-geographic entities.
    id: &'static str,
    code: u16,
    /// Bit `n` is set when a valid national number may have `n` digits.
    lengths: u32,
    /// The union of the number-type patterns, a dense DFA.
    valid: DfaRef,
    /// Numbers dialled within their area: (digits without the area code,
    /// digits of the area code), from the metadata's "local only" lengths.
    local: &'static [(u8, u8)],
    /// Whether mobiles have such local lengths too.
    local_mobiles: bool,
    /// The fewest digits of a fixed line or mobile in a plan dialled
    /// without a national prefix, when under seven; else 0.
    short_plan: u16,
    intl_prefix: Option<RawPrefix>,
    /// The national prefix pattern for parsing (or the prefix itself).
    national_prefix: Option<RawPrefix>,
    transform: Option<&'static str>,
    /// The national prefix pattern as text, when the transform rule needs
    /// its capture groups.
    captures: Option<&'static str>,
    formats: &'static [RawFormat],
}

/// One national format of a region, as `build.rs` extracted it.
pub(crate) struct RawFormat {
    /// The most specific leading-digits pattern (a pattern of the shared DFA).
    leading: Option<u16>,
    /// The grouping pattern (a pattern of the shared DFA, all the digits).
    pattern: u16,
    /// Whether a number written in this format must carry the national
    /// prefix.
    prefix_required: bool,
}

include!(concat!(env!("OUT_DIR"), "/phone_metadata.rs"));

/// The DFAs' bytes, aligned for a dense DFA's `u32` tables.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

static BLOB: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/phone_dfa.bin")),
};

fn blob(at: DfaRef) -> &'static [u8] {
    &BLOB.bytes[at.offset..at.offset + at.len]
}

/// A dense DFA read in place from [`BLOB`]: validated, not compiled.
pub(crate) struct Dense {
    dfa: dense::DFA<&'static [u32]>,
    start: StateID,
}

impl Dense {
    fn new(at: DfaRef) -> Dense {
        let (dfa, _) = dense::DFA::from_bytes(blob(at)).expect("phone DFA built by build.rs");
        let start = dfa
            .start_state(&start::Config::new().anchored(Anchored::Yes))
            .expect("anchored start state");
        Dense { dfa, start }
    }

    /// Whether the pattern (which ends with `$`) matches all of `digits`.
    #[inline]
    fn is_match(&self, digits: &[u8]) -> bool {
        self.is_match_from(self.start, digits)
    }

    /// Whether the pattern matches what led to state `from`, then `digits`.
    fn is_match_from(&self, from: StateID, digits: &[u8]) -> bool {
        let mut s = from;
        for &b in digits {
            s = self.dfa.next_state(s, b);
            if self.dfa.is_dead_state(s) {
                return false;
            }
        }
        self.dfa.is_match_state(self.dfa.next_eoi_state(s))
    }

    /// The live states after reading `head`, then any `n` digits: one per
    /// distinct rest of the language (the DFA is minimized, so the area
    /// codes of a region lead to a handful).
    fn states_after(&self, head: &[u8], n: u8) -> Vec<StateID> {
        let mut s = self.start;
        for &b in head {
            s = self.dfa.next_state(s, b);
        }
        let mut states = vec![s];
        for _ in 0..n {
            let mut next: Vec<StateID> = states
                .iter()
                .flat_map(|&s| (b'0'..=b'9').map(move |d| self.dfa.next_state(s, d)))
                .filter(|&s| !self.dfa.is_dead_state(s))
                .collect();
            next.sort_unstable();
            next.dedup();
            states = next;
        }
        states
    }
}

/// The DFA of the other patterns (formats, dialling prefixes), with each
/// pattern's start state (after its selector bytes).
struct Patterns {
    dfa: dense::DFA<&'static [u32]>,
    starts: Vec<StateID>,
}

/// All patterns but the number-type unions, read with the tables.
static PATTERNS: Lazy<Patterns> = Lazy::new(|| {
    let Dense { dfa, start } = Dense::new(RAW_PATTERNS);
    let starts = (0..usize::from(RAW_PATTERN_COUNT))
        .map(|i| {
            // The selector bytes of build.rs: the base-3 digits of i, most
            // significant first, as the bytes 0, 1 and 2.
            (0..RAW_PATTERN_LEVELS).rev().fold(start, |s, level| {
                dfa.next_state(s, (i / 3usize.pow(level) % 3) as u8)
            })
        })
        .collect();
    Patterns { dfa, starts }
});

impl Patterns {
    /// Where the leftmost-first match of pattern `id` that starts at the
    /// first digit ends (what `^(?:pattern)` finds), if there is one.
    fn match_end(&self, id: u16, digits: &[u8]) -> Option<usize> {
        let dfa = &self.dfa;
        let mut s = self.starts[usize::from(id)];
        let mut end = None;
        for (i, &b) in digits.iter().enumerate() {
            s = dfa.next_state(s, b);
            if dfa.is_special_state(s) {
                // Matches are reported one byte late: this one ended at i.
                if dfa.is_match_state(s) {
                    end = Some(i);
                } else if dfa.is_dead_state(s) {
                    return end;
                }
            }
        }
        if dfa.is_match_state(dfa.next_eoi_state(s)) {
            end = Some(digits.len());
        }
        end
    }

    /// Whether pattern `id` matches at the start of `digits` (for patterns
    /// ending with `$`: all of them).
    fn is_match(&self, id: u16, digits: &[u8]) -> bool {
        let dfa = &self.dfa;
        let mut s = self.starts[usize::from(id)];
        for &b in digits {
            s = dfa.next_state(s, b);
            if dfa.is_special_state(s) {
                if dfa.is_match_state(s) {
                    return true;
                } else if dfa.is_dead_state(s) {
                    return false;
                }
            }
        }
        dfa.is_match_state(dfa.next_eoi_state(s))
    }
}

/// All compiled metadata, built on first use and shared by every scanner.
pub(crate) static TABLES: Lazy<Tables> = Lazy::new(Tables::build);

/// Country calling codes are at most three digits.
const MAX_CODE: usize = 1000;

pub(crate) struct Tables {
    pub regions: Vec<RegionRules>,
    /// Region index by upper-case ISO 3166 code (geographic regions only).
    by_id: HashMap<[u8; 2], u16>,
    /// Region indices per calling code, the main region first.
    by_code: Vec<Vec<u16>>,
    /// For calling codes shared by several regions: what any of them
    /// accepts (a number valid in one of them passes; most that pass are).
    shared: Vec<Option<Shared>>,
}

/// The union of the validity rules of the regions sharing a calling code.
/// Read from the blob on first use, like a region's own automaton.
struct Shared {
    lengths: u32,
    at: DfaRef,
    valid: OnceCell<Dense>,
}

impl Shared {
    /// False only when `nsn` is valid in none of the regions.
    #[inline]
    fn may_be_valid(&self, nsn: &[u8]) -> bool {
        nsn.len() < 32
            && self.lengths & (1 << nsn.len()) != 0
            && self.valid.get_or_init(|| Dense::new(self.at)).is_match(nsn)
    }
}

pub(crate) struct RegionRules {
    /// ISO 3166 alpha-2 code, or `001` for non-geographic entities.
    pub id: &'static str,
    pub code: u16,
    /// Bit `n` is set when a valid national number may have `n` digits.
    pub lengths: u32,
    raw: &'static RawRegion,
    /// The union of the number-type patterns, read on first use.
    valid: OnceCell<Dense>,
    /// Per length of a number dialled within its area, the states of
    /// `valid` after any area code: computed on the first such number.
    local_starts: OnceCell<Vec<(u8, Vec<StateID>)>>,
    /// The same after a mobile token's head ([`Self::is_local_after`]).
    token_starts: OnceCell<Vec<(u8, Vec<StateID>)>>,
    intl_prefix: Option<Prefix>,
    /// The national prefix pattern for parsing, anchored at the start (the
    /// transform rule in `raw` rewrites what it matched: Argentina, Brazil …).
    national_prefix: Option<Prefix>,
    /// The national prefix pattern with its capture groups, for the few
    /// regions whose transform rule reads them; compiled with the tables.
    captures: Option<PikeVM>,
}

/// Most digits a national number can have after a prefix transform.
const MAX_NSN: usize = 24;

/// A short run of ASCII digits held inline: validation allocates nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Digits {
    buf: [u8; MAX_NSN],
    len: u8,
}

impl Digits {
    /// `None` when `parts` hold more than `MAX_NSN` digits together.
    pub(crate) fn concat(parts: &[&[u8]]) -> Option<Digits> {
        let mut d = Digits {
            buf: [0; MAX_NSN],
            len: 0,
        };
        for part in parts {
            let at = usize::from(d.len);
            d.buf.get_mut(at..at + part.len())?.copy_from_slice(part);
            d.len += part.len() as u8;
        }
        Some(d)
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    /// The digits as text (they are always ASCII digits).
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_slice()).unwrap_or_default()
    }
}

impl std::fmt::Debug for Digits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&String::from_utf8_lossy(self.as_slice()))
    }
}

/// A dialling prefix: most are a plain digit string ("0", "00", "011"),
/// compared as such; the rest are patterns of the shared DFA, anchored at
/// the start.
pub(crate) enum Prefix {
    Literal(&'static [u8]),
    Pattern(u16),
}

impl Prefix {
    fn new(raw: &RawPrefix) -> Prefix {
        match *raw {
            RawPrefix::Literal(digits) => Prefix::Literal(digits.as_bytes()),
            RawPrefix::Pattern(id) => Prefix::Pattern(id),
        }
    }

    /// The length of the prefix at the start of `digits`, if it is there.
    #[inline]
    pub(crate) fn match_len(&self, digits: &[u8]) -> Option<usize> {
        match *self {
            Prefix::Literal(lit) => digits.starts_with(lit).then_some(lit.len()),
            Prefix::Pattern(id) => PATTERNS.match_end(id, digits),
        }
    }
}

thread_local! {
    /// Search state and capture slots of the transform patterns, one set
    /// per pattern, reused by this thread: reading a national prefix
    /// allocates nothing after the first time.
    static SLOTS: RefCell<Vec<(usize, pikevm::Cache, Captures)>> = const { RefCell::new(Vec::new()) };
}

/// The capture groups of `re`'s match at the start of `digits`, if any,
/// passed to `f` (with this thread's search state for `re`).
fn with_captures<R>(re: &PikeVM, digits: &[u8], f: impl FnOnce(&Captures) -> R) -> Option<R> {
    SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        let key = re as *const PikeVM as usize;
        let i = match slots.iter().position(|(k, ..)| *k == key) {
            Some(i) => i,
            None => {
                slots.push((key, re.create_cache(), re.create_captures()));
                slots.len() - 1
            }
        };
        let (_, cache, caps) = &mut slots[i];
        re.captures(cache, Input::new(digits).anchored(Anchored::Yes), caps);
        caps.is_match().then(|| f(caps))
    })
}

/// Applies a transform rule (digits and `$N` group references, as all of
/// libphonenumber's are) to the groups `caps` found in `digits`, followed
/// by `rest`; a group that did not take part adds nothing.
fn expand(rule: &str, caps: &Captures, digits: &[u8], rest: &[u8]) -> Option<Digits> {
    let mut head = [0u8; MAX_NSN];
    let mut n = 0;
    let mut bytes = rule.bytes();
    while let Some(b) = bytes.next() {
        let part: &[u8] = if b == b'$' {
            let group = usize::from(bytes.next()?.checked_sub(b'0')?);
            caps.get_group(group).map_or(&[], |g| &digits[g.range()])
        } else {
            std::slice::from_ref(&b)
        };
        head.get_mut(n..n + part.len())?.copy_from_slice(part);
        n += part.len();
    }
    Digits::concat(&[&head[..n], rest])
}

/// How a national number came out of [`RegionRules::strip_national_prefix`].
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct National {
    /// The national significant number.
    pub digits: Digits,
    /// Whether a national prefix (or carrier code) was removed.
    pub had_prefix: bool,
}

/// A transform rule's national prefix pattern, with its capture groups,
/// searched anchored at the start. Only an NFA is built (a PikeVM, a
/// third of the cost of a full regex: these 32 are built with the tables),
/// and it runs only when the prefix DFA found a prefix.
fn captures(pattern: &str) -> PikeVM {
    // The metadata only uses ASCII digits; Unicode classes would only cost.
    PikeVM::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .thompson(thompson::Config::new().utf8(false))
        .build(pattern)
        .unwrap_or_else(|e| panic!("libphonenumber pattern failed to compile: {e}"))
}

impl RegionRules {
    fn new(raw: &'static RawRegion) -> RegionRules {
        RegionRules {
            id: raw.id,
            code: raw.code,
            lengths: raw.lengths,
            raw,
            valid: OnceCell::new(),
            local_starts: OnceCell::new(),
            token_starts: OnceCell::new(),
            intl_prefix: raw.intl_prefix.as_ref().map(Prefix::new),
            national_prefix: raw.national_prefix.as_ref().map(Prefix::new),
            captures: raw.captures.map(captures),
        }
    }

    fn valid(&self) -> &Dense {
        self.valid.get_or_init(|| Dense::new(self.raw.valid))
    }

    /// Reads the region's automaton now rather than at its first number.
    pub(crate) fn prepare(&self) {
        self.valid();
    }

    /// The international (IDD) prefix, if the region has one.
    pub(crate) fn intl_prefix(&self) -> Option<&Prefix> {
        self.intl_prefix.as_ref()
    }

    /// Whether `nsn` (ASCII digits) is a valid national significant number.
    #[inline]
    pub(crate) fn is_valid(&self, nsn: &[u8]) -> bool {
        nsn.len() < 32 && self.lengths & (1 << nsn.len()) != 0 && self.valid().is_match(nsn)
    }

    /// The fewest digits of a fixed line or mobile in a small numbering
    /// plan, one dialled without a national prefix in fewer than seven
    /// digits (Luxembourg's `26 12 34`, Andorra, the Faroes, Suriname, the
    /// Pacific islands). `None` elsewhere: the short fixed lines of a few
    /// towns of Germany or Austria, dialled with a `0`, are too rare to
    /// read six-digit runs there.
    pub(crate) fn short_plan(&self) -> Option<usize> {
        (self.raw.short_plan > 0).then_some(usize::from(self.raw.short_plan))
    }

    /// Whether `digits` are a number dialled within its area: written
    /// without the area code, at a length the metadata gives local numbers
    /// of fixed lines or mobiles, and valid after some area code of the
    /// region (`98765-4321` in Brazil is `11 98765-4321` in São Paulo,
    /// `21 98765-4321` in Rio de Janeiro). Which area is unknown, so the
    /// number cannot be written in E.164.
    pub(crate) fn is_local(&self, digits: &[u8]) -> bool {
        self.is_local_after(b"", digits)
    }

    /// (digits of a local number, digits of the area code before it) the
    /// metadata gives the region, seven digits or more.
    pub(crate) fn local_lengths(&self) -> &'static [(u8, u8)] {
        self.raw.local
    }

    /// Whether the region's mobiles, not only its fixed lines, are given
    /// without their area code.
    pub(crate) fn has_local_mobiles(&self) -> bool {
        self.raw.local_mobiles
    }

    /// [`Self::is_local`] for a mobile written with a token of its own that
    /// stands for `head`, which goes before the area code (Argentina's
    /// `15 4123-4567` is `9 11 4123-4567` in Buenos Aires).
    pub(crate) fn is_local_after(&self, head: &[u8], digits: &[u8]) -> bool {
        let Ok(len) = u8::try_from(digits.len()) else {
            return false;
        };
        if !self.raw.local.iter().any(|&(l, _)| l == len) {
            return false;
        }
        let valid = self.valid();
        let starts = |head: &[u8]| -> Vec<(u8, Vec<StateID>)> {
            let mut by_length: Vec<(u8, Vec<StateID>)> = Vec::new();
            for &(local, area) in self.raw.local {
                let states = valid.states_after(head, area);
                match by_length.iter_mut().find(|(l, _)| *l == local) {
                    Some((_, all)) => {
                        all.extend(states);
                        all.sort_unstable();
                        all.dedup();
                    }
                    None => by_length.push((local, states)),
                }
            }
            by_length
        };
        // A region has at most one mobile token, so one cell each.
        let cell = if head.is_empty() {
            &self.local_starts
        } else {
            &self.token_starts
        };
        let starts = cell.get_or_init(|| starts(head));
        starts
            .iter()
            .filter(|(l, _)| *l == len)
            .flat_map(|(_, states)| states)
            .any(|&s| valid.is_match_from(s, digits))
    }

    /// Removes a national prefix (and carrier code) from digits dialled
    /// nationally, as libphonenumber does: the prefix is removed only when
    /// what remains is valid, or when the digits were not valid anyway; a
    /// transform rule rewrites the match instead of dropping it.
    pub(crate) fn strip_national_prefix(&self, digits: &[u8]) -> National {
        let unchanged = || National {
            digits: Digits::concat(&[digits]).unwrap_or(Digits {
                buf: [0; MAX_NSN],
                len: 0,
            }),
            had_prefix: false,
        };
        let Some(prefix) = &self.national_prefix else {
            return unchanged();
        };
        let candidate = match (self.raw.transform, &self.captures) {
            // The common case: drop what the prefix pattern matched.
            (None, _) | (_, None) => match prefix.match_len(digits) {
                Some(n) if n > 0 => Digits::concat(&[&digits[n..]]),
                _ => return unchanged(),
            },
            // A few regions rewrite it (Argentina's mobile "15", Brazil's
            // carrier codes); only then are capture groups needed.
            (Some(rule), Some(captures)) => {
                // The DFA finds most digits without a prefix first.
                let rewritten = match prefix.match_len(digits) {
                    Some(n) if n > 0 => with_captures(captures, digits, |caps| {
                        let end = caps.get_match().map_or(0, |m| m.end());
                        let rest = &digits[end..];
                        let last = caps.group_len() - 1;
                        if last > 0 && caps.get_group(last).is_some() {
                            expand(rule, caps, digits, rest)
                        } else {
                            Digits::concat(&[rest])
                        }
                    }),
                    _ => None,
                };
                match rewritten {
                    Some(candidate) => candidate,
                    None => return unchanged(),
                }
            }
        };
        let Some(candidate) = candidate else {
            return unchanged();
        };
        if self.is_valid(digits) && !self.is_valid(candidate.as_slice()) {
            return unchanged();
        }
        National {
            digits: candidate,
            had_prefix: true,
        }
    }

    /// `digits` dialled nationally, as libphonenumber's parser (the Java
    /// reference; the `phonenumber` crate skips this step) reads them with
    /// this region as the hint: the national prefix (and carrier code)
    /// removed only when what remains has a possible length here, or is
    /// longer than any; else the digits as written, which could be a short
    /// number. For digits valid nowhere here (a number of another country,
    /// a local number), where [`RegionRules::strip_national_prefix`] alone
    /// would take China's carrier code `11222` off `112223335` and leave
    /// `3335`.
    pub(crate) fn parse_national(&self, digits: &[u8]) -> Digits {
        let national = self.strip_national_prefix(digits);
        let len = national.digits.as_slice().len();
        // One more than the most digits a number may have here.
        let beyond = 32 - self.lengths.leading_zeros() as usize;
        if !national.had_prefix || len >= beyond || self.lengths & (1 << len) != 0 {
            national.digits
        } else {
            Digits::concat(&[digits]).unwrap_or(national.digits)
        }
    }

    /// Whether the region has national formats of its own (regions sharing
    /// a calling code often borrow the main region's).
    fn has_formats(&self) -> bool {
        !self.raw.formats.is_empty()
    }

    /// Whether a valid national number written without its national prefix
    /// is acceptable: false when the format it would be written in requires
    /// the prefix (e.g. a bare `2079460958` in Great Britain).
    pub(crate) fn prefix_optional_for(&self, text: &[u8]) -> bool {
        let patterns = &*PATTERNS;
        let chosen = self.raw.formats.iter().find(|f| {
            f.leading.is_none_or(|l| patterns.is_match(l, text))
                && patterns.is_match(f.pattern, text)
        });
        chosen.is_none_or(|f| !f.prefix_required)
    }
}

impl Tables {
    fn build() -> Tables {
        // The formats and prefixes of every region, read once here, when
        // the first scanner is built: not on the first message of a region.
        Lazy::force(&PATTERNS);
        let regions: Vec<RegionRules> = RAW_REGIONS.iter().map(RegionRules::new).collect();
        let mut by_id = HashMap::new();
        let mut by_code = vec![Vec::new(); MAX_CODE];
        for (i, r) in regions.iter().enumerate() {
            let i = u16::try_from(i).expect("fewer than 65536 regions");
            if let [a, b] = *r.id.as_bytes() {
                by_id.insert([a, b], i);
            }
            if let Some(list) = by_code.get_mut(usize::from(r.code)) {
                list.push(i);
            }
        }
        let mut shared: Vec<Option<Shared>> = (0..MAX_CODE).map(|_| None).collect();
        for &(code, at) in RAW_SHARED {
            let lengths = by_code[usize::from(code)]
                .iter()
                .fold(0, |l, &r| l | regions[usize::from(r)].lengths);
            shared[usize::from(code)] = Some(Shared {
                lengths,
                at,
                valid: OnceCell::new(),
            });
        }
        Tables {
            regions,
            by_id,
            by_code,
            shared,
        }
    }

    /// The region with this ISO 3166 alpha-2 code (any case).
    pub(crate) fn region_index(&self, id: &str) -> Option<u16> {
        match *id.as_bytes() {
            [a, b] => self
                .by_id
                .get(&[a.to_ascii_uppercase(), b.to_ascii_uppercase()])
                .copied(),
            _ => None,
        }
    }

    /// The regions that share calling code `code`, main region first.
    pub(crate) fn regions_for_code(&self, code: u32) -> &[u16] {
        self.by_code.get(code as usize).map_or(&[], Vec::as_slice)
    }

    /// A number written nationally that is not valid in the region hint
    /// `hint` but in a region sharing its calling code (NANP's +1, +7 of
    /// Russia and Kazakhstan, +44 with the Crown Dependencies …), which
    /// dial it the same way: that region and the national number, if it is
    /// written as that region requires (with its national prefix where its
    /// format wants one). `stripped` is `digits` read with the hint's
    /// national prefix rules.
    ///
    /// One automaton for the union of the regions' patterns rejects most
    /// digits first, so the siblings' own automata are read (on first use)
    /// and tried only for digits that are valid in one of them.
    pub(crate) fn national_in_sibling(
        &self,
        hint: &RegionRules,
        digits: &[u8],
        stripped: &National,
    ) -> Option<(&RegionRules, National)> {
        let shared = self.shared.get(usize::from(hint.code))?.as_ref()?;
        if !shared.may_be_valid(stripped.digits.as_slice()) && !shared.may_be_valid(digits) {
            return None;
        }
        let regions = self.regions_for_code(u32::from(hint.code));
        // Whether the national prefix may be left out is decided by the
        // formats of the code's main region, as libphonenumber's matcher
        // does: the Crown Dependencies have no formats of their own, and a
        // bare `5692674440` is no more a Jersey number than a British one.
        let main = &self.regions[usize::from(*regions.first()?)];
        regions
            .iter()
            .map(|&r| &self.regions[usize::from(r)])
            .filter(|rules| rules.id != hint.id)
            .find_map(|rules| {
                let national = rules.strip_national_prefix(digits);
                let nsn = national.digits.as_slice();
                let formats = if rules.has_formats() { rules } else { main };
                (rules.is_valid(nsn) && (national.had_prefix || formats.prefix_optional_for(nsn)))
                    .then_some((rules, national))
            })
    }

    /// `digits` as a national number valid in a region of calling code
    /// `code`, its national prefix read if written: the national number.
    pub(crate) fn national_under_code(&self, code: u16, digits: &[u8]) -> Option<Digits> {
        self.regions_for_code(u32::from(code))
            .iter()
            .map(|&r| &self.regions[usize::from(r)])
            .find_map(|rules| {
                let national = rules.strip_national_prefix(digits);
                rules
                    .is_valid(national.digits.as_slice())
                    .then_some(national.digits)
            })
    }

    /// Whether `digits`, not valid in the region hint `hint` nor in a
    /// region sharing its calling code, are a national number of another
    /// country as it is dialled there (with its national prefix, or
    /// without where its format allows): an expat's home number in a
    /// conversation of the country they live in (`0300 1234567`, a
    /// Pakistani mobile, in Dubai). Many readings may fit (a national
    /// number of one country is often valid in several), so only whether
    /// one does is answered; callers ask it after a phone word. Reads the
    /// automata of the regions tried on first use.
    pub(crate) fn valid_abroad(&self, hint: &RegionRules, digits: &[u8]) -> bool {
        self.regions
            .iter()
            .filter(|rules| rules.id.len() == 2 && rules.code != hint.code)
            .any(|rules| {
                let national = rules.strip_national_prefix(digits);
                let nsn = national.digits.as_slice();
                rules.is_valid(nsn) && (national.had_prefix || rules.prefix_optional_for(nsn))
            })
    }

    /// Splits international digits (after `+` or an IDD prefix) into a
    /// calling code and a national number valid for one of its regions.
    /// Returns the calling code and the national significant number.
    ///
    /// `dialled`: the digits follow a `+` or an IDD prefix, so a national
    /// prefix written after the code is read as libphonenumber reads it.
    /// Bare digits are read as written: `8 10 33 1 27 15 59` after a phone
    /// word is no Japanese `+81 (0)3312 71559`.
    pub(crate) fn parse_international(
        &self,
        digits: &[u8],
        dialled: bool,
    ) -> Option<(u16, Digits)> {
        // Calling codes never start with 0 and are prefix-free, so at most
        // one split can apply.
        if digits.first().is_none_or(|&d| d == b'0') {
            return None;
        }
        let mut code = 0u32;
        for (i, &d) in digits.iter().take(3).enumerate() {
            code = code * 10 + u32::from(d - b'0');
            let regions = self.regions_for_code(code);
            if regions.is_empty() {
                continue;
            }
            let national = &digits[i + 1..];
            if let Some(rules) = self.valid_for_code(code, regions, national) {
                return Some((rules.code, Digits::concat(&[national])?));
            }
            // "+44 (0)20 …", "+54 11 15 4123-4567": a national prefix (or
            // Argentina's mobile token) written after the code. As
            // libphonenumber does, the code's main region's rules strip it,
            // and what remains may be valid in any region of the code
            // (`+44 07911 …` is a Jersey mobile). `national` is valid in
            // none of them (above), so any prefix found is dropped.
            if !dialled {
                return None;
            }
            let main = &self.regions[usize::from(regions[0])];
            let stripped = main.strip_national_prefix(national);
            if stripped.had_prefix {
                let rest = stripped.digits.as_slice();
                if let Some(rules) = self.valid_for_code(code, regions, rest) {
                    return Some((rules.code, stripped.digits));
                }
            }
            return None;
        }
        None
    }

    /// The region of calling code `code` (whose regions are `regions`) in
    /// which `national` is valid: one automaton for all the regions of a
    /// shared code first.
    fn valid_for_code(&self, code: u32, regions: &[u16], national: &[u8]) -> Option<&RegionRules> {
        let shared = self.shared[code as usize].as_ref();
        if shared.is_some_and(|s| !s.may_be_valid(national)) {
            return None;
        }
        regions
            .iter()
            .map(|&r| &self.regions[usize::from(r)])
            .find(|rules| rules.is_valid(national))
    }

    /// Bare international digits in a form the metadata no longer holds,
    /// which WhatsApp's own IDs keep (`…@s.whatsapp.net`, `wa.me/…`, a
    /// mention): the number as it is dialled today, if the digits are one.
    ///
    /// * Mexico: until 2019 a mobile was dialled from abroad with a `1`
    ///   after `+52`; people still write `+52 1 55 1234 5678`, and WhatsApp
    ///   still writes Mexican mobiles as `521` and ten digits.
    /// * Benin: since 30 November 2024 a number is `01` and the eight
    ///   digits it had before (`+229 94 58 44 32` is `+229 01 94 58 44
    ///   32`), in every form.
    /// * Brazil (`ninth_digit`, WhatsApp's IDs only): an account made
    ///   before the ninth digit came to its area code keeps the eight-digit
    ///   mobile in its ID (`558191234567` for `+55 81 99123-4567`): a
    ///   mobile's eight digits start with 6 to 9, and the 9 put back in
    ///   front makes today's valid number.
    pub(crate) fn parse_legacy_mobile(
        &self,
        digits: &[u8],
        ninth_digit: bool,
    ) -> Option<(u16, Digits)> {
        let main_region = |code: u32| {
            let r = *self.regions_for_code(code).first()?;
            Some(&self.regions[usize::from(r)])
        };
        if let Some(rest) = digits.strip_prefix(b"521").filter(|r| r.len() == 10) {
            let mx = main_region(52)?;
            return mx
                .is_valid(rest)
                .then(|| Some((mx.code, Digits::concat(&[rest])?)))
                .flatten();
        }
        // Benin: on 30 November 2024 every number got `01` in front of its
        // eight digits; messages and IDs from before keep the eight.
        if let Some(rest) = digits.strip_prefix(b"229").filter(|r| r.len() == 8) {
            let bj = main_region(229)?;
            let national = Digits::concat(&[b"01", rest])?;
            return bj
                .is_valid(national.as_slice())
                .then_some((bj.code, national));
        }
        let br_eight_digit = |r: &&[u8]| r.len() == 10 && matches!(r[2], b'6'..=b'9');
        if let Some(rest) = digits.strip_prefix(b"55").filter(br_eight_digit) {
            if !ninth_digit {
                return None;
            }
            let br = main_region(55)?;
            let national = Digits::concat(&[&rest[..2], b"9", &rest[2..]])?;
            return br
                .is_valid(national.as_slice())
                .then_some((br.code, national));
        }
        None
    }
}

#[cfg(test)]
#[path = "number_types.rs"]
mod number_types;

#[cfg(test)]
mod tests {
    use super::number_types::number_types;
    use super::*;
    use regex::bytes::{Regex, RegexBuilder};

    fn region(id: &str) -> &'static RegionRules {
        &TABLES.regions[usize::from(TABLES.region_index(id).unwrap())]
    }

    #[test]
    fn every_region_compiles_and_every_example_number_is_valid() {
        let database = &*phonenumber::metadata::DATABASE;
        assert_eq!(TABLES.regions.len(), database.iter().count());
        for rules in &TABLES.regions {
            rules.prepare();
        }
        let mut checked = 0;
        for meta in database.iter() {
            let idx = TABLES
                .regions
                .iter()
                .position(|r| r.id == meta.id() && r.code == meta.country_code())
                .unwrap();
            let rules = &TABLES.regions[idx];
            for desc in number_types(meta) {
                if let Some(example) = desc.example() {
                    assert!(
                        rules.is_valid(example.as_bytes()),
                        "{} {example}",
                        meta.id()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "only {checked} examples");
    }

    /// The regex the automata replace, as the library compiled it before.
    fn regex(pattern: &str, whole: bool) -> Regex {
        let pattern: String = pattern.chars().filter(|c| !c.is_whitespace()).collect();
        let source = if whole {
            format!("^(?:{pattern})$")
        } else {
            format!("^(?:{pattern})")
        };
        RegexBuilder::new(&source).unicode(false).build().unwrap()
    }

    /// Digit strings to try a region's automata on: its example numbers,
    /// their heads, and them behind dialling prefixes, plus pseudo-random
    /// digits of every length up to 18.
    fn inputs(meta: &phonenumber::metadata::Metadata, seed: &mut u64) -> Vec<Vec<u8>> {
        let mut out: Vec<Vec<u8>> = vec![Vec::new()];
        for desc in number_types(meta) {
            let Some(example) = desc.example() else {
                continue;
            };
            for head in 1..=example.len() {
                out.push(example.as_bytes()[..head].to_vec());
            }
            for prefix in ["0", "00", "1", "011", "8", "15", "90", "0015", "9"] {
                out.push(format!("{prefix}{example}").into_bytes());
            }
        }
        for len in 0..=18 {
            for _ in 0..40 {
                let digits = (0..len)
                    .map(|_| {
                        *seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        b'0' + ((*seed >> 33) % 10) as u8
                    })
                    .collect();
                out.push(digits);
            }
        }
        out
    }

    /// Every automaton built by build.rs agrees with the regex it replaces
    /// (as `^(?:…)$` or `^(?:…)` with `regex`), on example numbers, their
    /// variants and random digits.
    #[test]
    fn automata_agree_with_the_patterns_they_replace() {
        let database = &*phonenumber::metadata::DATABASE;
        let mut seed = 7u64;
        let mut unions: HashMap<u16, Vec<String>> = HashMap::new();
        let mut checked = 0usize;
        for meta in database.iter() {
            let rules = TABLES
                .regions
                .iter()
                .find(|r| r.id == meta.id() && r.code == meta.country_code())
                .unwrap();
            let union: Vec<String> = number_types(meta)
                .map(|d| format!("(?:{})", d.national_number().as_str()))
                .collect();
            let valid = regex(&union.join("|"), true);
            unions
                .entry(meta.country_code())
                .or_default()
                .push(union.join("|"));
            let intl = meta
                .international_prefix()
                .map(|r| regex(r.as_str(), false));
            let national = meta
                .national_prefix_for_parsing()
                .map(|r| r.as_str().to_string())
                .or_else(|| meta.national_prefix().map(regex::escape))
                .filter(|p| !p.trim().is_empty())
                .map(|p| regex(&p, false));
            let formats: Vec<(Option<Regex>, Regex)> = meta
                .formats()
                .iter()
                .map(|f| {
                    let leading = f.leading_digits().last().map(|r| regex(r.as_str(), false));
                    (leading, regex(f.pattern().as_str(), true))
                })
                .collect();
            assert_eq!(formats.len(), rules.raw.formats.len(), "{}", meta.id());
            let with_groups = rules.raw.captures.map(|p| regex(p, false));
            for digits in inputs(meta, &mut seed) {
                let d = digits.as_slice();
                let label = || format!("{} {}", meta.id(), String::from_utf8_lossy(d));
                assert_eq!(rules.valid().is_match(d), valid.is_match(d), "{}", label());
                assert_eq!(
                    rules.intl_prefix().and_then(|p| p.match_len(d)),
                    intl.as_ref().and_then(|re| re.find(d)).map(|m| m.end()),
                    "IDD {}",
                    label()
                );
                assert_eq!(
                    rules.national_prefix.as_ref().and_then(|p| p.match_len(d)),
                    national.as_ref().and_then(|re| re.find(d)).map(|m| m.end()),
                    "national prefix {}",
                    label()
                );
                if let (Some(vm), Some(re)) = (&rules.captures, &with_groups) {
                    let spans = |caps: &Captures| {
                        (0..caps.group_len())
                            .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                            .collect::<Vec<_>>()
                    };
                    let expected = re.captures(d).map(|c| {
                        c.iter()
                            .map(|g| g.map(|m| (m.start(), m.end())))
                            .collect::<Vec<_>>()
                    });
                    assert_eq!(with_captures(vm, d, spans), expected, "groups {}", label());
                }
                for (raw, (leading, pattern)) in rules.raw.formats.iter().zip(&formats) {
                    if let (Some(id), Some(re)) = (raw.leading, leading) {
                        assert_eq!(PATTERNS.is_match(id, d), re.is_match(d), "{}", label());
                    }
                    assert_eq!(
                        PATTERNS.is_match(raw.pattern, d),
                        pattern.is_match(d),
                        "format {}",
                        label()
                    );
                }
                checked += 1;
            }
        }
        // The shared calling codes' unions.
        for (code, regions) in unions.into_iter().filter(|(_, r)| r.len() > 1) {
            let shared = TABLES.shared[usize::from(code)].as_ref().unwrap();
            let union: Vec<String> = regions.iter().map(|u| format!("(?:{u})")).collect();
            let re = regex(&union.join("|"), true);
            let dfa = Dense::new(shared.at);
            for &r in TABLES.regions_for_code(u32::from(code)) {
                let meta = database.by_id(TABLES.regions[usize::from(r)].id).unwrap();
                for digits in inputs(meta, &mut seed) {
                    assert_eq!(dfa.is_match(&digits), re.is_match(&digits), "+{code}");
                }
            }
        }
        assert!(checked > 100_000, "only {checked} inputs");
    }

    #[test]
    fn national_prefixes() {
        let gb = region("GB");
        let stripped = gb.strip_national_prefix(b"02079460958");
        assert_eq!(stripped.digits.as_slice(), b"2079460958");
        assert!(stripped.had_prefix);
        // Great Britain writes national numbers with the 0; India need not.
        assert!(!gb.prefix_optional_for(b"2079460958"));
        assert!(region("IN").prefix_optional_for(b"9876543210"));
        // Argentina: "0" dropped, mobile "15" rewritten as "9" + area code.
        let ar = region("AR");
        let fixed = ar.strip_national_prefix(b"01123456789");
        assert!(ar.is_valid(fixed.digits.as_slice()), "{:?}", fixed.digits);
        let mobile = ar.strip_national_prefix(b"0111512345678");
        assert_eq!(mobile.digits.as_slice(), b"91112345678");
    }

    #[test]
    fn parsed_as_libphonenumber_parses_with_a_hint() {
        let parsed =
            |id: &str, digits: &[u8]| region(id).parse_national(digits).as_slice().to_vec();
        // The prefix goes when what remains has a possible length ...
        assert_eq!(parsed("GB", b"08031234567"), b"8031234567");
        assert_eq!(parsed("AE", b"03001234567"), b"3001234567");
        assert_eq!(parsed("AR", b"0111512345678"), b"91112345678");
        assert_eq!(parsed("CN", b"0112223335"), b"112223335");
        // ... or is longer than any number there,
        assert_eq!(parsed("GB", b"0803123456789012"), b"803123456789012");
        // and stays when too little would remain: China's carrier code.
        assert_eq!(parsed("CN", b"112223335"), b"112223335");
        // No prefix, nothing removed.
        assert_eq!(parsed("IN", b"9876543210"), b"9876543210");
    }

    #[test]
    fn international_split() {
        let (code, nsn) = TABLES.parse_international(b"919876543210", false).unwrap();
        assert_eq!((code, nsn.as_slice()), (91, &b"9876543210"[..]));
        let (code, nsn) = TABLES.parse_international(b"4402079460958", true).unwrap();
        assert_eq!((code, nsn.as_slice()), (44, &b"2079460958"[..]));
        assert_eq!(TABLES.parse_international(b"999123456789", true), None);
        // "01…" is not calling code 1.
        assert_eq!(TABLES.parse_international(b"015550123", true), None);
        assert!(TABLES.parse_international(b"14155552671", false).is_some());
    }

    #[test]
    fn region_lookup_ignores_case() {
        assert_eq!(TABLES.region_index("in"), TABLES.region_index("IN"));
        assert!(TABLES.region_index("ZZ").is_none());
        assert!(TABLES.region_index("001").is_none());
    }
}
