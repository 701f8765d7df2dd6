//! National identity and tax numbers, one file per country.
//!
//! Every identifier is described by data, so that a country file holds only
//! what is specific to it: an [`IdSpec`] names the kind and its country,
//! lists the written *shapes* people type it in, and points to a validator
//! (check digits, embedded dates, number ranges). The words that name each
//! kind ("CPF", "आधार", "身份证号码" …) live in one automaton in
//! [`super::context`].
//!
//! # Shapes
//!
//! A shape is a pattern of slots and literal separators: `d` a digit, `L` a
//! letter, `X` a letter or digit, `K` a digit or `K` (Chilean RUT), `C` a
//! letter, `+` or `-` (the Finnish century sign); anything else must appear
//! as written. `ddd.ddd.ddd-dd` is a CPF as Brazilians write it. The
//! scanner shows us numeric spans, and a shape can only start at a digit
//! run (or at the letters just before one). Most shapes open with a digit
//! slot: those are read from each run's first digit by one automaton over
//! all of them ([`forms`]), a table step per byte until no shape can go on.
//! The rest open with letters (`LLLLLddddL`) or are anchored on their last
//! run (`XX.XXX.XXX/XXXX-dd`): for those we align every shape whose digit
//! slot could fall at the run, match it byte by byte, and hand the letters
//! and digits to the validator. Those probes are bucketed by the length of
//! the digit run they open with, and a look at the bytes before and after
//! the run (the digits after the next byte are counted once; the match must
//! start where a word can) rules out most of them before any matching.
//! Kinds that share a written form (`ddddddddd` is five of them) are
//! matched once and only validated per kind. A shape may also ask for what
//! stands right around it ([`Shape::confirmed_by`]): a Brazilian RG
//! without its check character is seven or eight digits, plain only before
//! the office that issued it (`12.345.678 SSP/MG`) or right after its name
//! (`RG: 12.345.678`).
//!
//! # How sure: shape strength and context
//!
//! A checksum alone is weak evidence for short all-digit values (one random
//! string in ten passes a mod-10 check). So each shape has a strength:
//!
//! | strength | reported when | confidence |
//! |---|---|---|
//! | [`Strength::Strong`] | always (canonical separators or letters make the type plain: `123.456.789-09`, `ABCDE1234F`) | 0.96, 0.98 with a keyword; +0.01 in the kind's country; 0.85 after another identifier's keyword; none after a veto word outside its country |
//! | [`Strength::Home`] | in the kind's country unless the nearest word vetoes and no keyword names it, or with a keyword (`123 456 782` is a SIN in Canada, nothing in Brazil) | 0.92 (above a phone number found inside it), 0.93 with a keyword |
//! | [`Strength::Bare`] | with a keyword; in the kind's country also without one, unless the nearest word vetoes (order, invoice, OTP …); elsewhere as weak evidence like `Checked` | 0.75, 0.93 with a keyword, 0.4 elsewhere |
//! | [`Strength::Keyword`] | only with a keyword (structure-only values such as a Nigerian NIN, or 9 bare digits for a US SSN) | 0.93 |
//! | [`Strength::HomeKeyword`] | only with a keyword, in the kind's country (seven or eight digits after `ID no` are a Kenyan ID card's in Kenya, anything elsewhere) | 0.94 |
//! | [`Strength::Named`] | with the kind's own keyword, or in the kind's country unless vetoed or after a card word (an Aadhaar VID: sixteen digits are also a card number, and "VID" says which) | 0.98, above a grouped card (0.97); 0.93 after a generic identity word; 0.75 at home unnamed, below any card |
//! | [`Strength::Checked`] | as `Bare`; elsewhere too, without a keyword and unless vetoed, as weak evidence below the default threshold (a checksum-valid Thai ID in a Brazilian chat) | 0.75 at home, 0.93 with a keyword, 0.4 elsewhere |
//!
//! A keyword-named value gets 0.01 more in the kind's country, so that a
//! keyword shared by several countries (`DNI`: Spain, Peru, Argentina)
//! names the conversation's country's number.
//!
//! The 0.4 of [`Strength::Checked`] sits below the scanner's default
//! `min_confidence` (0.5): a default scan drops it, a leak-averse one
//! (0.3, the `export` role) masks it. It is given to the bare forms of the
//! identifiers whose check digit or embedded structure (date, region code,
//! issuer code) makes a random match rare, not to structure-only numbers
//! whose digits alone say nothing (a BVN, a bare CNIC, a passport number).
//!
//! # Identifiers that are also phone numbers
//!
//! A bare digit string can be both a valid identifier and a valid phone
//! number for the scan's region (11 digits in Brazil: CPF or mobile; 12 in
//! India: Aadhaar or `91` + mobile). The scanner keeps the finding with the
//! higher confidence, so the decision is made by the numbers above:
//!
//! * a keyword for the identifier before it → the identifier (0.93 beats
//!   every phone form written without `+`: 0.9 at most);
//! * a canonical identifier format (`123.456.789-09`) → the identifier
//!   (0.96);
//! * bare digits without a keyword → the phone number if it is a valid one
//!   (0.8–0.9 beats 0.75), else the identifier when in its home region;
//! * a phone written with `+` or an international prefix is never taken
//!   apart: identifiers do not start after `+`.

use super::context::{self, Around};
use super::{Context, Detector, Span, Trigger};
use crate::finding::{raised_confidence, Finding, Kind};
use crate::text::{char_at, char_before, is_alphabetic, is_latin_letter, is_numeric};

mod forms;

mod ar;
mod au;
pub(crate) mod br;
mod ca;
mod cl;
mod cn;
mod co;
mod de;
pub(crate) mod es;
mod fi;
mod fr;
mod gb;
mod id;
pub(crate) mod in_;
mod it;
mod kr;
mod mx;
mod ng;
mod nl;
mod pl;
mod se;
mod sg;
mod tr;
mod us;
mod za;
// The identifiers of the WhatsApp-commerce markets (issue 13).
mod ae;
mod eg;
mod ke;
mod my;
mod pk;
mod sa;
mod th;
mod vn;
// Latin America and Russia, beyond the first markets.
mod ec;
mod pe;
mod ru;
// West Africa.
mod gh;
// The Caribbean, Central America, Venezuela, Uruguay and South Asia.
mod cr;
mod cu;
mod do_;
mod gt;
mod hn;
mod lk;
mod ni;
mod uy;
mod ve;
// The Gulf, beyond the first markets.
mod kw;
// Bangladesh, Morocco, the Philippines, Tanzania and Zambia.
mod bd;
mod ma;
mod ph;
mod tz;
mod zm;
// Europe beyond the first markets, Israel and Hong Kong.
mod at;
mod be;
mod bg;
mod ch;
mod cz;
mod dk;
mod ee;
mod gr;
mod hk;
mod hr;
mod ie;
mod il;
mod ir;
mod jp;
mod kz;
mod lt;
mod lv;
mod no;
mod pt;
mod py;
mod qa;
mod ro;
mod rs;
mod rw;
mod sv;
mod tw;
mod ua;
mod ug;
mod zw;

/// The longest shape, in bytes.
const MAX_SHAPE: usize = 24;
/// Longest digit run a shape opens with, for bucketing.
const MAX_RUN: usize = 20;

const CONF_STRONG: f32 = 0.96;
const CONF_STRONG_NAMED: f32 = 0.98;
const CONF_STRONG_OTHER: f32 = 0.85;
const CONF_HOME: f32 = 0.92;
const CONF_NAMED: f32 = 0.93;
const CONF_BARE_HOME: f32 = 0.75;
const CONF_WEAK: f32 = 0.4;
const CONF_HOME_BONUS: f32 = 0.01;

/// How much a written shape says by itself (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    Strong,
    Home,
    Bare,
    Keyword,
    HomeKeyword,
    Checked,
    Named,
}

/// One written form of an identifier.
#[derive(Debug)]
pub(crate) struct Shape {
    pub pattern: &'static str,
    pub strength: Strength,
    /// Probed only at its last digit run (which a literal must precede):
    /// for patterns that open with `X` slots (`XX.XXX.XXX/XXXX-dd`), whose
    /// every offset would otherwise be probed at every short digit run,
    /// while the run of check digits is probed by itself anyway.
    pub at_last_run: bool,
    /// Read only when what stands right around the value makes it one: the
    /// office that issued the document after it (`12.345.678 SSP/MG`), the
    /// document's name right before it (`RG: 12.345.678`). Asked with the
    /// scan's context and the value's start and end. For a form too plain to tell
    /// from a price or an order by itself, which the citation makes plain.
    pub confirmed_by: Option<Confirmation>,
}

/// What [`Shape::confirmed_by`] asks: whether the value at
/// `ctx.text[start..end]` is confirmed by what stands around it (in the
/// scan's region, if one is given).
pub(crate) type Confirmation = fn(ctx: &Context<'_>, start: usize, end: usize) -> bool;

/// Shorthand for country files.
pub(crate) const fn shape(pattern: &'static str, strength: Strength) -> Shape {
    Shape {
        pattern,
        strength,
        at_last_run: false,
        confirmed_by: None,
    }
}

/// A shape probed at its last digit run only (see [`Shape::at_last_run`]).
pub(crate) const fn shape_at_last_run(pattern: &'static str, strength: Strength) -> Shape {
    Shape {
        pattern,
        strength,
        at_last_run: true,
        confirmed_by: None,
    }
}

/// A shape read only where what stands around it confirms it (see
/// [`Shape::confirmed_by`]).
pub(crate) const fn shape_confirmed(
    pattern: &'static str,
    strength: Strength,
    confirmed_by: Confirmation,
) -> Shape {
    Shape {
        pattern,
        strength,
        at_last_run: false,
        confirmed_by: Some(confirmed_by),
    }
}

/// One kind of identifier.
#[derive(Debug)]
pub(crate) struct IdSpec {
    pub kind: Kind,
    /// ISO 3166 alpha-2 code of the issuing country.
    pub country: &'static str,
    pub shapes: &'static [Shape],
    /// Validates the letters and digits of a match (upper case, separators
    /// removed). Must not panic on any input of any length.
    pub validate: fn(&[u8]) -> bool,
}

/// Every identifier, country by country.
fn all_specs() -> impl Iterator<Item = &'static IdSpec> {
    [
        ar::SPECS,
        au::SPECS,
        br::SPECS,
        ca::SPECS,
        cl::SPECS,
        cn::SPECS,
        co::SPECS,
        de::SPECS,
        es::SPECS,
        fi::SPECS,
        fr::SPECS,
        gb::SPECS,
        id::SPECS,
        in_::SPECS,
        it::SPECS,
        kr::SPECS,
        mx::SPECS,
        ng::SPECS,
        nl::SPECS,
        pl::SPECS,
        se::SPECS,
        sg::SPECS,
        tr::SPECS,
        us::SPECS,
        za::SPECS,
        ae::SPECS,
        eg::SPECS,
        ke::SPECS,
        my::SPECS,
        pk::SPECS,
        sa::SPECS,
        th::SPECS,
        vn::SPECS,
        ec::SPECS,
        pe::SPECS,
        ru::SPECS,
        gh::SPECS,
        do_::SPECS,
        lk::SPECS,
        ve::SPECS,
        kw::SPECS,
        bd::SPECS,
        ma::SPECS,
        tz::SPECS,
        zm::SPECS,
        gt::SPECS,
        ph::SPECS,
        uy::SPECS,
        cr::SPECS,
        hn::SPECS,
        ni::SPECS,
        il::SPECS,
        pt::SPECS,
        ro::SPECS,
        be::SPECS,
        ch::SPECS,
        ie::SPECS,
        no::SPECS,
        dk::SPECS,
        cz::SPECS,
        at::SPECS,
        hk::SPECS,
        hr::SPECS,
        gr::SPECS,
        ee::SPECS,
        lt::SPECS,
        bg::SPECS,
        rs::SPECS,
        lv::SPECS,
        tw::SPECS,
        ua::SPECS,
        jp::SPECS,
        sv::SPECS,
        py::SPECS,
        ug::SPECS,
        qa::SPECS,
        rw::SPECS,
        kz::SPECS,
        zw::SPECS,
        ir::SPECS,
        cu::SPECS,
    ]
    .into_iter()
    .flatten()
}

/// A shape aligned so that its slot `offset` is the first digit of a run.
#[derive(Clone, Copy, Debug)]
struct Probe {
    spec: &'static IdSpec,
    shape: &'static Shape,
    offset: usize,
    /// The pattern byte right after the first digit run (0 at the end of
    /// the pattern): a one-byte test that rejects most probes before any
    /// matching (`ddd-dd-dddd` needs a `-` after three digits).
    next: u8,
    /// The pattern byte right before the first digit (0 at the start).
    prev: u8,
    /// When a literal separator follows the first digit run: how many `d`
    /// slots come after it, and whether exactly that many digits must be
    /// written there (not more: the slot after them takes no digit). One
    /// count of the text's digits rejects most probes before matching
    /// (`dddd dddd dddd` at `2024 prices`).
    second: Option<(u8, bool)>,
    /// Probes with the same pattern and offset share this number, and sit
    /// next to each other in their bucket: the written form is matched once
    /// and only the validators run per kind (`ddddddddd` is five kinds).
    form: u16,
}

impl Probe {
    /// Whether the byte after a digit run of the probe's length can
    /// continue the pattern.
    #[inline]
    fn next_fits(&self, after: Option<&u8>) -> bool {
        match (self.next, after) {
            (0, Some(b)) => !b.is_ascii_alphanumeric(),
            (0, None) => true,
            (b'L' | b'C' | b'X' | b'K', Some(b)) => {
                b.is_ascii_alphanumeric() || *b == b'+' || *b == b'-'
            }
            (literal, Some(b)) => *b == literal,
            (_, None) => false,
        }
    }

    /// Whether `second` digits written after the byte that follows the run
    /// can fill the probe's second run (see [`Probe::second`]).
    #[inline]
    fn second_fits(&self, second: usize) -> bool {
        match self.second {
            Some((k, exact)) => {
                let k = usize::from(k);
                second >= k && (!exact || second == k)
            }
            None => true,
        }
    }

    /// Whether the pattern, aligned on the run at `g`, can start where it
    /// would: its first byte fits there and the match may stand free on
    /// its left (most offsets of `LLLLLLXXLXXLXXXL` start inside a word).
    #[inline]
    fn start_fits(&self, text: &[u8], g: usize) -> bool {
        let Some(start) = g.checked_sub(self.offset) else {
            return false;
        };
        fits(self.shape.pattern.as_bytes()[0], text[start]) && may_start_at(text, start)
    }

    /// Whether the byte before the run can be the pattern's byte there.
    #[inline]
    fn prev_fits(&self, before: Option<&u8>) -> bool {
        match (self.prev, before) {
            (0, _) => true,
            (b'L' | b'X' | b'K', Some(b)) => b.is_ascii_alphabetic(),
            (b'C', Some(b)) => b.is_ascii_alphabetic() || *b == b'+' || *b == b'-',
            (literal, Some(b)) => *b == literal,
            (_, None) => false,
        }
    }
}

/// The detector for every national identifier.
#[derive(Debug)]
pub(crate) struct IdDetector {
    kinds: Vec<Kind>,
    /// Probes whose first digit run has exactly this many digits, by what
    /// follows the run.
    exact: Vec<Buckets>,
    /// Probes whose first run may be longer (it continues into `X`/`K`
    /// slots); those opening with letters only after a letter.
    fuzzy: Vec<Fuzzy>,
    /// [`Self::fuzzy`] by the length of the digit run they can open with
    /// (in their order): `[run].0` after a letter (every offset), `[run].1`
    /// otherwise (offset 0 only). Most runs have no fuzzy probe at all.
    fuzzy_by_run: Vec<(Vec<Fuzzy>, Vec<Fuzzy>)>,
    /// The shapes that open with a digit slot (most of them), read at
    /// each run's first digit by one automaton instead of probes.
    forms: forms::Forms,
}

/// [`IdDetector::fuzzy_by_run`] for `fuzzy`.
fn index_fuzzy(fuzzy: &[Fuzzy]) -> Vec<(Vec<Fuzzy>, Vec<Fuzzy>)> {
    (0..=MAX_SHAPE)
        .map(|run| {
            let fits = |f: &&Fuzzy| (f.min_run..=f.max_run).contains(&run);
            let any = fuzzy.iter().filter(fits).copied().collect();
            let first = fuzzy
                .iter()
                .filter(fits)
                .filter(|f| f.probe.offset == 0)
                .copied()
                .collect();
            (any, first)
        })
        .collect()
}

/// A probe whose first digit run has no fixed length.
#[derive(Clone, Copy, Debug)]
struct Fuzzy {
    /// Its digit run is at least this long (the `d` slots it opens with)
    min_run: usize,
    /// and at most this long (the slots from the first digit that take a
    /// digit), and the pattern byte after a run of that length must fit the
    /// text: `dddddXXdddddddd` is not tried on every long run.
    max_run: usize,
    probe: Probe,
}

impl Fuzzy {
    /// Whether a digit run of `run` digits, followed by `after`, can open
    /// this probe's pattern.
    #[inline]
    fn fits_run(&self, run: usize, after: Option<&u8>) -> bool {
        if !(self.min_run..=self.max_run).contains(&run) {
            return false;
        }
        let pattern = self.probe.shape.pattern.as_bytes();
        match (pattern.get(self.probe.offset + run), after) {
            (None, None) => true,
            (None, Some(b)) => !b.is_ascii_alphanumeric(),
            (Some(&slot), Some(&b)) => fits(slot, b),
            (Some(_), None) => false,
        }
    }
}

/// Probes of one run length: those whose pattern ends after the run, and
/// those continuing with each kind of byte.
#[derive(Clone, Debug, Default)]
struct Buckets {
    end: Vec<Probe>,
    next: [Vec<Probe>; NEXT_CLASSES],
}

const NEXT_CLASSES: usize = 6;

/// The class of a byte after a digit run: a separator the patterns use, or
/// a letter; `None` for anything else (which can only end a pattern).
fn next_class(b: u8) -> Option<usize> {
    match b {
        b' ' => Some(0),
        b'.' => Some(1),
        b'-' => Some(2),
        b'/' => Some(3),
        b'+' => Some(4),
        b if b.is_ascii_alphabetic() => Some(5),
        _ => None,
    }
}

impl Buckets {
    fn retain(&mut self, keep: &dyn Fn(&Probe) -> bool) {
        self.end.retain(|p| keep(p));
        for b in &mut self.next {
            b.retain(|p| keep(p));
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.end.len() + self.next.iter().map(Vec::len).sum::<usize>()
    }
}

impl Default for IdDetector {
    fn default() -> Self {
        IdDetector::new()
    }
}

impl IdDetector {
    pub(crate) fn new() -> IdDetector {
        // Build the keyword automaton now, not on the first scan.
        context::words();
        let mut kinds: Vec<Kind> = Vec::new();
        let mut exact = vec![Buckets::default(); MAX_RUN + 1];
        let mut fuzzy = Vec::new();
        let mut forms: Vec<(&'static str, usize)> = Vec::new();
        let mut digit_first = Vec::new();
        for spec in all_specs() {
            if !kinds.contains(&spec.kind) {
                kinds.push(spec.kind.clone());
            }
            for shape in spec.shapes {
                let p = shape.pattern.as_bytes();
                if opens_with_digit(shape) {
                    digit_first.push((spec, shape));
                    continue;
                }
                debug_assert!(p.len() <= MAX_SHAPE && p.is_ascii());
                // The start of the last run of `d` slots.
                let last_run = p.len() - p.iter().rev().take_while(|&&b| b == b'd').count();
                debug_assert!(!shape.at_last_run || (last_run > 0 && !is_slot(p[last_run - 1])));
                for (offset, &slot) in p.iter().enumerate() {
                    if !matches!(slot, b'd' | b'X' | b'K')
                        || (shape.at_last_run && offset != last_run)
                    {
                        continue;
                    }
                    let run = p[offset..].iter().take_while(|&&b| b == b'd').count();
                    let key = (shape.pattern, offset);
                    let form = forms.iter().position(|&f| f == key).unwrap_or_else(|| {
                        forms.push(key);
                        forms.len() - 1
                    });
                    let probe = Probe {
                        spec,
                        shape,
                        offset,
                        next: p.get(offset + run).copied().unwrap_or(0),
                        prev: offset.checked_sub(1).map_or(0, |i| p[i]),
                        form: u16::try_from(form).expect("fewer than 65536 forms"),
                        second: second_run(p, offset + run),
                    };
                    let continues = matches!(p.get(offset + run), Some(b'X' | b'K'));
                    if slot == b'd' && !continues {
                        let bucket = &mut exact[run.min(MAX_RUN)];
                        match probe.next {
                            0 => bucket.end.push(probe),
                            b'L' => bucket.next[5].push(probe),
                            // The HETU century sign: a letter, `-` or `+`.
                            b'C' => {
                                for c in [5, 2, 4] {
                                    bucket.next[c].push(probe);
                                }
                            }
                            b => match next_class(b) {
                                Some(c) => bucket.next[c].push(probe),
                                None => bucket.end.push(probe),
                            },
                        }
                    } else {
                        let max_run = p[offset..].iter().take_while(|&&b| fits(b, b'0')).count();
                        fuzzy.push(Fuzzy {
                            min_run: run.max(1),
                            max_run,
                            probe,
                        });
                    }
                    // Slots after a digit slot never hold the first digit.
                    if slot == b'd' {
                        break;
                    }
                }
            }
        }
        // Group each bucket by written form (stable: kinds keep their order).
        for bucket in &mut exact {
            bucket.end.sort_by_key(|p| p.form);
            for probes in &mut bucket.next {
                probes.sort_by_key(|p| p.form);
            }
        }
        fuzzy.sort_by_key(|f| f.probe.form);
        IdDetector {
            kinds,
            exact,
            fuzzy_by_run: index_fuzzy(&fuzzy),
            fuzzy,
            forms: forms::Forms::new(digit_first),
        }
    }

    /// The probes that may match around the digit run of `run` digits
    /// starting at `g`, in the order [`Self::at_run`] tries them.
    #[cfg(test)]
    fn probes_at<'a>(&'a self, text: &[u8], g: usize, run: usize) -> std::vec::IntoIter<&'a Probe> {
        let mut probes = Vec::new();
        self.for_each_probe(text, g, run, |p, _| probes.push(p));
        probes.into_iter()
    }

    /// Calls `f` with each probe that may match around the digit run of
    /// `run` digits starting at `g`, and with `second`, the count of digits
    /// written after the byte that follows the run: a cheap look at the
    /// bytes before and after the run, and at that count, rules out most of
    /// them. Plain loops: this runs at every digit run, and iterator
    /// adapters chained here cost more than the checks.
    #[inline]
    fn for_each_probe<'a>(
        &'a self,
        text: &[u8],
        g: usize,
        run: usize,
        mut f: impl FnMut(&'a Probe, usize),
    ) {
        let after = text.get(g + run);
        let before = g.checked_sub(1).and_then(|i| text.get(i));
        let (ends, continues): (&[Probe], &[Probe]) = match self.exact.get(run) {
            None => (&[], &[]),
            Some(b) => match after.map(|&b| next_class(b)) {
                None => (&b.end, &[]),
                Some(None) if after.is_some_and(|b| b.is_ascii_digit()) => (&[], &[]),
                Some(None) => (&b.end, &[]),
                Some(Some(5)) => (&[], &b.next[5]),
                Some(Some(c)) => (&b.end, &b.next[c]),
            },
        };
        let after_letter = before.is_some_and(u8::is_ascii_alphabetic);
        let fuzzies = match self.fuzzy_by_run.get(run) {
            Some((any, _)) if after_letter => any.as_slice(),
            Some((_, first)) => first.as_slice(),
            None => &[],
        };
        if ends.is_empty() && continues.is_empty() && fuzzies.is_empty() {
            return;
        }
        // Counted only for runs that some probe may open.
        let second = digits_after(text, g + run);
        for probes in [ends, continues] {
            for p in probes {
                if p.next_fits(after)
                    && p.second_fits(second)
                    && p.prev_fits(before)
                    && p.start_fits(text, g)
                {
                    f(p, second);
                }
            }
        }
        for fuzzy in fuzzies {
            let p = &fuzzy.probe;
            if fuzzy.fits_run(run, after)
                && p.second_fits(second)
                && p.prev_fits(before)
                && p.start_fits(text, g)
            {
                f(p, second);
            }
        }
    }

    /// Tries every shape at the digit run of `run` digits starting at `g`
    /// (the whole run: `text[g + run]` is not a digit): the forms opening
    /// with it through the automaton, then the probes of the other shapes.
    fn at_run(&self, ctx: &Context<'_>, g: usize, run: usize, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // Context is looked up once per start, and only for valid values.
        let mut around: Option<(usize, Around)> = None;
        let mut buf = [0u8; MAX_SHAPE];
        // A form glued to the letter or digit before it does not stand free
        // (`ORD1234567`), so the automaton need not read it.
        if may_start_at(text, g) {
            self.forms.each_match(text, g, run, |form, end| {
                if form
                    .uses
                    .iter()
                    .all(|&(spec, shape)| !readable_here(ctx, spec, shape))
                {
                    return;
                }
                if !stands_free(text, g, end, form.pattern) {
                    return;
                }
                let Some((_, n)) = match_shape(text, g, form.pattern, &mut buf) else {
                    return;
                };
                let written = Written { start: g, end, n };
                for &(spec, shape) in &form.uses {
                    report(ctx, spec, shape, written, &buf, &mut around, out);
                }
            });
        }
        // The last written form tried and where it matched (a free-standing
        // match only); `buf` holds its letters and digits.
        let mut last: Option<(u16, Option<Written>)> = None;
        self.for_each_probe(text, g, run, |probe, second| {
            let matched = match last {
                Some((form, matched)) if form == probe.form => matched,
                _ => {
                    let matched = match_form(text, g, second, probe, &mut buf);
                    last = Some((probe.form, matched));
                    matched
                }
            };
            if let Some(written) = matched {
                report(
                    ctx,
                    probe.spec,
                    probe.shape,
                    written,
                    &buf,
                    &mut around,
                    out,
                );
            }
        });
    }
}

/// Whether the identifier is written in `shape` at `written` (slot
/// characters in `buf`): validates it, weighs the context, and reports it.
/// `around` memoizes the context words before one start.
fn report(
    ctx: &Context<'_>,
    spec: &'static IdSpec,
    shape: &'static Shape,
    written: Written,
    buf: &[u8; MAX_SHAPE],
    around: &mut Option<(usize, Around)>,
    out: &mut Vec<Finding>,
) {
    let Written { start, end, n } = written;
    // Decided before the validation and the context words, which cost more.
    if !readable_here(ctx, spec, shape) || shape.confirmed_by.is_some_and(|by| !by(ctx, start, end))
    {
        return;
    }
    // One digit over and over (`999999999`, `000000000`), or before a
    // check digit (`111111110`, a test value eleven-proof passes), is a
    // form's placeholder, and one digit then zeros (`10000000000`) a round
    // count: no office issues either, though many checks pass them.
    if !(spec.validate)(&buf[..n])
        || buf[..n - 1].iter().all(|&b| b == buf[0])
        || buf[1..n].iter().all(|&b| b == b'0')
    {
        return;
    }
    let ctx_words = match around {
        Some((s, a)) if *s == start => a,
        _ => {
            let a = context::words().before(ctx.text, start);
            &around.insert((start, a)).1
        }
    };
    // The digits of a link are its ids (`story.php?story_fbid=…`), unless
    // the link names the identifier (`?aadhaar=…`).
    if !ctx_words.names(&spec.kind) && crate::text::within_link(ctx.text, start) {
        return;
    }
    let Some(confidence) = confidence(ctx, spec, shape, ctx_words) else {
        return;
    };
    out.push(Finding {
        kind: spec.kind.clone(),
        start,
        end,
        confidence,
        normalized: String::from_utf8_lossy(&buf[..n]).into_owned(),
    });
}

/// Whether `shape` of `spec` can be reported in this scan's region at all:
/// a [`Strength::HomeKeyword`] shape only in its country.
#[inline]
fn readable_here(ctx: &Context<'_>, spec: &IdSpec, shape: &Shape) -> bool {
    shape.strength != Strength::HomeKeyword || ctx.region.is_some_and(|r| r.code() == spec.country)
}

/// Whether a match starting at `start` can stand free on its left: the
/// byte before it is no ASCII letter or digit, unless it ends an escape
/// written as text (`\n`). A cheap test that [`free_standing`] implies.
#[inline]
fn may_start_at(text: &[u8], start: usize) -> bool {
    start == 0
        || !text[start - 1].is_ascii_alphanumeric()
        || crate::text::escape_ends_at(text, start)
}

/// Whether a shape opens with a digit slot, so that the form automaton
/// reads it (see [`forms`]).
fn opens_with_digit(shape: &Shape) -> bool {
    shape.pattern.starts_with('d') && !shape.at_last_run
}

/// The confidence of a valid match, or `None` when its shape needs more
/// support than the context gives.
fn confidence(ctx: &Context<'_>, spec: &IdSpec, shape: &Shape, around: &Around) -> Option<f32> {
    let home = ctx.region.is_some_and(|r| r.code() == spec.country);
    // "for KYC: …" names the identifiers of the conversation's country,
    // unless it goes on to name one ("for KYC: BVN …").
    let kind = &spec.kind;
    let identity = home && around.names_identity() && !around.names_another_identifier(kind);
    // A keyword of the kind before the veto word nearest the value names
    // it still: the veto word tells what the identifier is for (`CPF do
    // pedido: …`, `RUC para factura …`).
    let named =
        (around.names(kind) || identity) && !around.vetoed || around.named_before_veto(kind);
    // Two countries' identifiers can share a written form (`25.239.186-K`
    // is a Chilean RUT, and a Spanish NIF with the letter K): the
    // conversation's country breaks the tie.
    let home_bonus = if home { CONF_HOME_BONUS } else { 0.0 };
    match shape.strength {
        Strength::Strong if named => Some(raised_confidence(CONF_STRONG_NAMED, home_bonus)),
        // Another country's identifier right after a veto word is the
        // reference it names (`UPI ref no TXN281228341` in India is no
        // Mexican RFC).
        Strength::Strong if around.vetoed && !home => None,
        // A shape plain enough by itself, after a keyword for another
        // identifier: below what that keyword's own detector reports
        // (`passport no. T9581376Z` is a passport that also fits an NRIC).
        Strength::Strong if around.names_another_identifier(kind) => Some(CONF_STRONG_OTHER),
        Strength::Strong => Some(raised_confidence(CONF_STRONG, home_bonus)),
        Strength::Named if around.names(kind) && !around.vetoed => Some(CONF_STRONG_NAMED),
        // One keyword can name several countries' numbers of one form
        // (`DNI 45678912` in Peru or Argentina): the conversation's country
        // breaks the tie here too.
        Strength::HomeKeyword if !home => None,
        _ if named => Some(raised_confidence(CONF_NAMED, home_bonus)),
        // Unnamed at home: below any card, so that a Luhn-valid card stays
        // a card, and not after a card word (the digits are a card, maybe
        // mistyped).
        Strength::Named if home && !around.vetoed && !around.names(&Kind::CreditCard) => {
            Some(CONF_BARE_HOME)
        }
        // At home unnamed, unless the nearest word says it is an order's
        // or a parcel's (`pedido 1-1234-5678`); named further back, it
        // stays the identifier (`aadhaar for the booking: 6954 9026 7308`).
        Strength::Home if home && (!around.vetoed || around.names(kind)) => Some(CONF_HOME),
        Strength::Bare | Strength::Checked if home && !around.vetoed => Some(CONF_BARE_HOME),
        // A checksum-valid value of another country, unnamed: weak evidence,
        // below the default threshold (issue 13: masked by leak-averse roles).
        Strength::Checked | Strength::Bare if !around.vetoed => Some(CONF_WEAK),
        _ => None,
    }
}

/// How many digits are written after the byte at `at` (which follows a
/// digit run): what [`Probe::second`] is compared with.
fn digits_after(text: &[u8], at: usize) -> usize {
    text.get(at + 1..)
        .map_or(0, |t| t.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// The `second` of a probe whose first digit run ends at `at` in `pattern`.
fn second_run(pattern: &[u8], at: usize) -> Option<(u8, bool)> {
    let literal = pattern.get(at).is_some_and(|&b| !is_slot(b));
    if !literal {
        return None;
    }
    let k = pattern[at + 1..].iter().take_while(|&&b| b == b'd').count();
    let exact = !matches!(pattern.get(at + 1 + k), Some(b'X' | b'K'));
    Some((u8::try_from(k).ok()?, exact))
}

/// Where a written form matched: its byte range and how many slot
/// characters it put in the buffer.
#[derive(Clone, Copy, Debug)]
struct Written {
    start: usize,
    end: usize,
    n: usize,
}

/// Where `probe`'s written form matches around the digit run at `g`, with
/// the slot characters in `buf`, if it matches and stands free (not glued
/// to a longer word, number or `+` number).
/// `second` is the number of digits written after the byte that follows
/// the run (see [`Probe::second`]).
fn match_form(
    text: &[u8],
    g: usize,
    second: usize,
    probe: &Probe,
    buf: &mut [u8; MAX_SHAPE],
) -> Option<Written> {
    if !probe.second_fits(second) {
        return None;
    }
    let start = g.checked_sub(probe.offset)?;
    // The first digit of a match opens its first run (the run before is
    // probed by itself), except in shapes probed at their last run.
    if !probe.shape.at_last_run && text[start..g].iter().any(u8::is_ascii_digit) {
        return None;
    }
    let pattern = probe.shape.pattern.as_bytes();
    let (end, n) = match_shape(text, start, pattern, buf)?;
    stands_free(text, start, end, pattern).then_some(Written { start, end, n })
}

/// Whether a match of `pattern` at `text[start..end]` stands by itself: not
/// part of a longer grouping, glued to a word or number, or after a `+`.
fn stands_free(text: &[u8], start: usize, end: usize, pattern: &[u8]) -> bool {
    !grouping_goes_on(text, start, end, pattern)
        && free_standing(text, start, end)
        && !after_plus(text, start)
        && !dialled_abroad(text, start, end)
}

/// Whether a match of a space-grouped pattern is part of a longer number
/// grouped the same way: another group of as many digits as the pattern's
/// first (last) group, written with a space right before (after) it, or
/// before it the head of an IBAN (two capitals and two digits). The last
/// twelve digits of `5344 5469 1810 2687`, a card or a VID, are no Aadhaar
/// number, nor is the middle of `CH31 6667 7706 5686 M276 6` (an IBAN whose
/// check fails); `2341 2341 2346 9876543210` still holds one, and so does
/// `NHS number 626 700 3795 IPv6 …` an NHS number.
fn grouping_goes_on(text: &[u8], start: usize, end: usize, pattern: &[u8]) -> bool {
    let Some(first_space) = pattern.iter().position(|&b| b == b' ') else {
        return false;
    };
    let last_space = pattern
        .iter()
        .rposition(|&b| b == b' ')
        .unwrap_or(first_space);
    let group = |p: &[u8]| p.iter().all(|&b| b == b'd').then_some(p.len());
    let digits_run = |from: usize, forward: bool| -> usize {
        let mut k = 0;
        loop {
            let i = if forward {
                from + k
            } else {
                match from.checked_sub(k + 1) {
                    Some(i) => i,
                    None => return k,
                }
            };
            if !text.get(i).is_some_and(u8::is_ascii_digit) {
                return k;
            }
            k += 1;
        }
    };
    // Digits that start a word or count before one (`3pm`, `2 times`), or
    // end one (`room4`), are no group of it.
    let after = group(&pattern[last_space + 1..]).is_some_and(|len| {
        text.get(end) == Some(&b' ')
            && digits_run(end + 1, true) == len
            && !crate::text::digits_start_a_word(text, end + 1)
    });
    let before = group(&pattern[..first_space]).is_some_and(|len| {
        start >= 1
            && text[start - 1] == b' '
            && ((digits_run(start - 1, false) == len
                && !(start - 1 - len)
                    .checked_sub(1)
                    .is_some_and(|i| text[i].is_ascii_alphabetic()))
                || iban_head_before(text, start - 1))
    });
    after || before
}

/// Whether `text[..at]` ends with an IBAN's head, two capitals and two
/// digits standing as a word (`CH31`).
fn iban_head_before(text: &[u8], at: usize) -> bool {
    at >= 4
        && text[at - 4..at - 2].iter().all(u8::is_ascii_uppercase)
        && text[at - 2..at].iter().all(u8::is_ascii_digit)
        && (at == 4 || !text[at - 5].is_ascii_alphanumeric())
}

/// Matches `pattern` at `text[start..]`, collecting the slot characters (upper
/// case) into `buf`. Returns the end of the match and the slot count.
fn match_shape(
    text: &[u8],
    start: usize,
    pattern: &[u8],
    buf: &mut [u8; MAX_SHAPE],
) -> Option<(usize, usize)> {
    let written = text.get(start..start + pattern.len())?;
    let mut n = 0;
    for (&p, &b) in pattern.iter().zip(written) {
        if !fits(p, b) {
            return None;
        }
        if is_slot(p) {
            if n == buf.len() {
                return None;
            }
            buf[n] = b.to_ascii_uppercase();
            n += 1;
        }
    }
    Some((start + pattern.len(), n))
}

/// Whether a pattern byte is a slot (as opposed to a literal).
#[inline]
fn is_slot(p: u8) -> bool {
    matches!(p, b'd' | b'L' | b'X' | b'K' | b'C')
}

/// Whether text byte `b` fits pattern byte `p`: a slot's class, or the
/// literal itself.
#[inline]
fn fits(p: u8, b: u8) -> bool {
    match p {
        b'd' => b.is_ascii_digit(),
        b'L' => b.is_ascii_alphabetic(),
        b'X' => b.is_ascii_alphanumeric(),
        b'K' => b.is_ascii_digit() || b == b'K' || b == b'k',
        b'C' => b.is_ascii_alphabetic() || b == b'+' || b == b'-',
        literal => b == literal,
    }
}

/// Whether `start` continues a number written with `+` (`+81 191-85-9003`
/// is a phone number, not an SSN after a calling code).
fn after_plus(text: &[u8], start: usize) -> bool {
    let mut i = start;
    for _ in 0..6 {
        match char_before(text, i) {
            (Some('+' | '\u{FF0B}'), _) => return true,
            (Some(c), w) if c == ' ' || c == '(' || c == ')' || c.is_ascii_digit() => i -= w,
            _ => return false,
        }
    }
    false
}

/// Whether `start..end` (digits and separators) ends a number dialled
/// with an international prefix and a calling code, as `+` does for
/// [`after_plus`]: `00 81 858-92-8256` from Argentina and `001 81
/// 143-12-4782` from Korea are Japanese phone numbers, not SSNs. The
/// prefix (`00…`, `010` or `011`) and the code stand as groups of their
/// own before the value, or glued (`0081 …`), as the phone detector reads
/// them, and the whole must be a valid number.
fn dialled_abroad(text: &[u8], start: usize, end: usize) -> bool {
    const MOST: usize = 10;
    if start == 0 || text[start - 1] != b' ' {
        return false;
    }
    let mut from = start - 1;
    while from > 0 && matches!(text[from - 1], b'0'..=b'9' | b' ') {
        from -= 1;
        if start - from > MOST {
            return false;
        }
    }
    while from < start && text[from] == b' ' {
        from += 1;
    }
    // Glued to a word (`ref00 81 …`): no dialled number.
    if from > 0 && text[from - 1].is_ascii_alphanumeric() {
        return false;
    }
    let mut groups = text[from..start]
        .split(|&b| b == b' ')
        .filter(|g| !g.is_empty());
    let (idd_and_code, code) = match (groups.next(), groups.next(), groups.next()) {
        (Some(idd), Some(code), None)
            if idd.starts_with(b"00") || idd == b"010" || idd == b"011" =>
        {
            (idd, code)
        }
        (Some(glued), None, None) if glued.starts_with(b"00") => (glued, &glued[2..]),
        _ => return false,
    };
    if idd_and_code.len() > 6 || !(1..=3).contains(&code.len()) {
        return false;
    }
    let mut digits = [0u8; 24];
    digits[..code.len()].copy_from_slice(code);
    let mut n = code.len();
    for &b in &text[start..end] {
        match b {
            b'0'..=b'9' if n < digits.len() => {
                digits[n] = b;
                n += 1;
            }
            b' ' | b'-' | b'.' => {}
            _ => return false,
        }
    }
    crate::detect::phone::metadata::TABLES
        .parse_international(&digits[..n], true)
        .is_some_and(|(calling_code, _)| num(code) == u32::from(calling_code))
}

/// Not part of a longer word, number or code on either side.
fn free_standing(text: &[u8], start: usize, end: usize) -> bool {
    // Letters of scripts written without spaces (我的11010519…) do not glue.
    let glued = |c: Option<char>| {
        c.is_some_and(|c| {
            is_numeric(c)
                || is_latin_letter(c)
                || (is_alphabetic(c) && (c as u32) < 0x2E80)
                || matches!(
                    c,
                    '_' | '@'
                        | '+'
                        | '#'
                        | '$'
                        | '€'
                        | '£'
                        | '¥'
                        | '₹'
                        | crate::policy::mask::BULLET
                )
        })
    };
    // `\n`, `\r`, `\t` written as text are white space, as for phones
    // and cards (`SSN:\n536-90-4399` from a double-escaped log).
    let before = if crate::text::escape_ends_at(text, start) {
        Some(' ')
    } else {
        char_before(text, start).0
    };
    let after = if crate::text::escape_starts_at(text, end) {
        Some(' ')
    } else {
        char_at(text, end).0
    };
    if glued(before) || glued(after) {
        return false;
    }
    // A separator joining another digit group continues the number.
    let joins = |c: Option<char>, next: Option<char>| {
        matches!(c, Some('.' | '-' | '/' | ',' | ':'))
            && next.is_some_and(|n| n.is_ascii_alphanumeric())
    };
    let before2 = before.and_then(|c| char_before(text, start - c.len_utf8()).0);
    let after2 = after.and_then(|c| char_at(text, end + c.len_utf8()).0);
    // Before: `OD-687571340` is a code, `1.390.533…` a longer number; a
    // label with a colon (`CPF:390…`) is fine.
    let code_before = matches!(before, Some('.' | '-' | '/'))
        && before2.is_some_and(|c| c.is_ascii_alphanumeric());
    let number_before = joins(before, before2) && before2.is_some_and(|c| c.is_ascii_digit());
    // A last letter elided before a word is that word's (`MA328445 C'est`,
    // French: the passport number ends at the digits, no NINO's letter).
    let elided = end > start
        && text[end - 1].is_ascii_alphabetic()
        && matches!(after, Some('\'' | '’'))
        && after2.is_some_and(is_alphabetic);
    !code_before && !number_before && !joins(after, after2) && !elided
}

impl Detector for IdDetector {
    fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn select(&mut self, selected: &dyn Fn(&Kind) -> bool) {
        self.kinds.retain(|k| selected(k));
        for bucket in &mut self.exact {
            bucket.retain(&|p: &Probe| selected(&p.spec.kind));
        }
        self.fuzzy.retain(|f| selected(&f.probe.spec.kind));
        self.fuzzy_by_run = index_fuzzy(&self.fuzzy);
        self.forms = self.forms.retain(selected);
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let end = span.end.min(text.len());
        let mut i = span.start;
        while i < end {
            if text[i].is_ascii_digit() {
                // The whole run (past the span's end too), counted once
                // here; the rest of it starts nothing.
                let g = i;
                i += 1;
                while i < text.len() && text[i].is_ascii_digit() {
                    i += 1;
                }
                if g == 0 || !text[g - 1].is_ascii_digit() {
                    self.at_run(ctx, g, i - g, out);
                }
            } else {
                i += 1;
            }
        }
    }
}

// Helpers shared by the validators.

/// The number spelled by ASCII digits (callers pass at most 9 digits).
pub(crate) fn num(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |v, &d| {
        v.wrapping_mul(10)
            .wrapping_add(u32::from(d.wrapping_sub(b'0')))
    })
}

/// The latest birth year an identifier's embedded date is read as. A fixed
/// year, not the clock's: a scan's result must not change with the day it
/// runs (python-stdnum compares with today). Numbers of people born in the
/// next few years are read; a product barcode or a count that decodes to
/// a birth in the 2090s is not.
pub(crate) const LAST_BIRTH_YEAR: u32 = 2030;

/// Whether `year-month-day` is a real date of the Gregorian calendar.
pub(crate) fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Whether every byte is an ASCII digit and there are exactly `n`.
pub(crate) fn digits_n(s: &[u8], n: usize) -> bool {
    s.len() == n && s.iter().all(u8::is_ascii_digit)
}

/// Whether `digits` hold some digit other than `0` (no office issues
/// `000000000`).
pub(crate) fn not_all_zeros(digits: &[u8]) -> bool {
    digits.iter().any(|&b| b != b'0')
}

#[cfg(test)]
pub(crate) mod testutil {
    use crate::finding::Kind;

    /// Asserts that `validate` accepts every value and rejects every
    /// one-digit change of each (for checksums that guarantee it).
    pub(crate) fn valid_and_one_digit_changes_rejected(
        validate: fn(&[u8]) -> bool,
        values: &[&str],
    ) {
        for v in values {
            assert!(validate(v.as_bytes()), "{v} should be valid");
            crate::checksum::tests::for_each_one_digit_change(v.as_bytes(), |c| {
                assert!(
                    !validate(c),
                    "{} should be invalid",
                    String::from_utf8_lossy(c)
                )
            });
        }
    }

    /// The values of a vector file of `tests/data/ids/` (one a line).
    pub(crate) fn lines(file: &'static str) -> Vec<&'static str> {
        file.lines().filter(|l| !l.is_empty()).collect()
    }

    /// Asserts that `validate` accepts every value and rejects every change
    /// of one character to another digit or upper-case letter (for check
    /// characters over letters and digits, and for letters the structure
    /// fixes).
    pub(crate) fn valid_and_one_char_changes_rejected(
        validate: fn(&[u8]) -> bool,
        values: &[&str],
    ) {
        for v in values {
            assert!(validate(v.as_bytes()), "{v} should be valid");
            let mut buf = v.as_bytes().to_vec();
            for i in 0..buf.len() {
                let orig = buf[i];
                for c in (b'0'..=b'9').chain(b'A'..=b'Z') {
                    if c != orig {
                        buf[i] = c;
                        assert!(
                            !validate(&buf),
                            "{} should be invalid",
                            String::from_utf8_lossy(&buf)
                        );
                    }
                }
                buf[i] = orig;
            }
        }
    }

    /// For check digits that map two remainders to one character (mod 11
    /// with `10 → 0`, mod 10 with even weights): accepts every value and
    /// returns how many of its one-digit changes still pass, which callers
    /// bound and explain.
    pub(crate) fn one_digit_escapes(
        validate: fn(&[u8]) -> bool,
        values: &[&str],
    ) -> (usize, usize) {
        let (mut escaped, mut total) = (0, 0);
        for v in values {
            assert!(validate(v.as_bytes()), "{v} should be valid");
            crate::checksum::tests::for_each_one_digit_change(v.as_bytes(), |c| {
                total += 1;
                escaped += usize::from(validate(c));
            });
        }
        (escaped, total)
    }

    /// Scans `text` for identifier kinds only, with a region hint.
    pub(crate) fn scan(text: &str, region: Option<&str>) -> Vec<(Kind, String)> {
        let mut b = crate::Scanner::builder().kinds(
            crate::Kind::BUILTIN
                .iter()
                .filter(|k| k.builtin_code().is_some_and(|c| c >= 10))
                .cloned(),
        );
        if let Some(r) = region {
            b = b.region(r);
        }
        let scanner = b.build().unwrap();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| (f.kind.clone(), text[f.range()].to_string()))
            .collect()
    }

    /// Every identifier shape survives arbitrary bytes around it.
    #[test]
    fn never_panics_on_any_bytes() {
        let d = super::IdDetector::new();
        let texts: [&[u8]; 6] = [
            b"\xff123.456.789-09\xfe",
            b"ABCDE1234F\xe4",
            b"\xe4\xb8X1234567L",
            b"010190-123A 12.345.678-K 1 85 05 2A 123 456 78",
            b"\xe4 00 81 858-92-8256 0081 191-85-9003",
            b"1",
        ];
        for t in texts {
            let ctx = super::Context::new(t, Some(crate::Region::new("CL").unwrap()));
            for s in 0..t.len() {
                for e in s..=t.len() {
                    let mut out = Vec::new();
                    super::Detector::detect(&d, &ctx, super::Span { start: s, end: e }, &mut out);
                }
            }
        }
    }

    /// A last letter elided before the next word belongs to that word.
    #[test]
    fn an_elided_letter_is_the_next_words() {
        assert!(scan("NINO JG 10 37 26 A, thanks", Some("GB"))
            .contains(&(Kind::GbNino, "JG 10 37 26 A".into())));
        assert!(scan("NINO JG103726A.", Some("GB")).contains(&(Kind::GbNino, "JG103726A".into())));
        let french = scan("numéro de passeport MA328445 C'est combien ?", Some("CA"));
        assert!(
            !french.iter().any(|(k, _)| *k == Kind::GbNino),
            "{french:?}"
        );
        let typographic = scan("passeport MA328445 C’est combien ?", Some("FR"));
        assert!(
            !typographic.iter().any(|(k, _)| *k == Kind::GbNino),
            "{typographic:?}"
        );
    }

    #[test]
    fn selection_drops_unselected_probes() {
        use super::Detector;
        let mut d = super::IdDetector::new();
        d.select(&|k| *k == Kind::BrCpf);
        assert_eq!(d.kinds(), [Kind::BrCpf]);
        let probes = d.exact.iter().map(super::Buckets::len).sum::<usize>() + d.fuzzy.len();
        // The CPF's six shapes.
        assert_eq!(probes + d.forms.uses(), 6);
    }

    /// The documented phone-versus-identifier decisions (module docs).
    #[test]
    fn identifier_or_phone() {
        let scanner = |r: &str| crate::Scanner::builder().region(r).build().unwrap();
        let kinds = |r: &str, t: &str| -> Vec<(String, String)> {
            scanner(r)
                .scan(t)
                .iter()
                .map(|f| (f.kind.to_string(), t[f.range()].to_string()))
                .collect()
        };
        // 11987654374: a valid São Paulo mobile number and a valid CPF.
        assert!(crate::detect::ids::br::cpf(b"11987654374"));
        assert_eq!(
            kinds("BR", "me liga 11987654374"),
            [("phone".into(), "11987654374".into())]
        );
        assert_eq!(
            kinds("BR", "ok 11987654374"),
            [("phone".into(), "11987654374".into())]
        );
        assert_eq!(
            kinds("BR", "meu CPF 11987654374"),
            [("br_cpf".into(), "11987654374".into())]
        );
        assert_eq!(
            kinds("BR", "119.876.543-74"),
            [("br_cpf".into(), "119.876.543-74".into())]
        );
        // 919876543210: 91 + an Indian mobile number, and Verhoeff-valid.
        assert!(crate::detect::ids::in_::aadhaar(b"919876543216"));
        assert_eq!(
            kinds("IN", "ok 919876543216"),
            [("phone".into(), "919876543216".into())]
        );
        assert_eq!(
            kinds("IN", "aadhaar 919876543216"),
            [("in_aadhaar".into(), "919876543216".into())]
        );
        // A formatted ZA ID beats the phone number hiding in its tail.
        assert_eq!(
            kinds("ZA", "KYC: 800101 5009 087"),
            [("za_id".into(), "800101 5009 087".into())]
        );
    }

    /// A space-grouped identifier inside a longer number grouped the same
    /// way is not reported; beside a number grouped otherwise it is.
    #[test]
    fn longer_groupings_are_not_identifiers() {
        assert!(scan("my card 5344 2341 2341 2346 got declined", Some("IN")).is_empty());
        assert!(scan("sent 2341 2341 2346 8101 pls", Some("IN")).is_empty());
        // The middle of an IBAN (a hard negative of the corpus: its check
        // fails) is no Aadhaar or My Number.
        assert!(scan("IBAN CH31 2341 2341 2346 M276 6?", Some("IN")).is_empty());
        assert!(scan("IBAN CH31 6667 7706 5686 M276 6?", Some("JP")).is_empty());
        assert_eq!(
            scan("call 2341 2341 2346 asap", Some("IN")),
            [(Kind::InAadhaar, "2341 2341 2346".into())]
        );
        assert_eq!(
            scan("NHS number 626 700 3795 IPv6: 44.129.201.155", None),
            [(Kind::GbNhs, "626 700 3795".into())]
        );
        assert_eq!(
            scan("aadhaar 2341 2341 2346 9876543210", Some("IN")),
            [(Kind::InAadhaar, "2341 2341 2346".into())]
        );
        assert_eq!(
            scan("NHS number: 943 476 5919 ok", None),
            [(Kind::GbNhs, "943 476 5919".into())]
        );
    }

    /// Bare checksum-valid identifiers of another country are weak evidence:
    /// 0.4, dropped at the default threshold, masked by a leak-averse one.
    #[test]
    fn weak_evidence_below_the_default_threshold() {
        let found = |min: f32, region: &str, text: &str| -> Vec<(Kind, f32)> {
            let scanner = crate::Scanner::builder()
                .region(region)
                .min_confidence(min)
                .build()
                .unwrap();
            scanner
                .scan(text)
                .into_iter()
                .map(|f| (f.kind, f.confidence))
                .collect()
        };
        // A Thai ID and a CLABE in a Brazilian chat, without a keyword.
        for (value, kind) in [
            ("1103702071811", Kind::ThId),
            ("002010077777777771", Kind::MxClabe),
        ] {
            let text = format!("segue {value} ok");
            assert!(found(0.5, "BR", &text).is_empty(), "{text}");
            assert_eq!(found(0.3, "BR", &text), [(kind.clone(), super::CONF_WEAK)]);
            // A veto word still rules it out.
            assert!(found(0.3, "BR", &format!("pedido {value}")).is_empty());
        }
        // At home 0.75, with a keyword 0.93.
        assert_eq!(
            found(0.5, "TH", "1103702071811"),
            [(Kind::ThId, super::CONF_BARE_HOME)]
        );
        assert_eq!(
            found(0.5, "BR", "CLABE 002010077777777771"),
            [(Kind::MxClabe, super::CONF_NAMED)]
        );
        // Structure-only numbers stay unreported without their keyword.
        for text in ["22123456789", "4210112345672", "J8369854"] {
            let ids = found(0.0, "GB", text);
            assert!(
                ids.iter()
                    .all(|(k, _)| !matches!(k, Kind::NgBvn | Kind::PkCnic | Kind::InPassport)),
                "{text}: {ids:?}"
            );
        }
    }

    /// References after their words in the markets' languages, and a
    /// foreign identifier's shape after a veto word, are not identifiers
    /// or cards; "No. KP" names a Malaysian NRIC.
    #[test]
    fn references_in_the_markets_languages() {
        let all = crate::Scanner::builder().build().unwrap();
        let kinds = |region: &str, text: &str| -> Vec<Kind> {
            all.scan_in(text, crate::Region::new(region).unwrap())
                .into_iter()
                .map(|f| f.kind)
                .collect()
        };
        assert!(kinds("SA", "رقم الشحنة 36484699176458162 متوقف").is_empty());
        assert!(kinds("VN", "mã vận đơn 8164175565715949159 không").is_empty());
        assert!(kinds("IN", "UPI ref no TXN281228341, pls revert").is_empty());
        assert_eq!(
            kinds("SG", "我的no. KP 720117124900 Thanks"),
            [Kind::MyNric]
        );
        // A shape plain by itself yields to another identifier's keyword:
        // a passport number that also fits a Singapore NRIC.
        assert_eq!(
            kinds("PH", "Hi, passport no. T9581376Z? Yung order"),
            [Kind::Passport]
        );
        assert_eq!(kinds("SG", "my NRIC T9581376Z"), [Kind::SgNric]);
        // Identity words of the markets name the home country's number.
        assert_eq!(kinds("KR", "본인확인 8201161627199"), [Kind::KrRrn]);
        assert!(kinds("TH", "เลขที่รายการ 66025219786 ลด").is_empty());
    }

    /// Chat messages full of numbers that are not personal data, in the
    /// regions whose identifiers they resemble: no identifier, card, IBAN
    /// or IP address may be reported.
    #[test]
    fn hard_negatives_in_chat() {
        let cases = [
            (
                "US",
                "order #536904399 shipped, tracking 1Z999AA10123456784",
            ),
            (
                "US",
                "your OTP is 536904 and expires at 10:45, total $1,234.56",
            ),
            ("US", "invoice 2024-0012 due 03/15/2024, ref 536904399"),
            ("BR", "pedido 39053344705 saiu para entrega, R$ 1.234,56"),
            ("BR", "protocolo 20240315123456, código 4411"),
            ("IN", "UTR 234123412346 credited Rs 4,500.00 on 12-03-2024"),
            ("IN", "call me at 98765 43210 after 6pm"),
            ("PL", "zamówienie 44051401359 dostarczone 12.03.2024"),
            (
                "DE",
                "Bestellung 36574261809 vom 12.03.2024, Betrag 49,99 €",
            ),
            ("DE", "Sendungsnummer 00340434161094042557"),
            ("NL", "bestelling 123456782 is onderweg"),
            ("FR", "commande n° 185057800608491, livraison le 12/03"),
            ("GB", "order ref 9434765919, call 020 7946 0018"),
            ("CA", "ticket 123456782 opened"),
            ("CN", "订单号：110105194912310021 已发货"),
            ("KR", "주문 9710101234561 배송 완료"),
            ("ZA", "order 7503305044089 paid R1,250.00"),
            ("TR", "sipariş no 17291716060 kargoya verildi"),
            ("SE", "beställning 8803200016 skickad"),
            ("AR", "pedido 20267565393 en camino, $ 15.000"),
            ("CL", "boleta 12.531.909 por $25.990"),
            (
                "ID",
                "pesanan 3171234512850001 sudah dikirim, resi JNE123456789",
            ),
            ("NG", "Ref: 12345678901, amount ₦25,000"),
            ("AU", "order 123456782 dispatched, AUD 59.95"),
            ("IN", "app version 1.2.3.4 crashes, build 10.0.19041.1"),
            ("DE", "OID 1.3.6.1.4.1.311 und Version 2.5.4.3"),
            ("US", "meeting 10:30-11:45, room 4.2.1"),
            ("IN", "card ending 1111, amount 4111.11"),
            // Reference words shared with the phone detector.
            ("IN", "मेरा ऑर्डर नंबर 695191354166 अभी तक नहीं आया"),
            ("AR", "Mi orden 34249659569 no ha llegado"),
            ("IN", "bill 695191354166 paid"),
            ("BR", "comprovante 52998224725 enviado"),
            // The ids of links (a VID's and an Aadhaar's shapes).
            (
                "IN",
                "https://m.facebook.com/story.php?story_fbid=2750214555247342&id=1",
            ),
            ("IN", "see www.example.in/u/234123412346 ok"),
            // A video call's room.
            ("NG", "Meeting ID: 98157157292 Passcode: 123456"),
            ("BR", "Meeting I'd:96428679744"),
            // A form's placeholder.
            ("US", "ssn 999999999"),
            ("US", "itin 999-99-9999"),
            ("BR", "cpf 11111111111"),
        ];
        // A link ends where Chinese text glued to it starts.
        let found = scan(
            "加微信https://api.whatsapp.com/send?phone=8613164728416。110105198705194132 验证码",
            Some("CN"),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        for (region, text) in cases {
            let found = scan(text, Some(region));
            assert!(found.is_empty(), "{region} {text}: {found:?}");
            let scanner = crate::Scanner::builder()
                .region(region)
                .kinds([Kind::CreditCard, Kind::Iban, Kind::IpAddress])
                .build()
                .unwrap();
            assert!(scanner.scan(text).is_empty(), "{region} {text}");
        }
    }

    #[test]
    fn a_link_that_names_the_identifier_carries_it() {
        let found = scan("https://example.in/kyc?aadhaar=234123412346", Some("IN"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::InAadhaar);
    }

    /// Neither the automaton nor the bucketing hides a shape: every shape,
    /// written out, is matched (by the automaton) or offered (as a probe)
    /// at its first digit.
    #[test]
    fn every_shape_is_probed() {
        let d = super::IdDetector::new();
        for spec in super::all_specs() {
            for shape in spec.shapes {
                let p = shape.pattern.as_bytes();
                let Some(first) = p.iter().position(|&b| b == b'd') else {
                    continue;
                };
                let first = if shape.at_last_run {
                    p.len() - p.iter().rev().take_while(|&&b| b == b'd').count()
                } else {
                    first
                };
                // Letters before the first digit, digits from it on.
                let written: Vec<u8> = p
                    .iter()
                    .enumerate()
                    .map(|(i, &b)| match b {
                        b'd' | b'K' => b'1',
                        b'X' if i >= first => b'1',
                        b'L' | b'X' => b'A',
                        b'C' => b'-',
                        lit => lit,
                    })
                    .collect();
                let text = [&b" "[..], &written, b" "].concat();
                let g = 1 + first;
                if super::opens_with_digit(shape) {
                    let mut found = false;
                    let run = text[g..].iter().take_while(|b| b.is_ascii_digit()).count();
                    d.forms.each_match(&text, g, run, |form, end| {
                        found |= form.pattern == p
                            && end == g + p.len()
                            && form.uses.iter().any(|&(_, s)| std::ptr::eq(s, shape));
                    });
                    assert!(found, "{}", shape.pattern);
                    continue;
                }
                let run = text[g..].iter().take_while(|b| b.is_ascii_digit()).count();
                assert!(
                    d.probes_at(&text, g, run)
                        .any(|pr| std::ptr::eq(pr.shape, shape) && pr.offset == first),
                    "{}",
                    shape.pattern
                );
            }
        }
    }

    #[test]
    fn shapes_are_ascii_and_short() {
        for spec in super::all_specs() {
            for shape in spec.shapes {
                assert!(shape.pattern.is_ascii() && shape.pattern.len() <= super::MAX_SHAPE);
                assert!(
                    shape.pattern.bytes().any(|b| b == b'd' || b == b'X'),
                    "{}",
                    shape.pattern
                );
            }
            crate::Region::new(spec.country).unwrap();
        }
    }
}
