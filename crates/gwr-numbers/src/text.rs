//! Char helpers the scanner shares with `gwr-extract` (which re-exports them from its `text`
//! module).

/// The text's chars, in a vector allocated once at its exact size (collecting `text.chars()`
/// grows the vector several times over a long report).
pub fn chars(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.chars().count());
    out.extend(text.chars());
    out
}

/// `chars` as a string, allocated once at its exact size.
pub fn string(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    out.extend(chars);
    out
}

/// A set of chars of the Basic Multilingual Plane as a bitmap (8 KiB), built at compile time:
/// a scan that looks for a few chars among a million tests each with one lookup and one
/// well-predicted branch instead of a chain of comparisons.
pub struct CharSet([u64; 1024]);

impl CharSet {
    /// The set of `chars` (chars above U+FFFF are left out).
    pub const fn new(chars: &[char]) -> Self {
        let mut bits = [0u64; 1024];
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k] as usize;
            if c < 0x1_0000 {
                bits[c >> 6] |= 1 << (c & 63);
            }
            k += 1;
        }
        CharSet(bits)
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let c = c as usize;
        c < 0x1_0000 && self.0[c >> 6] & (1 << (c & 63)) != 0
    }
}
