//! Code-point offsets.
//!
//! Rust strings are indexed by bytes; the published offsets count Unicode code points (as
//! Python's `str` does). [`CharIndex`] converts between the two in O(log n).

/// Byte ↔ code-point offset conversion for one text.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every code point, plus the text length at the end.
    byte_of: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        CharIndex { byte_of }
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.byte_of.len() - 1
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Byte offset of code point `c` (clamped to the end).
    pub fn byte(&self, c: usize) -> usize {
        self.byte_of[c.min(self.byte_of.len() - 1)]
    }

    /// Code-point offset of byte `b` (a char boundary; otherwise the char containing it).
    pub fn char(&self, b: usize) -> usize {
        match self.byte_of.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// The slice of `text` between code-point offsets `start` and `end`.
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let s = it.nth(start).unwrap_or(text.len());
    let e = if end > start {
        it.nth(end - start - 1).unwrap_or(text.len())
    } else {
        s
    };
    &text[s..e]
}

/// The text's chars, in a vector allocated once at its exact size (collecting `text.chars()`
/// grows the vector several times over a long report).
pub fn chars(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.chars().count());
    out.extend(text.chars());
    out
}

/// A set of chars of the Basic Multilingual Plane as a bitmap (8 KiB), built at compile time:
/// a scan that looks for a few chars among a million tests each with one lookup and one
/// well-predicted branch instead of a chain of comparisons.
pub(crate) struct CharSet([u64; 1024]);

impl CharSet {
    /// The set of `chars` (chars above U+FFFF are left out).
    pub(crate) const fn new(chars: &[char]) -> Self {
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
    pub(crate) fn contains(&self, c: char) -> bool {
        let c = c as usize;
        c < 0x1_0000 && self.0[c >> 6] & (1 << (c & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let t = "a淞南b";
        let ix = CharIndex::new(t);
        assert_eq!(ix.len(), 4);
        assert_eq!(ix.byte(2), 4);
        assert_eq!(ix.char(4), 2);
        assert_eq!(&t[ix.byte(1)..ix.byte(3)], "淞南");
        assert_eq!(slice_chars(t, 1, 3), "淞南");
        assert_eq!(slice_chars(t, 3, 3), "");
    }
}
