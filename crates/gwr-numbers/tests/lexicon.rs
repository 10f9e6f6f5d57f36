//! Runs every example of the lexicons (`lexicon/*.tsv`): each line's example sentence, and the
//! same sentence with each of its traditional forms, must give what the line's `gives` column
//! says. `UPDATE_EXPECT=1 cargo test -p gwr-numbers --test lexicon` writes what the scanner
//! gives into that column (review the diff before committing it).

use std::path::PathBuf;

use gwr_numbers::{scan, NumberToken};

/// A lexicon file: its lines, and for each data line its cells.
struct Lexicon {
    path: PathBuf,
    lines: Vec<String>,
}

impl Lexicon {
    fn read(name: &str) -> Lexicon {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("lexicon")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        Lexicon {
            path,
            lines: text.lines().map(str::to_string).collect(),
        }
    }

    /// Checks (or, with UPDATE_EXPECT, rewrites) every data line: `example` is the column of
    /// the example, `trad` that of the traditional forms; the last column is `gives`.
    fn run(
        mut self,
        trad: usize,
        example: usize,
        render: impl Fn(&[String], &NumberToken) -> String,
    ) {
        let update = std::env::var_os("UPDATE_EXPECT").is_some();
        let mut failures = Vec::new();
        for (n, line) in self.lines.iter_mut().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("form\t") {
                continue;
            }
            let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            let trads = cells[trad].clone();
            let form = cells[0].clone();
            let sentence = cells[example].clone();
            assert!(
                sentence.contains(&form),
                "{}:{}: the example {sentence:?} does not contain {form:?}",
                self.path.display(),
                n + 1
            );
            let line_cells = cells.clone();
            let give = |s: &str| -> String {
                match scan(s).first() {
                    Some(t) => render(&line_cells, t),
                    None => "no number".into(),
                }
            };
            let got = give(&sentence);
            let want = cells.last().cloned().unwrap_or_default();
            if update {
                if let Some(last) = cells.last_mut() {
                    *last = got.clone();
                }
                *line = cells.join("\t");
            } else if got != want {
                failures.push(format!(
                    "line {}: {sentence:?} gives {got:?}, the lexicon says {want:?}",
                    n + 1
                ));
            }
            for t in trads.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                let s = sentence.replacen(&form, t, 1);
                let got_t = give(&s);
                if got_t != got {
                    failures.push(format!(
                        "line {}: the traditional form {s:?} gives {got_t:?}, the simplified {got:?}",
                        n + 1
                    ));
                }
            }
        }
        if update {
            std::fs::write(&self.path, self.lines.join("\n") + "\n").unwrap();
        }
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            self.path.display(),
            failures.join("\n")
        );
    }
}

/// The form of a line and its traditional forms (column `trad`).
fn forms(cells: &[String], trad: usize) -> impl Iterator<Item = &str> {
    std::iter::once(cells[0].as_str()).chain(
        cells[trad]
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty()),
    )
}

fn name<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn every_unit_example() {
    Lexicon::read("units.tsv").run(4, 5, |cells, t| {
        if cells[1] == "unit"
            && !forms(cells, 4).any(|f| t.unit_raw.ends_with(f))
            && t.reject.is_none()
        {
            return format!("unit_raw {:?} is not the line's word", t.unit_raw);
        }
        match (t.reject, t.unit) {
            (Some(r), _) => format!("reject={}", r.as_str()),
            (None, Some(u)) => format!("{} {}", t.value, name(u)),
            (None, None) => format!("{} (no unit)", t.value),
        }
    });
}

#[test]
fn every_qualifier_example() {
    Lexicon::read("qualifiers.tsv").run(3, 4, |cells, t| {
        if !forms(cells, 3).any(|f| t.qualifier_words.contains(&f)) {
            return format!("qualifier words {:?}", t.qualifier_words);
        }
        name(t.qualifier)
    });
}
