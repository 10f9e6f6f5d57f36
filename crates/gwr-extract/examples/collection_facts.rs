//! Extracts the reports of a collection with the metadata of its manifest and writes
//! `reports.csv` and `facts.csv` (a few columns, no package): the quick input of
//! `scripts/headline_check.py` when the `gwr` binary is not built.
//!
//! `cargo run --release -p gwr-extract --example collection_facts -- data/collections/national OUT`

use gwr_extract::{extract, SourceInfo};
use gwr_model::ReportMeta;

fn split(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted) = (Vec::new(), String::new(), false);
    let mut it = line.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '"' if quoted && it.peek() == Some(&'"') => {
                cur.push('"');
                it.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: collection_facts COLLECTION_DIR OUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(out)?;
    let manifest = std::fs::read_to_string(format!("{dir}/manifest.csv"))?;
    let mut reports = String::from("report_id,place_code,report_year,admin_level\n");
    let mut facts = String::from(
        "fact_id,report_id,subject,indicator,value,unit,value_max,measure,status,period,qualifier,quote\n",
    );
    for line in manifest.lines().skip(1) {
        let c = split(line);
        if c.len() < 7 {
            continue;
        }
        let text = std::fs::read_to_string(format!("{dir}/sources/{}", c[0]))?;
        let meta = ReportMeta {
            report_id: c[1].clone(),
            report_year: c[2].parse().ok(),
            place_zh: c[4].clone(),
            place_code: Some(c[6].clone()).filter(|s| !s.is_empty()),
            ..Default::default()
        };
        let mut source = SourceInfo::utf8(&text);
        source.markdown = true;
        let r = extract(&text, &meta, &source);
        reports.push_str(&format!("{},{},{},{}\n", c[1], c[6], c[2], c[5]));
        for f in &r.facts {
            let row = [
                f.fact_id.clone(),
                f.report_id.clone(),
                f.subject.clone(),
                f.indicator.clone().unwrap_or_default(),
                f.value.to_string(),
                name(&f.unit),
                f.value_max.map(|v| v.to_string()).unwrap_or_default(),
                name(&f.measure),
                name(&f.status),
                f.period.map(|p| p.to_string()).unwrap_or_default(),
                name(&f.qualifier),
                f.quote.clone(),
            ];
            let cells: Vec<String> = row.iter().map(|s| cell(s)).collect();
            facts.push_str(&cells.join(","));
            facts.push('\n');
        }
    }
    std::fs::write(format!("{out}/reports.csv"), reports)?;
    std::fs::write(format!("{out}/facts.csv"), facts)?;
    Ok(())
}
