//! The sensitivity knob: a [`MinConfidence`] below which findings are
//! dropped.
//!
//! Every finding carries a confidence (see `docs/confidence.md` for the
//! ladder of values each detector gives). Evidence that is real but weak
//! (a value that validates but has no context) is reported below
//! [`MinConfidence::DEFAULT`], so a default scan stays precise, while a
//! leak-averse caller (an export, an agent role in a strict tenant) lowers
//! the threshold and masks those too. The threshold applies before overlaps
//! are resolved: a finding below it never hides one above it.

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::Error;

/// A confidence threshold in `0.0..=1.0`: findings with a lower confidence
/// are dropped. Never NaN, so it compares and hashes as a plain number.
///
/// ```
/// use piimask::{MinConfidence, Scanner};
/// let lenient = Scanner::builder().min_confidence(0.3).build()?;
/// assert_eq!(lenient.min_confidence().get(), 0.3);
/// assert_eq!(Scanner::new().min_confidence(), MinConfidence::DEFAULT);
/// assert!(MinConfidence::new(1.5).is_err());
/// # Ok::<(), piimask::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
pub struct MinConfidence(f32);

// The constructor rejects NaN, so equality is reflexive.
impl Eq for MinConfidence {}

impl MinConfidence {
    /// The default threshold, 0.5: every finding made with a keyword,
    /// a checksum in an unambiguous form or a valid phone format is above
    /// it; weak evidence (a bare valid value without context) is below.
    pub const DEFAULT: MinConfidence = MinConfidence(0.5);

    /// The threshold of the built-in `export` role (see [`crate::policy`]):
    /// leak-averse, so weak evidence is masked as well.
    pub const LEAK_AVERSE: MinConfidence = MinConfidence(0.3);

    /// A threshold; errors unless `value` is a number from 0 to 1.
    pub fn new(value: f32) -> Result<MinConfidence, Error> {
        if (0.0..=1.0).contains(&value) {
            // `+ 0.0` turns a negative zero into zero.
            Ok(MinConfidence(value + 0.0))
        } else {
            Err(Error::config(
                "min_confidence",
                "must be a number from 0 to 1",
            ))
        }
    }

    /// The threshold as a number.
    pub fn get(self) -> f32 {
        self.0
    }

    /// Whether a finding of this confidence is kept.
    pub fn admits(self, confidence: f32) -> bool {
        confidence >= self.0
    }
}

impl Default for MinConfidence {
    fn default() -> Self {
        MinConfidence::DEFAULT
    }
}

impl<'de> Deserialize<'de> for MinConfidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f32::deserialize(deserializer)?;
        MinConfidence::new(value)
            .map_err(|_| serde::de::Error::custom("min_confidence must be a number from 0 to 1"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_is_checked() {
        assert_eq!(MinConfidence::new(0.0).unwrap().get(), 0.0);
        assert_eq!(MinConfidence::new(-0.0).unwrap().get().to_bits(), 0);
        assert_eq!(MinConfidence::new(1.0).unwrap().get(), 1.0);
        for bad in [-0.01, 1.01, f32::NAN, f32::INFINITY] {
            assert!(MinConfidence::new(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<MinConfidence>("0.4").is_ok());
        assert!(serde_json::from_str::<MinConfidence>("2").is_err());
        assert!(serde_json::from_str::<MinConfidence>("\"0.4\"").is_err());
    }

    #[test]
    fn admits_at_and_above() {
        let t = MinConfidence::new(0.5).unwrap();
        assert!(t.admits(0.5) && t.admits(0.99) && !t.admits(0.49));
        assert!(MinConfidence::LEAK_AVERSE < MinConfidence::DEFAULT);
    }
}
