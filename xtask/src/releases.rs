//! Versioned releases: the manifest of each published version, the comparison of what
//! `publish` built with the latest manifest, the semver rule it enforces, the readable diff and
//! the changelog.
//!
//! A manifest (`releases/<package>/<version>.json`) records per resource its Table Schema
//! fingerprint (first 16 hex digits of the SHA-256 of the schema's JSON), its fields, primary
//! key and row count, and for every row its key with 30 bits of the SHA-256 of its cells (the
//! CSV record, cells separated by U+001F) in 5 base64url characters. The rows are grouped by
//! the part of the key up to its last `/` and the table letter (`cn-beijing-2020/f-`), one line
//! per group: `"cn-beijing-2020/f-": "1a2b3c4d:Xy3_k 5e6f7a8b:…"` (a key must hold no space).
//! The provinces' manifest (815 reports) is about 4 MB. A resource without a table
//! (a source text) is recorded by the hash of its file. The descriptor's other properties are
//! one hash (`meta`).
//!
//! The bump a change needs ([`Bump`]), after Frictionless' versioning recipe, extended to rows:
//!
//! - **major**: a field removed or renamed, retyped, moved (or a field inserted before an
//!   existing one, which moves it), a constraint tightened, the primary key changed, a resource
//!   removed, **a row removed or its key changed**. A consumer stores ids (a citation, a join in
//!   a notebook): an id that disappears breaks them, like a removed field breaks a query.
//! - **minor**: a resource added, a field added at the end, a constraint loosened, rows added.
//! - **patch**: cells of existing rows changed (a value corrected), a source text changed,
//!   metadata changed (descriptions, titles, the descriptor).
//! - **none**: nothing changed.
//!
//! Versions are `MAJOR.MINOR.PATCH`, compared strictly (0.x gets no special case).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Where the manifests and changelog entries live, relative to the repo root.
pub const RELEASES_DIR: &str = "releases";
/// The generated changelog at the repo root (and in every release folder).
pub const CHANGELOG: &str = "CHANGELOG.md";
/// Changed rows shown per table in a changelog entry or a refusal.
pub const EXAMPLES: usize = 20;

/// How much a version must move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Values corrected, metadata changed.
    Patch,
    /// Resources, fields or rows added, constraints loosened.
    Minor,
    /// Fields removed, renamed, retyped or moved, constraints tightened, rows removed.
    Major,
}

impl Bump {
    /// The word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// A `MAJOR.MINOR.PATCH` version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    /// Parses `1.2.3`.
    pub fn parse(s: &str) -> Result<Version> {
        let parts: Vec<&str> = s.trim().split('.').collect();
        let num = |p: &str| {
            p.parse::<u64>()
                .with_context(|| format!("version `{s}` is not MAJOR.MINOR.PATCH"))
        };
        match parts.as_slice() {
            [a, b, c] => Ok(Version(num(a)?, num(b)?, num(c)?)),
            _ => bail!("version `{s}` is not MAJOR.MINOR.PATCH"),
        }
    }

    /// The bump from `self` to `to` (`None` when equal or lower).
    pub fn bump_to(self, to: Version) -> Bump {
        if to.0 > self.0 {
            Bump::Major
        } else if to.0 == self.0 && to.1 > self.1 {
            Bump::Minor
        } else if to.0 == self.0 && to.1 == self.1 && to.2 > self.2 {
            Bump::Patch
        } else {
            Bump::None
        }
    }

    /// The least version after `self` that makes `bump`.
    pub fn next(self, bump: Bump) -> Version {
        match bump {
            Bump::None => self,
            Bump::Patch => Version(self.0, self.1, self.2 + 1),
            Bump::Minor => Version(self.0, self.1 + 1, 0),
            Bump::Major => Version(self.0 + 1, 0, 0),
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// One field of a Table Schema, as far as compatibility goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSig {
    /// Its name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its constraints (`required`, `minimum`, `enum`, `pattern`…), when any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraints: Option<serde_json::Map<String, Value>>,
}

/// One resource of a manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceEntry {
    /// The resource's name.
    pub name: String,
    /// Its format (`csv`, `parquet`, `txt`…).
    pub format: String,
    /// Fingerprint of its Table Schema; absent for a file without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The primary key.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "primaryKey")]
    pub primary_key: Vec<String>,
    /// The fields, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSig>,
    /// Hash of the file, for a resource whose rows are not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// Row count, for a CSV table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_count: Option<u64>,
    /// Row key → content hash, for a CSV table.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rows: BTreeMap<String, String>,
}

/// The manifest of one version of one package.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    /// The package's name.
    pub package: String,
    /// Its version.
    pub version: String,
    /// Hash of the descriptor without its resources, version and dates.
    pub meta: String,
    /// Its resources, in descriptor order.
    pub resources: Vec<ResourceEntry>,
}

fn hex(bytes: &[u8], n: usize) -> String {
    let d = Sha256::digest(bytes);
    d.iter()
        .take(n / 2)
        .fold(String::with_capacity(n), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Reads the package in `dir` (its `datapackage.json` and CSV tables) into a manifest.
pub fn build_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join("datapackage.json");
    let desc: Value = serde_json::from_slice(
        &fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?,
    )
    .with_context(|| format!("{}: not JSON", path.display()))?;
    let mut meta = desc.clone();
    if let Some(m) = meta.as_object_mut() {
        for k in ["resources", "version", "id"] {
            m.remove(k);
        }
    }
    let mut resources = Vec::new();
    for r in desc["resources"].as_array().into_iter().flatten() {
        let name = r["name"].as_str().unwrap_or("").to_string();
        let format = r["format"].as_str().unwrap_or("").to_string();
        let schema = &r["schema"];
        let mut entry = ResourceEntry {
            name: name.clone(),
            format: format.clone(),
            schema: None,
            primary_key: Vec::new(),
            fields: Vec::new(),
            hash: None,
            row_count: None,
            rows: BTreeMap::new(),
        };
        if schema.is_object() {
            entry.schema = Some(hex(schema.to_string().as_bytes(), 16));
            entry.primary_key = match &schema["primaryKey"] {
                Value::String(s) => vec![s.clone()],
                Value::Array(a) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect(),
                _ => Vec::new(),
            };
            entry.fields = schema["fields"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|f| FieldSig {
                    name: f["name"].as_str().unwrap_or("").to_string(),
                    kind: f["type"].as_str().unwrap_or("any").to_string(),
                    constraints: f["constraints"].as_object().cloned(),
                })
                .collect();
        }
        if format == "csv" && schema.is_object() {
            let rel = r["path"]
                .as_str()
                .context("a CSV resource without a path")?;
            let table = read_table(&dir.join(rel), &entry.primary_key)
                .with_context(|| format!("resource {name}"))?;
            entry.row_count = Some(table.len() as u64);
            for (key, cells) in table {
                entry.rows.insert(key, row_hash(&cells));
            }
        } else if schema.is_null() {
            let h = r["hash"].as_str().unwrap_or("");
            entry.hash = Some(h.trim_start_matches("sha256:").chars().take(16).collect());
        }
        resources.push(entry);
    }
    Ok(Manifest {
        package: desc["name"].as_str().unwrap_or("").to_string(),
        version: desc["version"].as_str().unwrap_or("").to_string(),
        meta: hex(meta.to_string().as_bytes(), 16),
        resources,
    })
}

/// 30 bits of the SHA-256 of the cells, as 5 characters of the base64url alphabet.
fn row_hash(cells: &[String]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let d = Sha256::digest(cells.join("\u{1f}").as_bytes());
    let n = u32::from_be_bytes([d[0], d[1], d[2], d[3]]);
    (0..5)
        .map(|i| char::from(B64[((n >> (26 - 6 * i)) & 63) as usize]))
        .collect()
}

/// The length of the group part of a row key in the manifest file: up to its last `/` and,
/// when the rest starts with a table letter and `-` (`f-`), those two as well.
fn group_len(key: &str) -> usize {
    let Some(slash) = key.rfind('/') else {
        return 0;
    };
    let rest = &key[slash + 1..];
    let b = rest.as_bytes();
    if b.len() > 2 && b[0].is_ascii_lowercase() && b[1] == b'-' {
        slash + 3
    } else {
        slash + 1
    }
}

/// The rows of a CSV table: (key, cells), in file order.
type Rows = Vec<(String, Vec<String>)>;

/// A CSV table read whole: its header and its rows with their keys, in file order.
pub struct Table {
    /// The header.
    pub header: Vec<String>,
    /// (key, cells) per row.
    pub rows: Rows,
}

fn read_csv(path: &Path, key: &[String]) -> Result<Table> {
    let mut rdr =
        csv::Reader::from_path(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let header: Vec<String> = rdr
        .headers()
        .context("CSV header")?
        .iter()
        .map(String::from)
        .collect();
    let idx: Vec<usize> = key
        .iter()
        .filter_map(|k| header.iter().position(|h| h == k))
        .collect();
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), i + 1))?;
        let cells: Vec<String> = rec.iter().map(String::from).collect();
        let k = if idx.is_empty() {
            format!("#{}", i + 1)
        } else {
            idx.iter()
                .map(|&j| cells.get(j).map(String::as_str).unwrap_or(""))
                .collect::<Vec<_>>()
                .join("|")
        };
        rows.push((k, cells));
    }
    Ok(Table { header, rows })
}

fn read_table(path: &Path, key: &[String]) -> Result<Rows> {
    Ok(read_csv(path, key)?.rows)
}

// ------------------------------------------------------------------------------------------
// The manifest file: JSON, one line per row, rows grouped by the key up to its last `/`.

/// The manifest as the committed JSON text.
pub fn manifest_json(m: &Manifest) -> String {
    let q = |s: &str| Value::String(s.to_string()).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "{{\n\"package\": {},", q(&m.package));
    let _ = writeln!(out, "\"version\": {},", q(&m.version));
    let _ = writeln!(out, "\"meta\": {},", q(&m.meta));
    out.push_str("\"resources\": [\n");
    for (i, r) in m.resources.iter().enumerate() {
        let mut head = r.clone();
        head.rows.clear();
        let head = serde_json::to_string(&head).unwrap_or_default();
        // the object without its closing brace, then the rows
        let head = head.strip_suffix('}').unwrap_or(&head);
        out.push_str(head);
        if !r.rows.is_empty() {
            out.push_str(",\"rows\":{\n");
            let mut groups: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            for (k, h) in &r.rows {
                let (g, local) = k.split_at(group_len(k));
                groups.entry(g).or_default().push(format!("{local}:{h}"));
            }
            let ng = groups.len();
            for (gi, (g, rows)) in groups.into_iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{}: {}{}",
                    q(g),
                    q(&rows.join(" ")),
                    if gi + 1 < ng { "," } else { "" }
                );
            }
            out.push('}');
        }
        out.push('}');
        out.push_str(if i + 1 < m.resources.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("]\n}\n");
    out
}

/// Reads a manifest written by [`manifest_json`].
pub fn parse_manifest(text: &str) -> Result<Manifest> {
    let v: Value = serde_json::from_str(text).context("manifest: not JSON")?;
    let mut resources = Vec::new();
    for r in v["resources"].as_array().into_iter().flatten() {
        let mut head = r.clone();
        let rows = head
            .as_object_mut()
            .and_then(|o| o.remove("rows"))
            .unwrap_or(Value::Null);
        let mut entry: ResourceEntry =
            serde_json::from_value(head).context("manifest: malformed resource")?;
        for (g, list) in rows.as_object().into_iter().flatten() {
            for item in list
                .as_str()
                .unwrap_or("")
                .split(' ')
                .filter(|s| !s.is_empty())
            {
                let (local, h) = item.rsplit_once(':').context("manifest: malformed row")?;
                entry.rows.insert(format!("{g}{local}"), h.to_string());
            }
        }
        resources.push(entry);
    }
    Ok(Manifest {
        package: v["package"].as_str().unwrap_or("").to_string(),
        version: v["version"].as_str().unwrap_or("").to_string(),
        meta: v["meta"].as_str().unwrap_or("").to_string(),
        resources,
    })
}

/// Every version of `package` with a manifest under `releases_dir`, ascending.
pub fn versions(releases_dir: &Path, package: &str) -> Result<Vec<Version>> {
    let dir = releases_dir.join(package);
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(out);
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if let Some(v) = name.strip_suffix(".json") {
            out.push(Version::parse(v).with_context(|| format!("{}", e.path().display()))?);
        }
    }
    out.sort();
    Ok(out)
}

/// The path of a manifest.
pub fn manifest_path(releases_dir: &Path, package: &str, version: &str) -> PathBuf {
    releases_dir.join(package).join(format!("{version}.json"))
}

/// Reads the manifest of `package` at `version`.
pub fn load_manifest(releases_dir: &Path, package: &str, version: Version) -> Result<Manifest> {
    let p = manifest_path(releases_dir, package, &version.to_string());
    let text = fs::read_to_string(&p).with_context(|| format!("{}: cannot read", p.display()))?;
    parse_manifest(&text).with_context(|| format!("{}", p.display()))
}

// ------------------------------------------------------------------------------------------
// Comparison

/// One change between two versions, with the bump it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The bump it needs.
    pub bump: Bump,
    /// What changed, in words.
    pub what: String,
}

/// One changed cell: field, old value, new value.
pub type CellChange = (String, String, String);

/// The rows of one table that differ between two versions (keys only, or with cells).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableDiff {
    /// The table (resource) name.
    pub name: String,
    /// Keys of rows added.
    pub added: Vec<String>,
    /// Keys of rows removed.
    pub removed: Vec<String>,
    /// Rows changed: key and (field, old, new) per changed cell (empty when only the
    /// manifests were compared).
    pub changed: Vec<(String, Vec<CellChange>)>,
}

/// What changed from `old` to `new`: every change with its bump, and the row diff per table.
pub fn compare(old: &Manifest, new: &Manifest) -> (Vec<Change>, Vec<TableDiff>) {
    let mut changes = Vec::new();
    let mut diffs = Vec::new();
    let mut push = |bump, what: String| changes.push(Change { bump, what });
    if old.meta != new.meta {
        push(Bump::Patch, "package metadata changed".into());
    }
    let olds: BTreeMap<&str, &ResourceEntry> =
        old.resources.iter().map(|r| (r.name.as_str(), r)).collect();
    let news: BTreeSet<&str> = new.resources.iter().map(|r| r.name.as_str()).collect();
    for r in &old.resources {
        if !news.contains(r.name.as_str()) {
            push(Bump::Major, format!("resource `{}` removed", r.name));
        }
    }
    for n in &new.resources {
        let Some(o) = olds.get(n.name.as_str()) else {
            push(Bump::Minor, format!("resource `{}` added", n.name));
            continue;
        };
        for (bump, what) in compare_schema(o, n) {
            push(bump, format!("`{}`: {what}", n.name));
        }
        if o.hash != n.hash {
            push(Bump::Patch, format!("`{}`: file changed", n.name));
        }
        if o.row_count.is_some() || n.row_count.is_some() {
            let d = diff_rows(&n.name, &o.rows, &n.rows);
            let changed: Vec<String> = d.changed.iter().map(|(k, _)| k.clone()).collect();
            for (bump, keys, word) in [
                (Bump::Major, &d.removed, "removed or their keys changed"),
                (Bump::Minor, &d.added, "added"),
                (Bump::Patch, &changed, "changed"),
            ] {
                if !keys.is_empty() {
                    let (n_rows, ex) = (keys.len(), examples(keys));
                    push(bump, format!("`{}`: {n_rows} row(s) {word} ({ex})", n.name));
                }
            }
            if !(d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty()) {
                diffs.push(d);
            }
        }
    }
    (changes, diffs)
}

fn examples(keys: &[String]) -> String {
    let shown: Vec<&str> = keys.iter().take(3).map(String::as_str).collect();
    if keys.len() > shown.len() {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn diff_rows(
    name: &str,
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
) -> TableDiff {
    let mut d = TableDiff {
        name: name.to_string(),
        ..Default::default()
    };
    for (k, h) in old {
        match new.get(k) {
            None => d.removed.push(k.clone()),
            Some(nh) if nh != h => d.changed.push((k.clone(), Vec::new())),
            Some(_) => {}
        }
    }
    d.added = new
        .keys()
        .filter(|k| !old.contains_key(*k))
        .cloned()
        .collect();
    d
}

/// The schema changes of one resource with the bump each needs.
fn compare_schema(old: &ResourceEntry, new: &ResourceEntry) -> Vec<(Bump, String)> {
    let mut out = Vec::new();
    if old.primary_key != new.primary_key {
        out.push((
            Bump::Major,
            format!(
                "primary key {:?} → {:?}",
                old.primary_key.join(","),
                new.primary_key.join(",")
            ),
        ));
    }
    let new_pos: BTreeMap<&str, usize> = new
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect();
    let old_names: BTreeSet<&str> = old.fields.iter().map(|f| f.name.as_str()).collect();
    for f in &old.fields {
        if !new_pos.contains_key(f.name.as_str()) {
            out.push((
                Bump::Major,
                format!("field `{}` removed or renamed", f.name),
            ));
        }
    }
    // the old fields still there must keep their order, and nothing may come before them
    let kept: Vec<&str> = new
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| old_names.contains(n))
        .collect();
    let old_kept: Vec<&str> = old
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| new_pos.contains_key(n))
        .collect();
    if kept != old_kept {
        out.push((Bump::Major, "fields reordered".to_string()));
    }
    let last_old = old_kept
        .last()
        .and_then(|n| new_pos.get(n))
        .copied()
        .unwrap_or(0);
    for (i, f) in new.fields.iter().enumerate() {
        if old_names.contains(f.name.as_str()) {
            continue;
        }
        if i < last_old {
            out.push((
                Bump::Major,
                format!(
                    "field `{}` added before existing fields (they move)",
                    f.name
                ),
            ));
        } else {
            out.push((Bump::Minor, format!("field `{}` added", f.name)));
        }
    }
    for o in &old.fields {
        let Some(n) = new.fields.iter().find(|n| n.name == o.name) else {
            continue;
        };
        if o.kind != n.kind {
            out.push((
                Bump::Major,
                format!("field `{}` retyped {} → {}", o.name, o.kind, n.kind),
            ));
        }
        let empty = serde_json::Map::new();
        let oc = o.constraints.as_ref().unwrap_or(&empty);
        let nc = n.constraints.as_ref().unwrap_or(&empty);
        if oc != nc {
            let bump = constraint_bump(oc, nc);
            let word = if bump == Bump::Major {
                "tightened"
            } else {
                "loosened"
            };
            out.push((
                bump,
                format!(
                    "field `{}` constraints {word}: {} → {}",
                    o.name,
                    Value::Object(oc.clone()),
                    Value::Object(nc.clone())
                ),
            ));
        }
    }
    if out.is_empty() && old.schema != new.schema {
        out.push((
            Bump::Patch,
            "schema metadata changed (titles, descriptions)".to_string(),
        ));
    }
    out
}

/// Major when any constraint got stricter (or changed in a way not known to be looser),
/// minor when every change loosens.
fn constraint_bump(
    old: &serde_json::Map<String, Value>,
    new: &serde_json::Map<String, Value>,
) -> Bump {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for k in keys {
        let (o, n) = (old.get(k.as_str()), new.get(k.as_str()));
        let looser = match (o, n) {
            (Some(_), None) => true,
            (None, Some(v)) => k.as_str() == "required" && v == &Value::Bool(false),
            (Some(o), Some(n)) if o == n => true,
            (Some(o), Some(n)) => match k.as_str() {
                "required" | "unique" => n == &Value::Bool(false),
                "minimum" | "minLength" | "exclusiveMinimum" => {
                    n.as_f64().zip(o.as_f64()).is_some_and(|(n, o)| n <= o)
                }
                "maximum" | "maxLength" | "exclusiveMaximum" => {
                    n.as_f64().zip(o.as_f64()).is_some_and(|(n, o)| n >= o)
                }
                "enum" => {
                    let nv = n.as_array().cloned().unwrap_or_default();
                    o.as_array().into_iter().flatten().all(|x| nv.contains(x))
                }
                _ => false,
            },
            (None, None) => true,
        };
        if !looser {
            return Bump::Major;
        }
    }
    Bump::Minor
}

/// The bump the changes need.
pub fn needed(changes: &[Change]) -> Bump {
    changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None)
}

/// Whether publishing `new` under its version is allowed after `latest`; an error that names
/// the changes, a few examples and the version needed when not.
pub fn check(latest: &Manifest, new: &Manifest, changes: &[Change]) -> Result<()> {
    let need = needed(changes);
    let from = Version::parse(&latest.version)?;
    let to = Version::parse(&new.version)?;
    if to < from {
        bail!(
            "{}: version {to} is below the latest release {from} (releases/{}/{from}.json)",
            new.package,
            new.package
        );
    }
    let given = from.bump_to(to);
    if given >= need {
        return Ok(());
    }
    let mut msg = format!(
        "{pkg}: refusing to publish {to}: the changes since {from} need a {need} release ({next} or later), but the version gives {given}.\n",
        pkg = new.package,
        need = need.as_str(),
        next = from.next(need),
        given = if given == Bump::None { "no bump".to_string() } else { format!("a {} bump", given.as_str()) },
    );
    let mut sorted: Vec<&Change> = changes.iter().collect();
    sorted.sort_by_key(|c| std::cmp::Reverse(c.bump));
    for c in sorted.iter().take(8) {
        let _ = writeln!(msg, "  {}: {}", c.bump.as_str(), c.what);
    }
    if sorted.len() > 8 {
        let _ = writeln!(msg, "  … and {} more", sorted.len() - 8);
    }
    let _ = write!(
        msg,
        "Set `version = \"{}\"` (or higher) in the package's release metadata and publish again (`cargo xtask diff` shows every change).",
        from.next(need)
    );
    bail!(msg)
}

// ------------------------------------------------------------------------------------------
// The readable diff

/// The row diff of two package folders, with the changed cells, per CSV table.
pub fn diff_packages(old_dir: &Path, new_dir: &Path) -> Result<Vec<TableDiff>> {
    let old = build_manifest(old_dir)?;
    let new = build_manifest(new_dir)?;
    let (_, diffs) = compare(&old, &new);
    with_cells(old_dir, new_dir, &new, diffs)
}

/// Fills in the changed cells of `diffs` from the two package folders.
pub fn with_cells(
    old_dir: &Path,
    new_dir: &Path,
    new: &Manifest,
    mut diffs: Vec<TableDiff>,
) -> Result<Vec<TableDiff>> {
    for d in &mut diffs {
        if d.changed.is_empty() {
            continue;
        }
        let Some(r) = new.resources.iter().find(|r| r.name == d.name) else {
            continue;
        };
        let rel = resource_path(new_dir, &d.name)?;
        let Some(rel) = rel else { continue };
        let o = read_csv(&old_dir.join(&rel), &r.primary_key)?;
        let n = read_csv(&new_dir.join(&rel), &r.primary_key)?;
        let want: BTreeSet<&str> = d.changed.iter().map(|(k, _)| k.as_str()).collect();
        let pick = |t: &Table| -> BTreeMap<String, BTreeMap<String, String>> {
            t.rows
                .iter()
                .filter(|(k, _)| want.contains(k.as_str()))
                .map(|(k, cells)| {
                    (
                        k.clone(),
                        t.header
                            .iter()
                            .cloned()
                            .zip(cells.iter().cloned())
                            .collect(),
                    )
                })
                .collect()
        };
        let (om, nm) = (pick(&o), pick(&n));
        for (k, cells) in &mut d.changed {
            let (Some(or), Some(nr)) = (om.get(k), nm.get(k)) else {
                continue;
            };
            for f in &n.header {
                let ov = or.get(f).cloned().unwrap_or_default();
                let nv = nr.get(f).cloned().unwrap_or_default();
                if ov != nv {
                    cells.push((f.clone(), ov, nv));
                }
            }
        }
    }
    Ok(diffs)
}

fn resource_path(dir: &Path, name: &str) -> Result<Option<String>> {
    let desc: Value = serde_json::from_slice(&fs::read(dir.join("datapackage.json"))?)?;
    Ok(desc["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["name"] == name)
        .and_then(|r| r["path"].as_str().map(String::from)))
}

/// The rows of `facts` in `dir` by key, with the place of their report, to say a changed
/// value in words.
fn fact_words(dir: &Path, keys: &BTreeSet<&str>) -> Result<BTreeMap<String, String>> {
    let places: BTreeMap<String, String> = match resource_path(dir, "reports")? {
        Some(rel) => {
            let t = read_csv(&dir.join(rel), &["report_id".to_string()])?;
            let col = t.header.iter().position(|h| h == "place_zh");
            t.rows
                .into_iter()
                .map(|(k, c)| (k, col.and_then(|i| c.get(i).cloned()).unwrap_or_default()))
                .collect()
        }
        None => BTreeMap::new(),
    };
    let Some(rel) = resource_path(dir, "facts")? else {
        return Ok(BTreeMap::new());
    };
    let t = read_csv(&dir.join(rel), &["fact_id".to_string()])?;
    let col = |n: &str| t.header.iter().position(|h| h == n);
    let (rid, period, subject) = (col("report_id"), col("period"), col("subject"));
    let cell =
        |c: &[String], i: Option<usize>| i.and_then(|i| c.get(i).cloned()).unwrap_or_default();
    Ok(t.rows
        .iter()
        .filter(|(k, _)| keys.contains(k.as_str()))
        .map(|(k, c)| {
            let place = places.get(&cell(c, rid)).cloned().unwrap_or_default();
            let words: Vec<String> = [place, cell(c, period), cell(c, subject)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            (k.clone(), words.join(" "))
        })
        .collect())
}

/// One changed row in words: `淞南镇 2023 区级财政收入 5.87亿元 → 5.97亿元` for a fact whose
/// number changed, else `key: field old → new; …`.
fn describe(
    table: &str,
    key: &str,
    cells: &[CellChange],
    words: &BTreeMap<String, String>,
) -> String {
    let get = |f: &str| cells.iter().find(|(n, _, _)| n == f);
    if table == "facts" {
        if let Some((_, old, new)) = get("quote") {
            let w = words.get(key).map(String::as_str).unwrap_or(key);
            let rest: Vec<String> = cells
                .iter()
                .filter(|(f, _, _)| {
                    !matches!(
                        f.as_str(),
                        "quote" | "value" | "value_raw" | "start" | "end"
                    )
                })
                .map(|(f, o, n)| format!("{f} {} → {}", show(o), show(n)))
                .collect();
            let mut s = format!("{w} {old} → {new}");
            if !rest.is_empty() {
                let _ = write!(s, " ({})", rest.join("; "));
            }
            return s;
        }
    }
    let list: Vec<String> = cells
        .iter()
        .map(|(f, o, n)| format!("{f} {} → {}", show(o), show(n)))
        .collect();
    format!("`{key}`: {}", list.join("; "))
}

fn show(s: &str) -> String {
    let s = if s.is_empty() { "∅" } else { s };
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(59).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The diff as text: per table the rows added, removed and changed, changed cells old → new;
/// at most `limit` rows of each kind per table (`usize::MAX` for all). `new_dir` gives the
/// words for facts.
pub fn render_diff(diffs: &[TableDiff], new_dir: Option<&Path>, limit: usize) -> Result<String> {
    let keys: BTreeSet<&str> = diffs
        .iter()
        .filter(|d| d.name == "facts")
        .flat_map(|d| d.changed.iter().map(|(k, _)| k.as_str()))
        .collect();
    let words = match new_dir {
        Some(d) if !keys.is_empty() => fact_words(d, &keys)?,
        _ => BTreeMap::new(),
    };
    let mut out = String::new();
    for d in diffs {
        let _ = writeln!(
            out,
            "{}: {} added, {} removed, {} changed",
            d.name,
            d.added.len(),
            d.removed.len(),
            d.changed.len()
        );
        let mut list = |sign: &str, items: Vec<String>| {
            let n = items.len();
            for it in items.into_iter().take(limit) {
                let _ = writeln!(out, "  {sign} {it}");
            }
            if n > limit {
                let _ = writeln!(out, "  {sign} … and {} more", n - limit);
            }
        };
        list("+", d.added.clone());
        list("-", d.removed.clone());
        list(
            "~",
            d.changed
                .iter()
                .map(|(k, cells)| {
                    if cells.is_empty() {
                        format!("`{k}`")
                    } else {
                        describe(&d.name, k, cells, &words)
                    }
                })
                .collect(),
        );
    }
    Ok(out)
}

// ------------------------------------------------------------------------------------------
// Changelog

/// The changelog entry of a new version (`releases/<package>/<version>.md`): the bump and why,
/// counts per table and the changed values (at most [`EXAMPLES`] per table).
pub fn changelog_entry(
    new: &Manifest,
    date: &str,
    previous: Option<&Manifest>,
    changes: &[Change],
    diffs: &[TableDiff],
    new_dir: Option<&Path>,
) -> Result<String> {
    let mut out = format!("### {} {} ({})\n\n", new.package, new.version, date);
    let Some(prev) = previous else {
        out.push_str("First release.\n\n| table | rows |\n|---|---:|\n");
        for r in new.resources.iter().filter(|r| r.row_count.is_some()) {
            let _ = writeln!(out, "| {} | {} |", r.name, r.row_count.unwrap_or(0));
        }
        out.push('\n');
        return Ok(out);
    };
    let need = needed(changes);
    let given = Version::parse(&prev.version)?.bump_to(Version::parse(&new.version)?);
    let _ = writeln!(
        out,
        "{} release after {} (the changes need: {}).\n",
        capital(given.as_str()),
        prev.version,
        need.as_str()
    );
    if changes.is_empty() {
        out.push_str("No change to the data.\n\n");
        return Ok(out);
    }
    let mut sorted: Vec<&Change> = changes.iter().collect();
    sorted.sort_by_key(|c| std::cmp::Reverse(c.bump));
    for c in sorted {
        let _ = writeln!(out, "- {}: {}", c.bump.as_str(), c.what);
    }
    out.push('\n');
    if !diffs.is_empty() {
        out.push_str("| table | added | removed | changed |\n|---|---:|---:|---:|\n");
        for d in diffs {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                d.name,
                d.added.len(),
                d.removed.len(),
                d.changed.len()
            );
        }
        out.push_str("\n```\n");
        out.push_str(&render_diff(diffs, new_dir, EXAMPLES)?);
        out.push_str("```\n\n");
    }
    Ok(out)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// `CHANGELOG.md`: every entry under `releases_dir`, packages in `order` first (the rest by
/// name), newest version first.
pub fn changelog(releases_dir: &Path, order: &[&str]) -> Result<String> {
    let mut packages: Vec<String> = fs::read_dir(releases_dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    packages.sort_by_key(|p| {
        (
            order
                .iter()
                .position(|o| *o == p.as_str())
                .unwrap_or(usize::MAX),
            p.clone(),
        )
    });
    let mut out = String::from(
        "# Changelog\n\nGenerated by `cargo xtask publish` from `releases/<package>/<version>.md`; do not edit. \
         Every published version of every package, newest first. The rule a version follows is in README.md, \"Versions\".\n\n",
    );
    for p in packages {
        let _ = writeln!(out, "## {p}\n");
        let mut vs: Vec<(Version, PathBuf)> = Vec::new();
        for e in fs::read_dir(releases_dir.join(&p))?.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if let Some(v) = name.strip_suffix(".md") {
                vs.push((Version::parse(v)?, e.path()));
            }
        }
        vs.sort();
        for (_, path) in vs.into_iter().rev() {
            out.push_str(&fs::read_to_string(&path)?);
        }
    }
    Ok(out)
}

/// What publishing one package will write under `releases/`, decided before anything is
/// written.
pub struct Plan {
    /// The new manifest.
    pub manifest: Manifest,
    /// Its JSON (written to `releases/<package>/<version>.json`).
    pub json: String,
    /// The changelog entry, when this version is new.
    pub entry: Option<String>,
    /// The bump the changes needed.
    pub needed: Bump,
}

/// Compares the package built in `new_dir` with the latest manifest under `releases_dir` and
/// decides what to record; refuses (an error naming the changes) when the version is too low.
/// `old_dir`, when given, is the package of the latest release (its cells make the changelog
/// say the values).
pub fn plan(
    releases_dir: &Path,
    new_dir: &Path,
    old_dir: Option<&Path>,
    date: &str,
) -> Result<Plan> {
    let manifest = build_manifest(new_dir)?;
    let json = manifest_json(&manifest);
    let version = Version::parse(&manifest.version)?;
    let all = versions(releases_dir, &manifest.package)?;
    let Some(&latest) = all.last() else {
        let entry = changelog_entry(&manifest, date, None, &[], &[], None)?;
        return Ok(Plan {
            manifest,
            json,
            entry: Some(entry),
            needed: Bump::None,
        });
    };
    let prev = load_manifest(releases_dir, &manifest.package, latest)?;
    let (changes, diffs) = compare(&prev, &manifest);
    // cells only from a package that is the latest release
    let is_prev = |d: &&Path| build_manifest(d).is_ok_and(|m| same_rows(&m, &prev));
    if let Err(refusal) = check(&prev, &manifest, &changes) {
        let old_dir = old_dir.filter(is_prev);
        // with the previous package at hand, the first changed rows in words
        let detail = match old_dir {
            Some(d) => with_cells(d, new_dir, &manifest, diffs)
                .and_then(|diffs| render_diff(&diffs, Some(new_dir), 3))
                .unwrap_or_default(),
            None => String::new(),
        };
        if detail.is_empty() {
            return Err(refusal);
        }
        bail!("{refusal:#}\nThe rows that differ (at most 3 of each kind per table):\n{detail}");
    }
    if version == latest {
        // the same content again: nothing new to record
        return Ok(Plan {
            manifest,
            json,
            entry: None,
            needed: Bump::None,
        });
    }
    let diffs = match old_dir.filter(is_prev) {
        Some(d) => with_cells(d, new_dir, &manifest, diffs)?,
        None => diffs,
    };
    let entry = changelog_entry(
        &manifest,
        date,
        Some(&prev),
        &changes,
        &diffs,
        Some(new_dir),
    )?;
    Ok(Plan {
        needed: needed(&changes),
        manifest,
        json,
        entry: Some(entry),
    })
}

fn same_rows(a: &Manifest, b: &Manifest) -> bool {
    a.resources.len() == b.resources.len()
        && a.resources
            .iter()
            .zip(&b.resources)
            .all(|(x, y)| x.rows == y.rows)
}

/// Writes the manifest and the entry of `plan` under `releases_dir`.
pub fn record(releases_dir: &Path, plan: &Plan) -> Result<()> {
    let m = &plan.manifest;
    let path = manifest_path(releases_dir, &m.package, &m.version);
    if let Some(d) = path.parent() {
        fs::create_dir_all(d).with_context(|| format!("{}: cannot create", d.display()))?;
    }
    if fs::read_to_string(&path).ok().as_deref() != Some(plan.json.as_str()) {
        fs::write(&path, &plan.json)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    if let Some(entry) = &plan.entry {
        let p = path.with_extension("md");
        fs::write(&p, entry).with_context(|| format!("{}: cannot write", p.display()))?;
    }
    Ok(())
}
