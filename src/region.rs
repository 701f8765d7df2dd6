//! Region hints: the country whose national formats a scan accepts.

use std::fmt;

use crate::detect::phone::metadata::TABLES;
use crate::error::Error;

/// A region known to the phone-number metadata (ISO 3166 alpha-2, e.g. `IN`).
///
/// With a region hint, numbers written in that country's national format
/// (`098765 43210`, `(011) 2345-6789`) are recognised; without one, only
/// international forms are.
///
/// ```
/// use piimask::Region;
/// let ar = Region::new("ar").unwrap();
/// assert_eq!(ar.code(), "AR");
/// assert!(Region::new("ZZ").is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region(u16);

impl Region {
    /// Looks up a region by its ISO 3166 alpha-2 code, in any letter case.
    pub fn new(code: &str) -> Result<Region, Error> {
        TABLES
            .region_index(code)
            .map(Region)
            .ok_or_else(|| Error::UnknownRegion(sanitize(code)))
    }

    /// The upper-case ISO 3166 alpha-2 code.
    pub fn code(self) -> &'static str {
        TABLES.regions[usize::from(self.0)].id
    }

    /// The international calling code (`91` for `IN`).
    pub fn calling_code(self) -> u16 {
        TABLES.regions[usize::from(self.0)].code
    }

    /// Reads this region's phone automata now (each region's are read, not
    /// compiled, the first time a number is checked against it: tens of
    /// microseconds).
    pub(crate) fn prepare(self) {
        TABLES.regions[usize::from(self.0)].prepare();
    }

    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// Region codes come from callers and may be anything; an error names only
/// a short, printable prefix of it.
fn sanitize(code: &str) -> String {
    code.chars()
        .take(8)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '?' })
        .collect()
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.code())
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Region {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Region::new(s)
    }
}
