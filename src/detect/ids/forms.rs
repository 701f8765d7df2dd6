//! The written forms that open with a digit, as one automaton.
//!
//! Most identifier shapes start with a digit slot (`ddd.ddd.ddd-dd`,
//! `dddd dddd dddd`, eleven bare digits …), so they can only start where a
//! digit run starts. Probing them one by one at every run cost about 700
//! instructions per run on dense chat: picking the few candidate shapes,
//! then matching each byte by byte, and most matches fail a few bytes in.
//! Every such shape is a fixed-length string of byte classes, so all of
//! them fit one deterministic automaton read once from the run's first
//! digit: a table step per byte, until no shape can continue (usually a
//! byte or two past the run). A state is "this many bytes read, these
//! forms still possible"; it accepts the forms whose length it has reached.
//!
//! The automaton is built when the scanner is, by subset construction over
//! the forms (no regular-expression compiler at run time): a few hundred
//! states of a dozen byte classes, built in well under a millisecond.
//! Shapes that open with letters or at their last run (`LLLLLddddL`,
//! `XX.XXX.XXX/XXXX-dd`) keep being probed around the run by the caller.

use std::collections::HashMap;

use super::{fits, IdSpec, Shape, MAX_SHAPE};

/// One written form: a pattern, and the identifiers written in it (in the
/// order of the country files: validators run in that order).
#[derive(Debug)]
pub(super) struct Form {
    pub pattern: &'static [u8],
    pub uses: Vec<(&'static IdSpec, &'static Shape)>,
}

/// The automaton over every form (see the module docs).
#[derive(Debug)]
pub(super) struct Forms {
    /// The class of each byte; class 0 fits no pattern byte anywhere.
    class: [u8; 256],
    classes: usize,
    /// `next[s + class]` for the state whose entry is `s`. An entry is the
    /// state's number times `classes` (0: dead), with [`ACCEPTS`] set when
    /// the state accepts a form.
    next: Vec<u32>,
    /// The entry of the state reached by `n` digits from the start: a run
    /// of digits is stepped over at once (no form ends inside a run, where
    /// it would be glued to the digit after it).
    after_digits: Vec<u32>,
    /// For each state, the range of `accepted` it accepts.
    accepts: Vec<(u16, u16)>,
    accepted: Vec<u16>,
    forms: Vec<Form>,
}

const DEAD: u16 = 0;
const START: u16 = 1;
/// The flag of an entry whose state accepts a form.
const ACCEPTS: u32 = 1 << 31;

impl Forms {
    /// The automaton over `uses` (shapes that open with a digit slot).
    pub(super) fn new(uses: impl IntoIterator<Item = (&'static IdSpec, &'static Shape)>) -> Forms {
        let mut forms: Vec<Form> = Vec::new();
        for (spec, shape) in uses {
            let pattern = shape.pattern.as_bytes();
            match forms.iter_mut().find(|f| f.pattern == pattern) {
                Some(form) => form.uses.push((spec, shape)),
                None => forms.push(Form {
                    pattern,
                    uses: vec![(spec, shape)],
                }),
            }
        }
        let (class, representatives) = byte_classes(&forms);
        let classes = representatives.len();
        // State = (bytes read, forms still possible); `sets[s]` for state s.
        let mut sets: Vec<(usize, Vec<u16>)> = vec![(0, Vec::new())];
        let mut ids: HashMap<(usize, Vec<u16>), u16> = HashMap::new();
        let all: Vec<u16> = (0..forms.len())
            .map(|f| u16::try_from(f).expect("fewer than 65536 forms"))
            .collect();
        ids.insert((0, all.clone()), START);
        sets.push((0, all));
        let mut next = vec![DEAD; 2 * classes];
        let mut state = usize::from(START);
        while state < sets.len() {
            let (depth, alive) = sets[state].clone();
            for (c, &byte) in representatives.iter().enumerate() {
                let survivors: Vec<u16> = alive
                    .iter()
                    .copied()
                    .filter(|&f| {
                        forms[usize::from(f)]
                            .pattern
                            .get(depth)
                            .is_some_and(|&p| fits(p, byte))
                    })
                    .collect();
                if survivors.is_empty() {
                    continue;
                }
                let key = (depth + 1, survivors);
                let id = match ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = u16::try_from(sets.len()).expect("fewer than 65536 states");
                        ids.insert(key.clone(), id);
                        sets.push(key);
                        next.resize(next.len() + classes, DEAD);
                        id
                    }
                };
                next[state * classes + c] = id;
            }
            state += 1;
        }
        // Entries: premultiplied, flagged when the state accepts.
        let entry = |state: u16| -> u32 {
            let (depth, alive) = &sets[usize::from(state)];
            let accepting = alive
                .iter()
                .any(|&f| forms[usize::from(f)].pattern.len() == *depth);
            let id = u32::try_from(usize::from(state) * classes).expect("a small automaton");
            if state != DEAD && accepting {
                id | ACCEPTS
            } else {
                id
            }
        };
        let next: Vec<u32> = next.into_iter().map(entry).collect();
        let digit = usize::from(class[usize::from(b'0')]);
        let mut after_digits = vec![entry(START)];
        for _ in 0..MAX_SHAPE {
            let last = after_digits[after_digits.len() - 1];
            after_digits.push(next[(last & !ACCEPTS) as usize + digit]);
        }
        let mut accepts = Vec::with_capacity(sets.len());
        let mut accepted = Vec::new();
        for (depth, alive) in &sets {
            let from = accepted.len();
            accepted.extend(
                alive
                    .iter()
                    .filter(|&&f| forms[usize::from(f)].pattern.len() == *depth),
            );
            let range = |n: usize| u16::try_from(n).expect("fewer than 65536 accepted forms");
            accepts.push((range(from), range(accepted.len())));
        }
        Forms {
            class,
            classes,
            next,
            after_digits,
            accepts,
            accepted,
            forms,
        }
    }

    /// Calls `f` with each form written at `text[start..end]` and not
    /// followed by an ASCII letter or digit, for every `end`, shortest
    /// first; `text[start..start + run]` is a whole run of digits.
    #[inline]
    pub(super) fn each_match(
        &self,
        text: &[u8],
        start: usize,
        run: usize,
        mut f: impl FnMut(&Form, usize),
    ) {
        let Some(&(mut entry)) = self.after_digits.get(run) else {
            return;
        };
        let mut at = start + run;
        while entry != u32::from(DEAD) {
            let next = text.get(at);
            // A form followed by a letter or digit is glued to it: not a
            // match.
            if entry & ACCEPTS != 0 && !next.is_some_and(u8::is_ascii_alphanumeric) {
                let (from, to) = self.accepts[(entry & !ACCEPTS) as usize / self.classes];
                for &form in &self.accepted[usize::from(from)..usize::from(to)] {
                    f(&self.forms[usize::from(form)], at);
                }
            }
            let Some(&b) = next else {
                return;
            };
            let class = usize::from(self.class[usize::from(b)]);
            entry = self.next[(entry & !ACCEPTS) as usize + class];
            at += 1;
        }
    }

    /// The automaton over the uses whose kind is selected.
    pub(super) fn retain(&self, selected: &dyn Fn(&crate::finding::Kind) -> bool) -> Forms {
        Forms::new(
            self.forms
                .iter()
                .flat_map(|f| f.uses.iter().copied())
                .filter(|(spec, _)| selected(&spec.kind)),
        )
    }

    /// How many (identifier, shape) pairs the automaton holds.
    #[cfg(test)]
    pub(super) fn uses(&self) -> usize {
        self.forms.iter().map(|f| f.uses.len()).sum()
    }
}

/// Splits the 256 byte values into classes that every pattern byte treats
/// alike; returns each byte's class and one byte of each class (class 0:
/// the bytes no pattern byte fits, such as NUL).
fn byte_classes(forms: &[Form]) -> ([u8; 256], Vec<u8>) {
    let mut symbols: Vec<u8> = forms
        .iter()
        .flat_map(|f| f.pattern.iter().copied())
        .collect();
    symbols.sort_unstable();
    symbols.dedup();
    let signature = |b: u8| -> Vec<bool> { symbols.iter().map(|&p| fits(p, b)).collect() };
    let mut class = [0u8; 256];
    let mut signatures: Vec<Vec<bool>> = vec![vec![false; symbols.len()]];
    let mut representatives = vec![0u8];
    for b in 0..=255u8 {
        let sig = signature(b);
        let c = match signatures.iter().position(|s| *s == sig) {
            Some(c) => c,
            None => {
                signatures.push(sig);
                representatives.push(b);
                signatures.len() - 1
            }
        };
        class[usize::from(b)] = u8::try_from(c).expect("fewer than 256 classes");
    }
    (class, representatives)
}

#[cfg(test)]
mod tests {
    use super::super::{all_specs, is_slot, match_shape, opens_with_digit};
    use super::*;
    use proptest::prelude::*;

    fn digit_forms() -> Forms {
        Forms::new(all_specs().flat_map(|spec| {
            spec.shapes
                .iter()
                .filter(|s| opens_with_digit(s))
                .map(move |s| (spec, s))
        }))
    }

    /// A form's pattern and the end of its match.
    type Match = (String, usize);

    /// What the automaton reports at the start of `text`, and what matching
    /// every form byte by byte finds there (the reference), both sorted.
    fn both(forms: &Forms, text: &[u8]) -> (Vec<Match>, Vec<Match>) {
        let name = |p: &[u8]| String::from_utf8_lossy(p).into_owned();
        let mut found = Vec::new();
        let run = text.iter().take_while(|b| b.is_ascii_digit()).count();
        forms.each_match(text, 0, run, |form, end| {
            found.push((name(form.pattern), end))
        });
        let mut buf = [0u8; MAX_SHAPE];
        let mut expected: Vec<Match> = forms
            .forms
            .iter()
            .filter_map(|f| {
                let (end, _) = match_shape(text, 0, f.pattern, &mut buf)?;
                let glued = text.get(end).is_some_and(u8::is_ascii_alphanumeric);
                (!glued).then(|| (name(f.pattern), end))
            })
            .collect();
        found.sort();
        expected.sort();
        (found, expected)
    }

    /// Every form written out (its slots filled in several ways), cut short
    /// and with one byte changed: the automaton agrees with the reference.
    #[test]
    fn agrees_on_every_form_and_its_near_misses() {
        let forms = digit_forms();
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for form in &forms.forms {
            for fill in [b'1', b'K', b'a', b'Z', b'+', b'-'] {
                let written: Vec<u8> = form
                    .pattern
                    .iter()
                    .map(|&p| match p {
                        _ if is_slot(p) && fits(p, fill) => fill,
                        b'd' | b'X' | b'K' => b'7',
                        b'L' | b'C' => b'Q',
                        literal => literal,
                    })
                    .collect();
                assert!(match_shape(&written, 0, form.pattern, &mut [0; MAX_SHAPE]).is_some());
                for cut in 0..=written.len() {
                    let mut short = written[..cut].to_vec();
                    short.extend_from_slice(b" 12.3-4/5+x");
                    texts.push(short);
                    if cut < written.len() {
                        let mut changed = written.clone();
                        changed[cut] = if changed[cut] == b' ' { b'.' } else { b' ' };
                        texts.push(changed);
                    }
                }
                texts.push(written);
            }
        }
        for text in &texts {
            let (found, expected) = both(&forms, text);
            assert!(!expected.is_empty() || text.len() < 40);
            assert_eq!(found, expected, "{}", String::from_utf8_lossy(text));
        }
    }

    /// Bytes the patterns care about, and a few they do not.
    const ALPHABET: &[u8] = b"0123456789 .-/+KkAzL\xc3\xa9\n";

    proptest! {
        /// A form written with random bytes that fit its slots, then one
        /// byte changed to any byte of the alphabet, and any tail: the
        /// automaton agrees with the reference.
        #[test]
        fn agrees_on_forms_with_random_changes(
            pick in any::<prop::sample::Index>(),
            fills in prop::collection::vec(any::<prop::sample::Index>(), MAX_SHAPE),
            change in any::<prop::sample::Index>(),
            to in prop::sample::select(ALPHABET),
            tail in prop::collection::vec(prop::sample::select(ALPHABET), 0..6),
        ) {
            let forms = digit_forms();
            let form = pick.get(&forms.forms);
            let mut text: Vec<u8> = form
                .pattern
                .iter()
                .zip(&fills)
                .map(|(&p, fill)| {
                    let fitting: Vec<u8> = ALPHABET.iter().copied().filter(|&b| fits(p, b)).collect();
                    *fill.get(&fitting)
                })
                .collect();
            let at = change.index(text.len() + 1);
            if at < text.len() {
                text[at] = to;
            }
            text.extend_from_slice(&tail);
            let (found, expected) = both(&forms, &text);
            prop_assert_eq!(found, expected);
        }

        /// Any string of the alphabet.
        #[test]
        fn agrees_on_any_text(text in prop::collection::vec(prop::sample::select(ALPHABET), 0..30)) {
            let (found, expected) = both(&digit_forms(), &text);
            prop_assert_eq!(found, expected);
        }
    }

    /// Subset construction stays small: a few hundred states of a few
    /// classes (381 and 9 when this was written).
    #[test]
    fn small() {
        let forms = digit_forms();
        assert!(forms.accepts.len() < 2000, "{} states", forms.accepts.len());
        assert!(forms.classes < 32, "{} classes", forms.classes);
    }
}
