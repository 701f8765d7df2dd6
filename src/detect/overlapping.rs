//! Every match of a word list in a short window, overlapping ones included.
//!
//! Why not `AhoCorasick::find_overlapping_iter`: the context words are
//! looked up in windows of a few dozen bytes before a candidate (about
//! sixteen on average in dense chat), thousands of times per megabyte.
//! Over so few bytes the search API's set-up and bookkeeping per call and
//! per match (input checks, the overlapping state, prefilter hooks) cost as
//! much as the automaton's steps. Walking the automaton's transitions here,
//! one byte at a time, reports the same matches in the same order (by end,
//! then as the automaton lists them) for less.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, Match, MatchKind};

/// A word list compiled for overlapping search, ASCII case ignored. The
/// shared context words are a contiguous NFA: a DFA of them (thousands, of
/// every script, with their case variants) took 7 MB more memory and doubled
/// the CLI's start-up (docs/performance.md). Smaller lists, such as the
/// phone detector's ASCII words, are a DFA ([`Words::dfa`]): one table
/// step per byte.
#[derive(Debug, Clone)]
pub(crate) struct Words<A = NFA>(A);

impl Words<NFA> {
    /// Compiles `words`, matching overlapping words (standard semantics).
    pub(crate) fn new<I, P>(words: I) -> Words<NFA>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        Words(
            NFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(words)
                .expect("word list automaton"),
        )
    }
}

impl Words<DFA> {
    /// Compiles `words` as [`Words::new`] does, into a DFA. The walk uses
    /// no prefilter, so none is built.
    pub(crate) fn dfa<I, P>(words: I) -> Words<DFA>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        Words(
            DFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(words)
                .expect("word list automaton"),
        )
    }
}

impl<A: Automaton> Words<A> {
    /// Every match in `haystack`, by where it ends.
    pub(crate) fn overlapping<'a>(&'a self, haystack: &'a [u8]) -> Overlapping<'a, A> {
        // Both automata are built with an unanchored start state.
        let sid = self
            .0
            .start_state(Anchored::No)
            .expect("unanchored start state");
        Overlapping {
            automaton: &self.0,
            haystack,
            at: 0,
            sid,
            next_match: 0,
            matches: 0,
        }
    }
}

/// The iterator of [`Words::overlapping`].
pub(crate) struct Overlapping<'a, A> {
    automaton: &'a A,
    haystack: &'a [u8],
    /// Bytes read so far: where the matches of `sid` end.
    at: usize,
    sid: StateID,
    /// The next of the `matches` patterns `sid` reports.
    next_match: usize,
    matches: usize,
}

impl<A: Automaton> Iterator for Overlapping<'_, A> {
    type Item = Match;

    #[inline]
    fn next(&mut self) -> Option<Match> {
        let automaton = self.automaton;
        while self.next_match == self.matches {
            let &byte = self.haystack.get(self.at)?;
            self.at += 1;
            self.next_match = 0;
            self.sid = automaton.next_state(Anchored::No, self.sid, byte);
            self.matches = if automaton.is_special(self.sid) && automaton.is_match(self.sid) {
                automaton.match_len(self.sid)
            } else {
                0
            };
        }
        let pattern = automaton.match_pattern(self.sid, self.next_match);
        self.next_match += 1;
        Some(Match::new(
            pattern,
            self.at - automaton.pattern_len(pattern)..self.at,
        ))
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasick;

    use super::*;

    /// The same matches, in the same order, as the search API's
    /// overlapping iterator.
    #[test]
    fn matches_the_search_api() {
        let words = [
            "no",
            "no.",
            "order no",
            "rder",
            "CPF",
            "cpf",
            "n°",
            "телефон",
            "фон",
            "#",
        ];
        let reference = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap();
        let haystacks: &[&[u8]] = &[
            b"",
            b"order no. 12",
            b"ORDER NO cpf# n\xC2\xB0 ",
            "мой телефон: ".as_bytes(),
            b"nonono",
            b"\xFF\xFEno\x00",
        ];
        let nfa = Words::new(words);
        let dfa = Words::dfa(words);
        for &haystack in haystacks {
            let want: Vec<Match> = reference.find_overlapping_iter(haystack).collect();
            let got: Vec<Match> = nfa.overlapping(haystack).collect();
            assert_eq!(got, want, "NFA: {:?}", String::from_utf8_lossy(haystack));
            let got: Vec<Match> = dfa.overlapping(haystack).collect();
            assert_eq!(got, want, "DFA: {:?}", String::from_utf8_lossy(haystack));
        }
    }
}
