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

pub use gwr_numbers::text::{chars, string};

/// The slices of `text` between the code-point spans `spans`; `chars` must be the text's chars
/// (a mismatch gives wrong or empty slices, never a panic).
/// Sorted, non-overlapping spans (paragraphs) are found in one forward walk that adds up the
/// chars' UTF-8 lengths; others through a [`CharIndex`].
pub fn slices<'a>(text: &'a str, chars: &[char], spans: &[(usize, usize)]) -> Vec<&'a str> {
    let sorted = spans.windows(2).all(|w| w[0].1 <= w[1].0) && spans.iter().all(|s| s.0 <= s.1);
    if !sorted || chars.len() > text.len() {
        let idx = CharIndex::new(text);
        return spans
            .iter()
            .map(|&(s, e)| text.get(idx.byte(s)..idx.byte(e.max(s))).unwrap_or(""))
            .collect();
    }
    let mut out = Vec::with_capacity(spans.len());
    let (mut pos, mut byte) = (0usize, 0usize);
    let mut seek = |target: usize| {
        let target = target.min(chars.len());
        if target > pos {
            byte += chars[pos..target]
                .iter()
                .map(|c| c.len_utf8())
                .sum::<usize>();
            pos = target;
        }
        byte
    };
    for &(s, e) in spans {
        let bs = seek(s);
        let be = seek(e);
        out.push(text.get(bs..be).unwrap_or(""));
    }
    out
}

pub(crate) use gwr_numbers::text::CharSet;

/// A fast hasher for the fixed word tables (glossary names, words after numbers): the
/// multiply-rotate hash of rustc's `FxHasher`. The tables' keys are ours, not the input's, so
/// the hash needs no protection against flooding, and SipHash was a tenth of the time spent
/// looking subjects up.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    #[test]
    fn slices_equal_code_point_slicing() {
        let text = "各位代表:\n一、2023年 工作回顾😀\r\n全年完成5.87亿元。";
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let cases: Vec<Vec<(usize, usize)>> = vec![
            vec![(0, 2), (2, 5), (7, 7), (9, n)],
            vec![(3, 6), (0, 2)],         // unsorted
            vec![(0, n), (2, 4)],         // overlapping
            vec![(n, n), (n - 1, n + 5)], // past the end
        ];
        for spans in cases {
            let got = super::slices(text, &chars, &spans);
            let want: Vec<String> = spans
                .iter()
                .map(|&(s, e)| chars[s.min(n)..e.min(n).max(s.min(n))].iter().collect())
                .collect();
            assert_eq!(got, want, "{spans:?}");
        }
    }

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
