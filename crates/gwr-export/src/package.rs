//! The data package: tables, schemas, source texts and `datapackage.json`.

use std::path::{Path, PathBuf};

use gwr_model::{
    Fact, Indicator, Paragraph, PlaceRow, QualityIssue, Report, ReportRow, Section, Table, Target,
    TargetOutcome,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::stream::TableWriter;
use crate::{sha256_hex, ExportError};

/// A license of the package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct License {
    /// SPDX identifier (CC-BY-4.0).
    pub name: String,
    /// Address of the license text.
    pub path: String,
    /// Human title.
    pub title: String,
}

/// A contributor of the package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    /// Name.
    pub title: String,
    /// Roles (creator, publisher, …).
    pub roles: Vec<String>,
    /// Address, optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// Package-level metadata (`release.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageMeta {
    /// Package name: lower-case, digits, `-`, `_`, `.`.
    pub name: String,
    /// Semantic version of the data.
    pub version: String,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// English description.
    pub description_en: String,
    /// Chinese description.
    pub description_zh: String,
    /// Project home page.
    pub homepage: String,
    /// When this version was made (RFC 3339); fixed per release so output is reproducible.
    pub created: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Licenses of the data.
    pub licenses: Vec<License>,
    /// Contributors.
    pub contributors: Vec<Contributor>,
}

impl PackageMeta {
    /// Checks the name and version forms.
    pub fn validate(&self) -> Result<(), ExportError> {
        let ok_name = !self.name.is_empty()
            && self
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
        if !ok_name {
            return Err(ExportError::Meta(format!(
                "name `{}` must be lower-case letters, digits, -, _ or .",
                self.name
            )));
        }
        let parts: Vec<&str> = self.version.split('.').collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(ExportError::Meta(format!(
                "version `{}` is not MAJOR.MINOR.PATCH",
                self.version
            )));
        }
        Ok(())
    }
}

/// A source text to ship in the package.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceText {
    /// The report it is the text of.
    pub report_id: String,
    /// Path inside the package, `/`-separated.
    pub path: String,
    /// The exact bytes the offsets count into (UTF-8).
    pub bytes: Vec<u8>,
    /// Title of the report.
    pub title: String,
    /// Address of the original page, when known.
    pub url: Option<String>,
}

impl SourceText {
    /// The title to show for the text: the report's title, or its id when it has none.
    fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.report_id
        } else {
            &self.title
        }
    }
}

/// Everything a package is made of.
#[derive(Debug, Clone)]
pub struct PackageInput<'a> {
    /// Package metadata.
    pub meta: &'a PackageMeta,
    /// The reports, in the order their rows should appear.
    pub reports: &'a [Report],
    /// The indicator glossary.
    pub glossary: &'a [Indicator],
    /// The source texts.
    pub sources: Vec<SourceText>,
    /// Reports not in the package whose national targets are set beside the package's
    /// sub-national targets in `target_outcomes` (the national collection for the provinces'
    /// release; see [`gwr_panel::Panel::add_reference`]). Usually empty.
    pub reference: &'a [Report],
}

/// Where the package's files go, relative to its root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Folder of the table files ("" for the root).
    pub data_dir: &'static str,
    /// Folder of the JSON Schemas.
    pub schemas_dir: &'static str,
}

impl Layout {
    /// The published layout: `data/`, `schemas/`.
    pub const PUBLISH: Layout = Layout {
        data_dir: "data",
        schemas_dir: "schemas",
    };
    /// A flat layout for `gwr extract --out DIR`: tables at the root, schemas in `schemas/`.
    pub const FLAT: Layout = Layout {
        data_dir: "",
        schemas_dir: "schemas",
    };

    fn join(dir: &str, name: &str) -> String {
        if name.is_empty() {
            dir.to_string()
        } else if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        }
    }
}

/// A file the package consists of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    /// Path relative to the package root, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
}

struct Resource {
    descriptor: Value,
}

/// Writes every file of the package below `root` and returns them, `datapackage.json` last.
///
/// Each file is written to a temporary name beside it and renamed into place, so a reader never
/// sees a half-written file. Files whose content is unchanged are not rewritten. The same as
/// [`PackageWriter`] given every report and source in turn.
pub fn write_package(
    root: &Path,
    input: &PackageInput<'_>,
    layout: &Layout,
) -> Result<Vec<WrittenFile>, ExportError> {
    input.meta.validate()?;
    let mut w = PackageWriter::create(
        root,
        *layout,
        &input.meta.name,
        &input.meta.version,
        input.glossary,
    )?;
    for r in input.reference {
        w.add_reference(r);
    }
    for r in input.reports {
        w.add_rows(r)?;
    }
    for s in &input.sources {
        w.add_source(s)?;
    }
    w.finish(input.meta)
}

/// The per-report tables being written.
struct Writers {
    reports: TableWriter<ReportRow>,
    sections: TableWriter<Section>,
    paragraphs: TableWriter<Paragraph>,
    facts: TableWriter<Fact>,
    targets: TableWriter<Target>,
    issues: TableWriter<QualityIssue>,
}

/// A package written report by report: rows go to the table files as they are added (CSV
/// appended, Parquet in batches and row groups, see [`crate::stream`]), so memory does not grow
/// with the number of reports. The files are the same bytes [`write_package`] writes for the
/// same reports in the same order.
///
/// ```no_run
/// use gwr_export::{Layout, PackageMeta, PackageWriter};
/// # fn demo(meta: PackageMeta, reports: Vec<gwr_model::Report>) -> Result<(), gwr_export::ExportError> {
/// let root = std::path::Path::new("out");
/// let mut w = PackageWriter::create(root, Layout::FLAT, &meta.name, &meta.version, &[])?;
/// for r in &reports {
///     w.add_rows(r)?; // and w.add_source(…) for its text
/// }
/// let files = w.finish(&meta)?;
/// # Ok(()) }
/// ```
pub struct PackageWriter {
    root: PathBuf,
    layout: Layout,
    name: String,
    version: String,
    glossary: (WrittenFile, WrittenFile),
    writers: Writers,
    sources: Vec<(SourceText, WrittenFile)>,
    /// Every report's place and its ancestors, each code once (the first report's row wins):
    /// a few rows per report, written at [`PackageWriter::finish`] in code order.
    places: std::collections::BTreeMap<String, PlaceRow>,
    /// The targets and candidate outcomes of every report, linked at
    /// [`PackageWriter::finish`] into `target_outcomes`.
    panel: gwr_panel::Panel,
}

/// The CSV and Parquet paths of table `T`.
fn table_paths<T: Table>(layout: &Layout) -> (String, String) {
    let dir = Layout::join(layout.data_dir, T::SUBDIR);
    let dir = dir.trim_end_matches('/');
    (
        Layout::join(dir, &format!("{}.csv", T::NAME)),
        Layout::join(dir, &format!("{}.parquet", T::NAME)),
    )
}

fn table_writer<T: Table>(
    root: &Path,
    layout: &Layout,
    name: &str,
    version: &str,
) -> Result<TableWriter<T>, ExportError> {
    let (csv, pq) = table_paths::<T>(layout);
    TableWriter::create(root, &csv, &pq, name, version)
}

impl PackageWriter {
    /// Starts the package `name` `version` below `root` (both go into every Parquet file, and
    /// must be those of the metadata given to [`PackageWriter::finish`]); writes the glossary.
    pub fn create(
        root: &Path,
        layout: Layout,
        name: &str,
        version: &str,
        glossary: &[Indicator],
    ) -> Result<Self, ExportError> {
        let mut g = table_writer::<Indicator>(root, &layout, name, version)?;
        for row in glossary {
            g.push(row)?;
        }
        let glossary = g.finish()?;
        let writers = Writers {
            reports: table_writer(root, &layout, name, version)?,
            sections: table_writer(root, &layout, name, version)?,
            paragraphs: table_writer(root, &layout, name, version)?,
            facts: table_writer(root, &layout, name, version)?,
            targets: table_writer(root, &layout, name, version)?,
            issues: table_writer(root, &layout, name, version)?,
        };
        Ok(PackageWriter {
            root: root.to_path_buf(),
            layout,
            name: name.to_string(),
            version: version.to_string(),
            glossary,
            writers,
            sources: Vec::new(),
            places: std::collections::BTreeMap::new(),
            panel: gwr_panel::Panel::default(),
        })
    }

    /// Appends the rows of one report to every table.
    pub fn add_rows(&mut self, report: &Report) -> Result<(), ExportError> {
        let w = &mut self.writers;
        if let Some(r) = &report.report {
            w.reports.push(r)?;
        }
        for r in &report.sections {
            w.sections.push(r)?;
        }
        for r in &report.paragraphs {
            w.paragraphs.push(r)?;
        }
        for r in &report.facts {
            w.facts.push(r)?;
        }
        for r in &report.targets {
            w.targets.push(r)?;
        }
        for r in &report.quality_issues {
            w.issues.push(r)?;
        }
        for p in &report.places {
            self.places
                .entry(p.code.clone())
                .or_insert_with(|| p.clone());
        }
        self.panel.add(report);
        Ok(())
    }

    /// Keeps the national targets of a report that is not part of the package, to be set beside
    /// the package's sub-national targets in `target_outcomes` (no row of it is written).
    pub fn add_reference(&mut self, report: &Report) {
        self.panel.add_reference(report);
    }

    /// Writes a source text (its bytes are not kept).
    pub fn add_source(&mut self, s: &SourceText) -> Result<(), ExportError> {
        let f = put(&self.root, &s.path, &s.bytes)?;
        let kept = SourceText {
            report_id: s.report_id.clone(),
            path: s.path.clone(),
            bytes: Vec::new(),
            title: s.title.clone(),
            url: s.url.clone(),
        };
        self.sources.push((kept, f));
        Ok(())
    }

    /// Finishes every table, writes the JSON Schemas and `datapackage.json` (from `meta`), and
    /// returns the files of the package, `datapackage.json` last.
    pub fn finish(self, meta: &PackageMeta) -> Result<Vec<WrittenFile>, ExportError> {
        meta.validate()?;
        if meta.name != self.name || meta.version != self.version {
            return Err(ExportError::Meta(format!(
                "the package was started as {} {} but finished as {} {}",
                self.name, self.version, meta.name, meta.version
            )));
        }
        let root = self.root.as_path();
        let layout = &self.layout;
        let w = self.writers;
        let mut files = Vec::new();
        let mut csv_res = Vec::new();
        let mut pq_res = Vec::new();
        let mut out = Out {
            root,
            layout,
            files: &mut files,
            csv_res: &mut csv_res,
            pq_res: &mut pq_res,
        };
        out.table::<Indicator>(self.glossary)?;
        let mut places = table_writer::<PlaceRow>(root, layout, &self.name, &self.version)?;
        for p in self.places.values() {
            places.push(p)?;
        }
        out.table::<PlaceRow>(places.finish()?)?;
        out.table::<ReportRow>(w.reports.finish()?)?;
        out.table::<Section>(w.sections.finish()?)?;
        out.table::<Paragraph>(w.paragraphs.finish()?)?;
        out.table::<Fact>(w.facts.finish()?)?;
        out.table::<Target>(w.targets.finish()?)?;
        out.table::<QualityIssue>(w.issues.finish()?)?;
        let mut outcomes = table_writer::<TargetOutcome>(root, layout, &self.name, &self.version)?;
        for row in self.panel.target_outcomes()? {
            outcomes.push(&row)?;
        }
        out.table::<TargetOutcome>(outcomes.finish()?)?;
        let mut resources = csv_res;
        resources.extend(pq_res);

        let mut sources = Vec::with_capacity(self.sources.len());
        for (s, f) in self.sources {
            let title = s.display_title();
            resources.push(Resource {
                descriptor: json!({
                    "name": format!("source-{}", s.report_id),
                    "path": s.path,
                    "format": "txt",
                    "mediatype": "text/plain",
                    "encoding": "utf-8",
                    "title": format!("{title} (source text)"),
                    "description": "The report text exactly as extracted from; every offset in the tables counts Unicode code points into this file. 报告原文,各表偏移量均以此文件的 Unicode 码位计。",
                    "bytes": f.bytes,
                    "hash": format!("sha256:{}", f.sha256),
                }),
            });
            files.push(f);
            sources.push(s);
        }

        let descriptor = descriptor(meta, &sources, resources);
        let mut text = serde_json::to_string_pretty(&descriptor)
            .map_err(|e| ExportError::Meta(e.to_string()))?;
        text.push('\n');
        files.push(put(root, "datapackage.json", text.as_bytes())?);
        Ok(files)
    }
}

/// Where the finished tables' files and resources go.
struct Out<'a> {
    root: &'a Path,
    layout: &'a Layout,
    files: &'a mut Vec<WrittenFile>,
    csv_res: &'a mut Vec<Resource>,
    pq_res: &'a mut Vec<Resource>,
}

impl Out<'_> {
    /// Writes the JSON Schema of table `T` and records its files and resources.
    fn table<T: Table>(
        &mut self,
        (csv, pq): (WrittenFile, WrittenFile),
    ) -> Result<(), ExportError> {
        let mut json_schema = serde_json::to_string_pretty(&T::row_json_schema())
            .map_err(|e| ExportError::Meta(e.to_string()))?;
        json_schema.push('\n');
        self.files.push(put(
            self.root,
            &Layout::join(self.layout.schemas_dir, &format!("{}.schema.json", T::NAME)),
            json_schema.as_bytes(),
        )?);
        let schema = T::table_schema();
        let base = |name: String, f: &WrittenFile, format: &str, mediatype: &str, schema: Value| {
            // frictionless-py (5.21) reads Parquet without its byte loader, so it reports any
            // declared `bytes` of a Parquet resource as a byte-count error (actual: None). The
            // size of a Parquet file is therefore given as `x-bytes`; gwr-validate checks it.
            let bytes_key = if format == "parquet" {
                "x-bytes"
            } else {
                "bytes"
            };
            json!({
                "name": name,
                "type": "table",
                "path": f.path,
                "format": format,
                "mediatype": mediatype,
                "encoding": "utf-8",
                "title": format!("{} / {}", T::TITLE_EN, T::TITLE_ZH),
                "description": format!("{} {}", T::DESCRIPTION_EN, T::DESCRIPTION_ZH),
                bytes_key: f.bytes,
                "hash": format!("sha256:{}", f.sha256),
                "schema": schema,
            })
        };
        let mut csv_desc = base(
            T::NAME.to_string(),
            &csv,
            "csv",
            "text/csv",
            resource_schema(&schema, T::NAME, ""),
        );
        if let Value::Object(m) = &mut csv_desc {
            m.insert(
                "dialect".into(),
                json!({"header": true, "delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": true}),
            );
        }
        self.csv_res.push(Resource {
            descriptor: csv_desc,
        });
        self.pq_res.push(Resource {
            descriptor: base(
                format!("{}-parquet", T::NAME),
                &pq,
                "parquet",
                "application/vnd.apache.parquet",
                resource_schema(&schema, T::NAME, "-parquet"),
            ),
        });
        self.files.push(csv);
        self.files.push(pq);
        Ok(())
    }
}

/// The table schema as one resource carries it: foreign keys point at the resources of the same
/// format (suffix), and a key into the table itself has no `resource`, as Table Schema v2 says.
fn resource_schema(schema: &Value, own: &str, suffix: &str) -> Value {
    let mut schema = schema.clone();
    if let Some(Value::Array(fks)) = schema.get_mut("foreignKeys") {
        for fk in fks {
            if let Some(Value::Object(reference)) = fk.get_mut("reference") {
                let target = reference
                    .get("resource")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                if target == own {
                    reference.remove("resource");
                } else {
                    reference.insert(
                        "resource".into(),
                        Value::String(format!("{target}{suffix}")),
                    );
                }
            }
        }
    }
    schema
}

fn descriptor(meta: &PackageMeta, sources: &[SourceText], resources: Vec<Resource>) -> Value {
    let mut d = Map::new();
    d.insert(
        "$schema".into(),
        json!("https://datapackage.org/profiles/2.0/datapackage.json"),
    );
    d.insert("name".into(), json!(meta.name));
    d.insert(
        "id".into(),
        json!(format!(
            "{}/{}",
            meta.homepage.trim_end_matches('/'),
            meta.version
        )),
    );
    d.insert(
        "title".into(),
        json!(format!("{} / {}", meta.title_zh, meta.title_en)),
    );
    d.insert(
        "description".into(),
        json!(format!(
            "{}\n\n{}",
            meta.description_en, meta.description_zh
        )),
    );
    d.insert("version".into(), json!(meta.version));
    d.insert("created".into(), json!(meta.created));
    d.insert("homepage".into(), json!(meta.homepage));
    // The Data Package v2 profile wants at least one item in each of these lists when present,
    // so a list with nothing in it is left out.
    insert_list(&mut d, "keywords", json!(meta.keywords));
    insert_list(&mut d, "licenses", json!(meta.licenses));
    let sources: Vec<Value> = sources
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("title".into(), json!(s.display_title()));
            if let Some(u) = &s.url {
                m.insert("path".into(), json!(u));
            }
            Value::Object(m)
        })
        .collect();
    d.insert("sources".into(), Value::Array(sources));
    let contributors: Vec<Value> = meta
        .contributors
        .iter()
        .map(|c| {
            let mut v = json!(c);
            if c.roles.is_empty() {
                if let Value::Object(m) = &mut v {
                    m.remove("roles");
                }
            }
            v
        })
        .collect();
    insert_list(&mut d, "contributors", Value::Array(contributors));
    d.insert("x-title-zh".into(), json!(meta.title_zh));
    d.insert("x-title-en".into(), json!(meta.title_en));
    d.insert(
        "resources".into(),
        Value::Array(resources.into_iter().map(|r| r.descriptor).collect()),
    );
    Value::Object(d)
}

/// Inserts `list` under `key` unless it is an empty array.
fn insert_list(d: &mut Map<String, Value>, key: &str, list: Value) {
    if list.as_array().is_some_and(|a| !a.is_empty()) {
        d.insert(key.into(), list);
    }
}

/// Writes `bytes` to `root/rel` through a temporary file and a rename, unless the file already
/// holds exactly these bytes.
fn put(root: &Path, rel: &str, bytes: &[u8]) -> Result<WrittenFile, ExportError> {
    let path: PathBuf = rel
        .split('/')
        .fold(root.to_path_buf(), |p, part| p.join(part));
    let io = |path: &Path, source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let unchanged = std::fs::read(&path)
        .map(|old| old == bytes)
        .unwrap_or(false);
    if !unchanged {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        let tmp = crate::stream::tmp_path(&path);
        std::fs::write(&tmp, bytes).map_err(|e| io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| io(&path, e))?;
    }
    Ok(WrittenFile {
        path: rel.to_string(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(licenses: Vec<License>, contributors: Vec<Contributor>) -> PackageMeta {
        PackageMeta {
            name: "gwr-test".into(),
            version: "0.0.0".into(),
            title_en: "t".into(),
            title_zh: "t".into(),
            description_en: "d".into(),
            description_zh: "d".into(),
            homepage: "https://example.invalid/gwr".into(),
            created: "1970-01-01T00:00:00Z".into(),
            keywords: vec![],
            licenses,
            contributors,
        }
    }

    fn descriptor_of(meta: &PackageMeta, name: &str) -> Value {
        let root =
            std::env::temp_dir().join(format!("gwr-export-package-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let input = PackageInput {
            meta,
            reports: &[],
            reference: &[],
            glossary: &[],
            sources: vec![SourceText {
                report_id: "r-2024".into(),
                path: "source/r-2024.txt".into(),
                bytes: "各位代表：\n".as_bytes().to_vec(),
                title: String::new(),
                url: None,
            }],
        };
        write_package(&root, &input, &Layout::FLAT).expect("write");
        let text = std::fs::read_to_string(root.join("datapackage.json")).expect("read");
        std::fs::remove_dir_all(&root).ok();
        serde_json::from_str(&text).expect("json")
    }

    #[test]
    fn empty_lists_are_left_out() {
        let d = descriptor_of(&meta(vec![], vec![]), "empty");
        for key in ["licenses", "contributors", "keywords"] {
            assert!(d.get(key).is_none(), "{key}: {:?}", d.get(key));
        }
        // a text without a title is named by its report id
        assert_eq!(d["sources"][0]["title"], "r-2024");
        let source = d["resources"]
            .as_array()
            .and_then(|r| r.iter().find(|r| r["name"] == "source-r-2024"))
            .expect("source resource");
        assert_eq!(source["title"], "r-2024 (source text)");
    }

    #[test]
    fn given_lists_are_written_and_empty_roles_left_out() {
        let licenses = vec![License {
            name: "CC-BY-4.0".into(),
            path: "https://creativecommons.org/licenses/by/4.0/".into(),
            title: "Creative Commons Attribution 4.0".into(),
        }];
        let contributors = vec![Contributor {
            title: "某人".into(),
            roles: vec![],
            path: None,
        }];
        let d = descriptor_of(&meta(licenses, contributors), "given");
        assert_eq!(d["licenses"][0]["name"], "CC-BY-4.0");
        assert_eq!(d["contributors"][0]["title"], "某人");
        assert!(d["contributors"][0].get("roles").is_none());
    }
}
