//! The build tasks of the gwr workspace (`cargo xtask <task>`), as a library so that tests can
//! run them: generating the package from `data/sources/`, publishing a release into `dist/`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use gwr_export::{write_package, Layout, PackageInput, PackageMeta, WrittenFile};
use gwr_extract::{decode, extract, SourceInfo};
use gwr_model::{Report, ReportMeta};

pub mod charts;
pub mod collections;
pub mod corpus;
pub mod docs;
pub mod extras;
pub mod place_check;
pub mod places;
pub mod releases;

/// The workspace root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Whether a file `generate` writes is also committed at the repo root (and guarded by the
/// staleness test). `data/sources/` and `data/collections/` are input, not output; the package's `README.md` lives only
/// in the release, since the repo root's README is the project's.
pub fn is_committed(rel: &str) -> bool {
    !rel.starts_with("data/sources/")
        && !rel.starts_with("data/collections/")
        && rel != "README.md"
        && !extras::is_release_only(rel)
}

/// The repo-root path of a committed generated file.
pub fn committed_path(rel: &str) -> &str {
    if rel == PROJECT_README {
        "README.md"
    } else {
        rel
    }
}

/// Where `generate` puts the project README with fresh previews; `publish` copies it to the
/// repo root's README.md, and the staleness test compares it with that file.
pub const PROJECT_README: &str = "PROJECT-README.md";

/// One report of `data/sources/<id>/`: its metadata, its text, its file bytes.
pub struct SourceReport {
    /// Parsed `report.toml`.
    pub meta: ReportMeta,
    /// The decoded text.
    pub text: String,
    /// Encoding and checksum of `report.txt`.
    pub info: SourceInfo,
    /// `data/sources/<id>/report.txt`, relative.
    pub rel_path: String,
}

/// Reads every `data/sources/<id>/report.{txt,toml}` under `root`, in id order.
pub fn load_sources(root: &Path) -> Result<Vec<SourceReport>> {
    let dir = root.join("data/sources");
    let mut ids: Vec<String> = fs::read_dir(&dir)
        .with_context(|| format!("{}: cannot list the report sources", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .collect();
    ids.sort();
    let mut out = Vec::new();
    for id in ids {
        let toml_path = dir.join(&id).join("report.toml");
        let txt_path = dir.join(&id).join("report.txt");
        let meta_text = fs::read_to_string(&toml_path)
            .with_context(|| format!("{}: cannot read", toml_path.display()))?;
        let meta: ReportMeta = toml::from_str(&meta_text)
            .with_context(|| format!("{}: malformed report metadata", toml_path.display()))?;
        meta.validate()
            .with_context(|| format!("{}: invalid report metadata", toml_path.display()))?;
        if meta.report_id != id {
            bail!(
                "{}: report_id `{}` differs from its folder name `{id}`",
                toml_path.display(),
                meta.report_id
            );
        }
        let bytes =
            fs::read(&txt_path).with_context(|| format!("{}: cannot read", txt_path.display()))?;
        let sha = decode::sha256_hex(&bytes);
        if let Some(expected) = &meta.sha256 {
            if expected != &sha {
                bail!(
                    "{}: sha256 is {sha}, but report.toml records {expected}",
                    txt_path.display()
                );
            }
        }
        let decoded = decode::decode(&bytes)
            .with_context(|| format!("{}: cannot decode", txt_path.display()))?;
        if decoded.text.as_bytes() != bytes.as_slice() {
            bail!(
                "{}: sources in the package must be UTF-8 without BOM (found {})",
                txt_path.display(),
                decoded.encoding
            );
        }
        out.push(SourceReport {
            meta,
            text: decoded.text,
            info: SourceInfo {
                encoding: decoded.encoding,
                sha256: sha,
                markdown: false,
            },
            rel_path: format!("data/sources/{id}/report.txt"),
        });
    }
    if out.is_empty() {
        bail!("{}: no report sources found", dir.display());
    }
    Ok(out)
}

/// Reads `release.toml`.
pub fn load_release(root: &Path) -> Result<PackageMeta> {
    let path = root.join("release.toml");
    let text =
        fs::read_to_string(&path).with_context(|| format!("{}: cannot read", path.display()))?;
    let meta: PackageMeta = toml::from_str(&text)
        .with_context(|| format!("{}: malformed release metadata", path.display()))?;
    meta.validate()
        .with_context(|| format!("{}: invalid release metadata", path.display()))?;
    Ok(meta)
}

/// Extracts every source report.
pub fn extract_all(sources: &[SourceReport]) -> Vec<Report> {
    sources
        .iter()
        .map(|s| extract(&s.text, &s.meta, &s.info))
        .collect()
}

/// Writes the whole package for the sources under `root` into `out`: tables, schemas, source
/// texts, `datapackage.json`, `DATA-DICTIONARY.md` and the package `README.md`.
pub fn generate(root: &Path, out: &Path) -> Result<Vec<WrittenFile>> {
    let release = load_release(root)?;
    let sources = load_sources(root)?;
    let reports = extract_all(&sources);
    let glossary = gwr_extract::glossary_rows();
    let mut files = write_release(out, &release, &sources, &reports, &[], &glossary)?;
    // The project README carries the same previews, between markers.
    let readme_path = root.join("README.md");
    if let Ok(readme) = fs::read_to_string(&readme_path) {
        if let Some(new) = docs::readme_with_preview(&readme, &docs::previews(&reports, &glossary)?)
        {
            files.push(write_file(out, PROJECT_README, new.as_bytes())?);
        }
    }
    Ok(files)
}

/// Writes one release folder: the package (tables, schemas, texts, `datapackage.json`), its
/// docs and the release extras (workbook, Excel CSVs, annotated pages).
fn write_release(
    out: &Path,
    release: &PackageMeta,
    sources: &[SourceReport],
    reports: &[Report],
    reference: &[Report],
    glossary: &[gwr_model::Indicator],
) -> Result<Vec<WrittenFile>> {
    let input = PackageInput {
        meta: release,
        reports,
        glossary,
        sources: collections::source_texts(sources),
        reference,
    };
    let mut files = write_package(out, &input, &Layout::PUBLISH)?;
    for (rel, text) in docs::package_docs(release, reports, glossary)? {
        files.push(write_file(out, &rel, text.as_bytes())?);
    }
    let texts: Vec<String> = sources.iter().map(|s| s.text.clone()).collect();
    for (rel, bytes) in extras::release_extras(release, reports, reference, &texts)? {
        files.push(write_file(out, &rel, &bytes)?);
    }
    Ok(files)
}

/// Writes the release folder of a collection into `out`, with an `index.html` of its reports.
/// A collection with a `reference` (the provinces: `national`) has the national targets of that
/// collection's reports set beside its own targets in `target_outcomes`.
pub fn generate_collection(c: &collections::Collection, out: &Path) -> Result<Vec<WrittenFile>> {
    let sources = c.sources()?;
    let reports = extract_all(&sources);
    let reference = match &c.config.reference {
        Some(name) => {
            let dir = c.dir.parent().map(|p| p.join(name)).unwrap_or_default();
            let r = collections::load(&dir)
                .with_context(|| format!("collection {}: reference {name}", c.name()))?;
            extract_all(&r.sources()?)
        }
        None => Vec::new(),
    };
    let glossary = gwr_extract::glossary_rows();
    let release = &c.config.release;
    let mut files = write_release(out, release, &sources, &reports, &reference, &glossary)
        .with_context(|| format!("collection {}", c.name()))?;
    let outcomes = gwr_panel::Panel::from_reports(&reports)
        .target_outcomes()
        .with_context(|| format!("collection {}: target_outcomes", c.name()))?;
    let charts = charts::charts(&outcomes, &gwr_panel::is_headline)
        .with_context(|| format!("collection {}", c.name()))?;
    for chart in &charts {
        files.push(write_file(out, &chart.file_name(), chart.svg.as_bytes())?);
    }
    let index = collections::index_html(release, &reports, &charts, &glossary);
    files.push(write_file(out, "index.html", index.as_bytes())?);
    Ok(files)
}

fn write_file(root: &Path, rel: &str, bytes: &[u8]) -> Result<WrittenFile> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    if fs::read(&path).map(|old| old != bytes).unwrap_or(true) {
        fs::write(&path, bytes).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    Ok(WrittenFile {
        path: rel.to_string(),
        bytes: bytes.len() as u64,
        sha256: decode::sha256_hex(bytes),
    })
}

/// `cargo xtask publish`: regenerates the committed package at the repo root, then writes
/// `dist/<name>-<version>/`, `dist/<name>-<version>.zip` and `dist/SHA256SUMS`.
///
/// Every package (the default one and each collection) is built in a staging folder first and
/// compared with the latest manifest of its releases under `releases/` ([`releases::plan`]);
/// when a version is below the bump its changes need, publish refuses and writes nothing.
/// Otherwise it records the manifests and changelog entries, regenerates `CHANGELOG.md`, puts
/// a copy into every release folder, updates the repo root and swaps the new `dist/` in, so a
/// failed publish leaves the previous `dist/` untouched.
pub fn publish(root: &Path) -> Result<PathBuf> {
    let release = load_release(root)?;
    let stem = format!("{}-{}", release.name, release.version);
    let staging = root.join("target").join("publish-staging");
    if staging.exists() {
        fs::remove_dir_all(&staging)
            .with_context(|| format!("{}: cannot clear", staging.display()))?;
    }
    let dist_stage = staging.join("dist");
    let pkg_dir = dist_stage.join(&stem);
    let files = generate(root, &pkg_dir)?;
    // The project README is not part of the release.
    let (readme, files): (Vec<WrittenFile>, Vec<WrittenFile>) =
        files.into_iter().partition(|f| f.path == PROJECT_README);

    // (stem, files, the folder of the latest release for the changelog's values, date)
    let mut built = vec![(
        stem,
        files,
        Some(root.to_path_buf()),
        release.created.clone(),
    )];
    for c in collections::load_all(root)? {
        let r = &c.config.release;
        let stem = format!("{}-{}", r.name, r.version);
        let files = generate_collection(&c, &dist_stage.join(&stem))?;
        let latest = releases::versions(&root.join(releases::RELEASES_DIR), &r.name)?
            .last()
            .map(|v| root.join("dist").join(format!("{}-{v}", r.name)))
            .filter(|d| d.join("datapackage.json").is_file());
        built.push((stem, files, latest, r.created.clone()));
    }

    let releases_dir = root.join(releases::RELEASES_DIR);
    let mut plans = Vec::new();
    let mut refusals = Vec::new();
    for (stem, _, old, created) in &built {
        let date = created.get(..10).unwrap_or(created);
        match releases::plan(&releases_dir, &dist_stage.join(stem), old.as_deref(), date) {
            Ok(p) => plans.push(p),
            Err(e) => refusals.push(format!("{e:#}")),
        }
    }
    if !refusals.is_empty() {
        bail!("{}", refusals.join("\n\n"));
    }

    for f in readme
        .iter()
        .chain(built[0].1.iter().filter(|f| is_committed(&f.path)))
    {
        let bytes =
            fs::read(pkg_dir.join(&f.path)).with_context(|| format!("{}: cannot read", f.path))?;
        write_file(root, committed_path(&f.path), &bytes)?;
    }
    fs::remove_file(pkg_dir.join(PROJECT_README)).ok();
    refresh_data_crate(root)?;
    // the national series' target_outcomes, typed in gwr-data
    if let Some((stem, _, _, _)) = built
        .iter()
        .find(|(stem, _, _, _)| stem.starts_with(NATIONAL_PACKAGE_PREFIX))
    {
        let from = dist_stage.join(stem).join(NATIONAL_OUTCOMES_FROM);
        let bytes = fs::read(&from).with_context(|| format!("{}: cannot read", from.display()))?;
        write_file(&root.join("crates/gwr-data"), NATIONAL_OUTCOMES_TO, &bytes)?;
    }
    for p in &plans {
        releases::record(&releases_dir, p)?;
    }
    let order: Vec<&str> = plans.iter().map(|p| p.manifest.package.as_str()).collect();
    let changelog = releases::changelog(&releases_dir, &order)?;
    write_file(root, releases::CHANGELOG, changelog.as_bytes())?;

    let mut sums = BTreeMap::new();
    for (stem, mut files, _, _) in built {
        files.push(write_file(
            &dist_stage.join(&stem),
            releases::CHANGELOG,
            changelog.as_bytes(),
        )?);
        bundle(&dist_stage, &stem, &files, &mut sums)?;
    }
    let mut text = String::new();
    for (name, sha) in &sums {
        text.push_str(&format!("{sha}  {name}\n"));
    }
    fs::write(dist_stage.join("SHA256SUMS"), text).context("cannot write SHA256SUMS")?;

    let dist = root.join("dist");
    let old = staging.join("dist.old");
    if dist.exists() {
        fs::rename(&dist, &old)
            .with_context(|| format!("{}: cannot move aside", dist.display()))?;
    }
    fs::rename(&dist_stage, &dist)
        .with_context(|| format!("{}: cannot install", dist.display()))?;
    if old.exists() {
        fs::remove_dir_all(&old).ok();
    }
    fs::remove_dir_all(&staging).ok();
    Ok(dist)
}

/// Zips the release folder `dist/<stem>/` into `dist/<stem>.zip` and records the SHA-256 of
/// the zip and of every file in `sums`.
fn bundle(
    dist: &Path,
    stem: &str,
    files: &[WrittenFile],
    sums: &mut BTreeMap<String, String>,
) -> Result<()> {
    let zip_name = format!("{stem}.zip");
    let zip_bytes = zip_dir(&dist.join(stem), stem, files)?;
    fs::write(dist.join(&zip_name), &zip_bytes)
        .with_context(|| format!("{zip_name}: cannot write the release zip"))?;
    sums.insert(zip_name, decode::sha256_hex(&zip_bytes));
    for f in files {
        sums.insert(format!("{stem}/{}", f.path), f.sha256.clone());
    }
    Ok(())
}

/// A zip of the package folder with fixed timestamps and permissions, entries sorted by path.
fn zip_dir(dir: &Path, stem: &str, files: &[WrittenFile]) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        for rel in paths {
            let bytes = fs::read(dir.join(rel))
                .with_context(|| format!("{rel}: cannot read for the zip"))?;
            zip.start_file(format!("{stem}/{rel}"), opts)
                .context("zip")?;
            zip.write_all(&bytes).context("zip")?;
        }
        zip.finish().context("zip")?;
    }
    Ok(buf.into_inner())
}

/// The tables the gwr-data crate embeds, relative to the package root; the crate keeps copies at
/// the same paths under `crates/gwr-data/` (its test fails when they differ from `data/`).
const DATA_CRATE_TABLES: &[&str] = &[
    "data/glossary/indicators.csv",
    "data/places.csv",
    "data/reports.csv",
    "data/sections.csv",
    "data/paragraphs.csv",
    "data/facts.csv",
    "data/targets.csv",
    "data/quality_issues.csv",
    "data/target_outcomes.csv",
];

/// The release folder stem of the national collection starts with this (`gwr-national-0.2.0`).
pub const NATIONAL_PACKAGE_PREFIX: &str = "gwr-national-";
/// The national collection's `target_outcomes` CSV, relative to its release folder.
pub const NATIONAL_OUTCOMES_FROM: &str = "data/target_outcomes.csv";
/// Where gwr-data keeps that copy, relative to `crates/gwr-data/` (outside its `data/`, which
/// mirrors the default package).
pub const NATIONAL_OUTCOMES_TO: &str = "national/target_outcomes.csv";

/// Copies the published CSV tables into `crates/gwr-data/` (only changed files are written).
fn refresh_data_crate(root: &Path) -> Result<()> {
    let crate_dir = root.join("crates/gwr-data");
    for rel in DATA_CRATE_TABLES {
        let bytes = fs::read(root.join(rel)).with_context(|| format!("{rel}: cannot read"))?;
        write_file(&crate_dir, rel, &bytes)?;
    }
    Ok(())
}
