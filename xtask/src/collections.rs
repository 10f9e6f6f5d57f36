//! Collections: the packages published beside the embedded default, one per folder of
//! `data/collections/<name>/`:
//!
//! - `collection.toml`: the release metadata (`[release]`, the same fields as `release.toml`)
//!   and where the sources came from (`[upstream]`: repository, commit, licence note, and the
//!   upstream folders copied);
//! - `sources/`: the report files, copied unchanged from upstream (same relative paths);
//! - `manifest.csv`: one line per report — file, report_id, report_year, report_year_basis,
//!   place_zh, admin_level, place_code, delivered_date, speaker, title, source_url, document_kind
//!   (empty: recognised from the title). It is generated once
//!   by `cargo xtask collections import` from the front matter and what the text says, then
//!   committed: a person corrects one report's year or place by editing its line, and a later
//!   import keeps every line that is already there.
//!
//! `cargo xtask publish` extracts every collection into `dist/<name>-<version>/` (tables,
//! schemas, texts, workbook, Excel CSVs, one annotated page per report and an `index.html`),
//! zips it, and lists it in `dist/SHA256SUMS`. The tables of a collection are never committed:
//! they are rebuilt from the committed sources and manifest, byte for byte.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use gwr_export::html::{escape, report_page_name};
use gwr_export::{PackageMeta, SourceText};
use gwr_extract::{decode, SourceInfo};
use gwr_model::{AdminLevel, DocumentKind, Indicator, Report, ReportMeta, YearBasis};

use crate::charts::Chart;
use serde::{Deserialize, Serialize};

use crate::SourceReport;

/// Where the collections live, relative to the repo root.
pub const COLLECTIONS_DIR: &str = "data/collections";

/// `collection.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionToml {
    /// The collection whose national reports' targets are set beside this collection's targets
    /// in `target_outcomes` (`national` for the provinces, whose release holds no national
    /// report); none by default.
    #[serde(default)]
    pub reference: Option<String>,
    /// The package metadata of the collection's release.
    pub release: PackageMeta,
    /// Where the sources were copied from.
    pub upstream: Upstream,
}

/// The upstream of a collection's sources.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upstream {
    /// The public repository the files were copied from.
    pub repository: String,
    /// Its commit.
    pub commit: String,
    /// What may be done with the texts, and why.
    pub licence_note: String,
    /// The upstream folders copied (relative to the upstream root), with every file below them.
    pub folders: Vec<String>,
}

/// One line of `manifest.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestRow {
    /// The file, relative to `sources/`, `/`-separated.
    pub file: String,
    /// The report id.
    pub report_id: String,
    /// The year the report plans for (empty when unknown).
    pub report_year: Option<i32>,
    /// How that year was read when the line was made (`title`, `delivered_date`, …, or
    /// `metadata` for a year a person set).
    pub report_year_basis: Option<YearBasis>,
    /// The place as named in Chinese.
    pub place_zh: String,
    /// Its administrative level (`national`, `province`, …).
    pub admin_level: String,
    /// Its GB/T 2260 code, when known.
    pub place_code: Option<String>,
    /// Date delivered, YYYY-MM-DD.
    pub delivered_date: Option<String>,
    /// The speaker.
    pub speaker: Option<String>,
    /// The title as printed.
    pub title: Option<String>,
    /// The address of the page the text was taken from.
    pub source_url: Option<String>,
    /// What kind of document the file is (`work_report`, `statistical_communique`); empty:
    /// recognised from the title when extracted.
    #[serde(default)]
    pub document_kind: Option<DocumentKind>,
}

/// One collection, as found under `data/collections/<name>/`.
pub struct Collection {
    /// Its folder.
    pub dir: PathBuf,
    /// `collection.toml`.
    pub config: CollectionToml,
    /// `manifest.csv`, in file order.
    pub manifest: Vec<ManifestRow>,
}

/// Every collection under `root`, by name.
pub fn load_all(root: &Path) -> Result<Vec<Collection>> {
    let dir = root.join(COLLECTIONS_DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .with_context(|| format!("{}: cannot list", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("collection.toml").is_file())
        .collect();
    names.sort();
    names.into_iter().map(|d| load(&d)).collect()
}

/// Reads one collection's `collection.toml` and `manifest.csv`.
pub fn load(dir: &Path) -> Result<Collection> {
    let path = dir.join("collection.toml");
    let text =
        fs::read_to_string(&path).with_context(|| format!("{}: cannot read", path.display()))?;
    let config: CollectionToml =
        toml::from_str(&text).with_context(|| format!("{}: malformed", path.display()))?;
    config
        .release
        .validate()
        .with_context(|| format!("{}: invalid release metadata", path.display()))?;
    let manifest = read_manifest(&dir.join("manifest.csv"))?;
    Ok(Collection {
        dir: dir.to_path_buf(),
        config,
        manifest,
    })
}

fn read_manifest(path: &Path) -> Result<Vec<ManifestRow>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let mut rdr =
        csv::Reader::from_path(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut rows = Vec::new();
    for (i, row) in rdr.deserialize::<ManifestRow>().enumerate() {
        // line 1 is the header
        let row = row.with_context(|| format!("{}:{}: malformed line", path.display(), i + 2))?;
        rows.push(row);
    }
    Ok(rows)
}

fn write_manifest(path: &Path, rows: &[ManifestRow]) -> Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r).context("manifest row")?;
    }
    let bytes = w.into_inner().context("manifest")?;
    fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
}

impl ManifestRow {
    /// The report metadata this line gives.
    pub fn meta(&self, sha256: String) -> Result<ReportMeta> {
        let admin_level: AdminLevel =
            serde_json::from_value(serde_json::Value::String(self.admin_level.clone()))
                .with_context(|| format!("admin_level `{}` is not a level", self.admin_level))?;
        let meta = ReportMeta {
            report_id: self.report_id.clone(),
            title: self.title.clone().unwrap_or_default(),
            place_zh: self.place_zh.clone(),
            admin_level,
            report_year: self.report_year,
            report_year_basis: Some(if self.report_year.is_none() {
                YearBasis::Unknown
            } else {
                self.report_year_basis.unwrap_or(YearBasis::Metadata)
            }),
            place_code: self.place_code.clone(),
            delivered_date: self.delivered_date.clone(),
            speaker: self.speaker.clone(),
            source_url: self.source_url.clone(),
            sha256: Some(sha256),
            document_kind: self.document_kind,
            ..Default::default()
        };
        meta.validate()?;
        Ok(meta)
    }
}

impl Collection {
    /// The collection's name (its folder).
    pub fn name(&self) -> String {
        self.dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("collection")
            .to_string()
    }

    /// Reads and decodes every report of the manifest, in manifest order.
    pub fn sources(&self) -> Result<Vec<SourceReport>> {
        let mut seen = BTreeMap::new();
        let mut out = Vec::with_capacity(self.manifest.len());
        for row in &self.manifest {
            let path = self.dir.join("sources").join(&row.file);
            let ctx = || format!("{}", path.display());
            if let Some(prev) = seen.insert(row.report_id.clone(), row.file.clone()) {
                bail!(
                    "{}: report_id `{}` is used twice (also by {prev})",
                    self.dir.join("manifest.csv").display(),
                    row.report_id
                );
            }
            let bytes = fs::read(&path).with_context(|| format!("{}: cannot read", ctx()))?;
            let sha = decode::sha256_hex(&bytes);
            let decoded =
                decode::decode(&bytes).with_context(|| format!("{}: cannot decode", ctx()))?;
            let mut meta = row
                .meta(sha.clone())
                .with_context(|| format!("{}: line of {}", ctx(), row.report_id))?;
            meta.language = gwr_extract::infer::language_of(&decoded.text).into();
            let ext = Path::new(&row.file)
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("txt");
            out.push(SourceReport {
                rel_path: format!("source/{}.{ext}", row.report_id),
                meta,
                text: decoded.text,
                info: SourceInfo {
                    encoding: decoded.encoding,
                    sha256: sha,
                    markdown: ext == "md",
                },
            });
        }
        Ok(out)
    }
}

/// The package texts of `sources`.
pub fn source_texts(sources: &[SourceReport]) -> Vec<SourceText> {
    sources
        .iter()
        .map(|s| SourceText {
            report_id: s.meta.report_id.clone(),
            path: s.rel_path.clone(),
            bytes: s.text.as_bytes().to_vec(),
            title: s.meta.title.clone(),
            url: s.meta.source_url.clone(),
        })
        .collect()
}

/// `index.html` of a collection's release: every report with its counts and a link to its
/// annotated page. One self-contained file, no external assets.
pub fn index_html(
    meta: &PackageMeta,
    reports: &[Report],
    charts: &[Chart],
    glossary: &[Indicator],
) -> String {
    let mut figures = String::new();
    if !charts.is_empty() {
        figures.push_str("<h2>Targets and outcomes · 目标与完成情况</h2>\n<p>Each headline indicator's targets (○) and the outcomes the next report states (●), from <code>data/target_outcomes.csv</code>.</p>\n");
    }
    for c in charts {
        let name = glossary
            .iter()
            .find(|g| g.code == c.indicator)
            .map(|g| format!("{} · {}", g.name_zh, g.name_en))
            .unwrap_or_else(|| c.indicator.clone());
        figures.push_str(&c.figure(&name));
    }
    let mut rows = String::new();
    for r in reports {
        let Some(row) = r.report.as_ref() else {
            continue;
        };
        let targets = r.facts.iter().filter(|f| is_target(f)).count();
        let _ = writeln!(
            rows,
            "<tr><td><a href=\"{page}\">{id}</a></td><td>{place}</td><td>{year}</td><td>{date}</td><td class=n>{facts}</td><td class=n>{targets}</td><td class=n>{issues}</td></tr>",
            page = escape(&report_page_name(&row.report_id, reports.len())),
            id = escape(&row.report_id),
            place = escape(&row.place_zh),
            year = row.report_year.map(|y| y.to_string()).unwrap_or_default(),
            date = escape(row.delivered_date.as_deref().unwrap_or("")),
            facts = r.facts.len(),
            issues = r.quality_issues.len(),
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{title}</title>\n<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 6px}}td.n{{text-align:right}}</style></head>\n<body data-report-count=\"{n}\"><h1>{title}</h1><p>{title_en}</p><p>{desc}</p>\n{figures}<h2>Reports · 报告</h2>\n<table><thead><tr><th>report</th><th>place</th><th>year</th><th>delivered</th><th>facts</th><th>targets</th><th>quality issues</th></tr></thead><tbody>\n{rows}</tbody></table>\n<script>{script}</script></body></html>\n",
        title = escape(&meta.title_zh),
        title_en = escape(&meta.title_en),
        desc = escape(&meta.description_en),
        n = reports.len(),
        script = CHART_SCRIPT,
    )
}

/// Marks each chart's `<figure>` with the number of circles the browser laid out
/// (`data-rendered-points`), so a headless check sees that the SVG rendered.
const CHART_SCRIPT: &str = "document.querySelectorAll('figure.chart').forEach(function(f){var n=0;f.querySelectorAll('circle').forEach(function(c){var b=c.getBoundingClientRect();if(b.width>0&&b.height>0)n++;});f.setAttribute('data-rendered-points',n);});";

fn is_target(f: &gwr_model::Fact) -> bool {
    f.status == gwr_model::Status::Target
}

/// `cargo xtask collections import [UPSTREAM]`: copies the files of every collection's upstream
/// folders from `upstream` (default `../shared/corpus/lawtext` beside the repo) into its
/// `sources/`, unchanged, and adds a manifest line for each file that has none, from the front
/// matter and what the text says. Lines already in the manifest are kept as they are.
pub fn import(root: &Path, upstream: &Path) -> Result<()> {
    for c in load_all(root)? {
        let mut files = Vec::new();
        for folder in &c.config.upstream.folders {
            let from = upstream.join(folder);
            list_files(&from, &mut files)
                .with_context(|| format!("{}: cannot list", from.display()))?;
        }
        files.sort();
        let mut rows = c.manifest.clone();
        let known: BTreeMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.file.clone(), i))
            .collect();
        let mut added = 0;
        for file in files {
            let rel = file
                .strip_prefix(upstream)
                .context("upstream path")?
                .to_string_lossy()
                .replace('\\', "/");
            let dest = c.dir.join("sources").join(&rel);
            if let Some(d) = dest.parent() {
                fs::create_dir_all(d)?;
            }
            let bytes =
                fs::read(&file).with_context(|| format!("{}: cannot read", file.display()))?;
            if fs::read(&dest).ok().as_deref() != Some(&bytes[..]) {
                fs::write(&dest, &bytes)
                    .with_context(|| format!("{}: cannot write", dest.display()))?;
            }
            if known.contains_key(&rel) {
                continue;
            }
            let text = decode::decode(&bytes)
                .with_context(|| format!("{}: cannot decode", file.display()))?
                .text;
            rows.push(infer_row(&rel, &text));
            added += 1;
        }
        rows.sort_by(|a, b| a.file.cmp(&b.file));
        dedupe_ids(&mut rows);
        write_manifest(&c.dir.join("manifest.csv"), &rows)?;
        println!("{}: {} reports ({added} new)", c.name(), rows.len());
    }
    Ok(())
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for e in fs::read_dir(dir)? {
        let p = e?.path();
        if p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        if p.is_dir() {
            list_files(&p, out)?;
        } else if p.extension().and_then(|e| e.to_str()) == Some("md") {
            out.push(p);
        }
    }
    Ok(())
}

/// The upstream folder of the NBS statistical communiqués (`<year>.md`, the year reported on).
const COMMUNIQUE_FOLDER: &str = "国家统计局年度统计";

/// The manifest line of a new file, read as `gwr extract` reads it (Markdown, the folder's
/// place as a hint); the folder, when it names a place (`政府工作报告-省自治区/福建省/2024.md`),
/// is the place, resolved to its division code. A file of the communiqués' folder is a
/// statistical communiqué of the country on the year its name says.
fn infer_row(rel: &str, text: &str) -> ManifestRow {
    if rel.split('/').next() == Some(COMMUNIQUE_FOLDER) {
        return communique_row(rel, text);
    }
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let parts: Vec<&str> = rel.split('/').collect();
    // the State Council's folder (政府工作报告-国务院/) is the whole country
    let national = parts.first().is_some_and(|p| p.ends_with("国务院"));
    let folder_place = if national {
        Some("中华人民共和国".to_string())
    } else {
        (parts.len() >= 3)
            .then(|| gwr_extract::infer::place_of_folder(parts[parts.len() - 2]))
            .flatten()
    };
    let hints = gwr_extract::infer::Hints {
        markdown: true,
        place: folder_place.clone(),
    };
    let mut meta = gwr_extract::infer::infer_meta_with(text, stem, &hints);
    if let Some(place) = folder_place {
        if meta.place_zh != place {
            let mut by_folder = ReportMeta {
                place_zh: place.clone(),
                report_year: meta.report_year,
                ..Default::default()
            };
            match gwr_extract::places::identify(&by_folder) {
                Ok(p) => {
                    if let Some(row) = p.place() {
                        by_folder.place_code = Some(row.code.clone());
                        by_folder.place_zh = row.name_zh.clone();
                        by_folder.admin_level = row.level;
                    }
                }
                Err(_) => by_folder.admin_level = AdminLevel::Other,
            }
            meta.place_zh = by_folder.place_zh;
            meta.place_code = by_folder.place_code;
            meta.admin_level = by_folder.admin_level;
        }
    }
    let level_name = serde_json::to_value(meta.admin_level)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_else(|| "other".into());
    let (year, basis) = match meta.report_year {
        Some(y) => (Some(y), meta.report_year_basis),
        None => (None, Some(YearBasis::Unknown)),
    };
    let id = report_id(&meta.place_zh, meta.admin_level, stem, year);
    let some = |s: String| (!s.is_empty()).then_some(s);
    ManifestRow {
        file: rel.to_string(),
        report_id: id,
        report_year: year,
        report_year_basis: basis,
        place_zh: meta.place_zh.clone(),
        admin_level: level_name,
        place_code: meta.place_code.clone(),
        delivered_date: meta.delivered_date.clone(),
        speaker: meta.speaker.clone(),
        title: some(meta.title.clone()),
        source_url: meta.source_url.clone(),
        document_kind: Some(DocumentKind::WorkReport),
    }
}

/// The first line that is a date alone (`2011年2月28日`, the communiqué's date line), as
/// `YYYY-MM-DD`.
fn date_line(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let line = line.trim().trim_matches('*').trim();
        let (y, rest) = line.split_once('年')?;
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日')?;
        let num = |s: &str| s.parse::<u32>().ok();
        let (y, m, d) = (num(y)?, num(m)?, num(d)?);
        ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

/// The manifest line of a statistical communiqué (`国家统计局年度统计/2023.md`): the country,
/// the year of the file name (the year it reports on; its title names it), id
/// `cn-nbs-communique-<year>`, the title as the text prints it (the front matter's is often a
/// bare year), the date line as the date.
fn communique_row(rel: &str, text: &str) -> ManifestRow {
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let hints = gwr_extract::infer::Hints {
        markdown: true,
        place: Some("中华人民共和国".to_string()),
    };
    let meta = gwr_extract::infer::infer_meta_with(text, stem, &hints);
    let year = stem
        .parse::<i32>()
        .ok()
        .filter(|y| (1949..=2100).contains(y));
    let analysis = gwr_extract::markdown::Markdown::read(text).analysis;
    let title = gwr_extract::kind::title_line(&analysis)
        .or_else(|| (!meta.title.is_empty()).then(|| meta.title.clone()));
    ManifestRow {
        file: rel.to_string(),
        report_id: format!("cn-nbs-communique-{}", gwr_model::meta::sanitize_id(stem)),
        report_year: year,
        report_year_basis: Some(if year.is_some() {
            YearBasis::Title
        } else {
            YearBasis::Unknown
        }),
        place_zh: "中华人民共和国".into(),
        admin_level: "national".into(),
        place_code: Some("100000".into()),
        delivered_date: meta.delivered_date.clone().or_else(|| date_line(text)),
        speaker: None,
        title,
        source_url: meta.source_url.clone(),
        document_kind: Some(DocumentKind::StatisticalCommunique),
    }
}

/// `cn-<place in pinyin>-<stem>`: 云南省/2022.md → `cn-yunnan-2022`, national → `cn-2022`.
fn report_id(place: &str, level: AdminLevel, stem: &str, year: Option<i32>) -> String {
    let stem = gwr_model::meta::sanitize_id(stem);
    let stem = if stem.is_empty() {
        year.map(|y| y.to_string())
            .unwrap_or_else(|| "report".into())
    } else {
        stem
    };
    if level == AdminLevel::National {
        return format!("cn-{stem}");
    }
    let short = short_name(place);
    // 陕西 is spelled Shaanxi officially, so that it does not read as 山西 Shanxi
    if short == "陕西" {
        return format!("cn-shaanxi-{stem}");
    }
    let slug: String = pinyin::ToPinyin::to_pinyin(&short)
        .flatten()
        .map(|p| p.plain())
        .collect::<Vec<_>>()
        .join("");
    let slug = gwr_model::meta::sanitize_id(&slug);
    if slug.is_empty() {
        format!("cn-{stem}")
    } else {
        format!("cn-{slug}-{stem}")
    }
}

/// The place name without its generic part: 云南省 → 云南, 广西壮族自治区 → 广西, 北京市 → 北京.
fn short_name(place: &str) -> &str {
    for suffix in [
        "壮族自治区",
        "回族自治区",
        "维吾尔自治区",
        "自治区",
        "省",
        "市",
    ] {
        if let Some(s) = place.strip_suffix(suffix) {
            if s.chars().count() >= 2 {
                return s;
            }
        }
    }
    place
}

/// Two files that would get the same id get `-2`, `-3`… in file order.
fn dedupe_ids(rows: &mut [ManifestRow]) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for r in rows.iter_mut() {
        let n = count.entry(r.report_id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.report_id = format!("{}-{}", r.report_id, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_well() {
        assert_eq!(
            report_id("云南省", AdminLevel::Province, "2022", Some(2022)),
            "cn-yunnan-2022"
        );
        assert_eq!(
            report_id("广西壮族自治区", AdminLevel::Province, "2010", Some(2010)),
            "cn-guangxi-2010"
        );
        assert_eq!(
            report_id(
                "中华人民共和国",
                AdminLevel::National,
                "1964-part",
                Some(1964)
            ),
            "cn-1964-part"
        );
        assert_eq!(
            report_id("陕西省", AdminLevel::Province, "2003", Some(2003)),
            "cn-shaanxi-2003"
        );
        assert_eq!(
            report_id("山西省", AdminLevel::Province, "2003", Some(2003)),
            "cn-shanxi-2003"
        );
    }

    #[test]
    fn duplicate_ids_get_a_suffix() {
        let row = |id: &str| ManifestRow {
            file: id.into(),
            report_id: id.into(),
            report_year: None,
            report_year_basis: None,
            place_zh: "x".into(),
            admin_level: "other".into(),
            place_code: None,
            delivered_date: None,
            speaker: None,
            title: None,
            source_url: None,
            document_kind: None,
        };
        let mut rows = vec![row("a"), row("a"), row("b")];
        dedupe_ids(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.report_id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "b"]);
    }
}

#[cfg(test)]
mod infer_tests {
    use super::*;

    /// The folder names the place, whatever the text says.
    #[test]
    fn the_folder_names_the_place() {
        let text = "---\ntitle: 上海市2003年政府工作报告\n---\n\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n";
        let row = infer_row("政府工作报告-主要城市/上海市/2003.md", text);
        assert_eq!(
            (
                row.place_zh.as_str(),
                row.place_code.as_deref(),
                row.admin_level.as_str()
            ),
            ("上海市", Some("310000"), "province")
        );
        assert_eq!(row.report_id, "cn-shanghai-2003");
        let row = infer_row("政府工作报告-国务院/1985.md", "1985年政府工作报告\n");
        assert_eq!(
            (row.report_id.as_str(), row.place_code.as_deref()),
            ("cn-1985", Some("100000"))
        );
        let row = infer_row("政府工作报告-省自治区/陕西省/2010.md", text);
        assert_eq!(row.report_id, "cn-shaanxi-2010");
        assert_eq!(row.place_code.as_deref(), Some("610000"));
    }

    /// A file of the communiqués' folder: the country, the year it reports on, its kind, the
    /// title the text prints (the front matter's is a bare year).
    #[test]
    fn a_communique_is_the_country_on_the_year_of_its_name() {
        let text = "---\nsource: https://www.stats.gov.cn/x.html\ntitle: 2010年\n---\n\n**中华人民共和国**\n\n**2010年国民经济和社会发展统计公报[1]**\n\n中华人民共和国国家统计局\n\n2011年2月28日\n\n2010年，国民经济保持了平稳较快发展。\n";
        let row = infer_row("国家统计局年度统计/2010.md", text);
        assert_eq!(row.report_id, "cn-nbs-communique-2010");
        assert_eq!(row.report_year, Some(2010));
        assert_eq!(row.place_code.as_deref(), Some("100000"));
        assert_eq!(row.admin_level, "national");
        assert_eq!(row.document_kind, Some(DocumentKind::StatisticalCommunique));
        assert_eq!(
            row.title.as_deref(),
            Some("2010年国民经济和社会发展统计公报")
        );
        assert_eq!(row.delivered_date.as_deref(), Some("2011-02-28"));
    }
}
