//! Charts of a collection's release: for each headline indicator, its targets against their
//! outcomes over the years, drawn from the `target_outcomes` rows of the collection.
//!
//! One SVG per (indicator, measure, unit) with at least [`MIN_TARGETS`] targets that carry a
//! year: a hollow circle at (period, target_value) for every target (a bar up to
//! `target_value_max` for a range), a filled circle at (period, outcome_value) for every target
//! with an outcome, and, when all rows are of one place (the national series), a line through
//! each. Drawn with `plotters`' SVG backend and no font files, so the bytes depend only on the
//! rows: publishing twice gives the same files.
//!
//! Every chart states the linear map from (year, value) to its pixels as `data-x`/`data-y`
//! attributes of its `<figure>`, and how many points of each kind it draws; the release check
//! (`scripts/check_charts.py`, run on the page Chromium rendered) recomputes each point from
//! `data/target_outcomes.csv` with that map and matches it to a drawn circle.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{anyhow, Result};
use gwr_export::html::escape;
use gwr_model::TargetOutcome;
use plotters::prelude::*;

/// A chart needs at least this many targets with a year.
pub const MIN_TARGETS: usize = 3;
/// Stroke colour of a target's circle (hollow); the release check tells the kinds by it.
pub const TARGET_COLOUR: RGBColor = RGBColor(0x1f, 0x77, 0xb4);
/// Fill colour of an outcome's circle.
pub const OUTCOME_COLOUR: RGBColor = RGBColor(0xd6, 0x27, 0x28);
const WIDTH: u32 = 880;
const HEIGHT: u32 = 360;

/// One drawn chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The indicator code.
    pub indicator: String,
    /// `level`, `change`, `share` or `rate`, as in the tables.
    pub measure: String,
    /// The unit, as in the tables.
    pub unit: String,
    /// Targets drawn (one circle each).
    pub targets: usize,
    /// Outcomes drawn (one circle each).
    pub outcomes: usize,
    /// Pixel map of the x axis: (year a, pixel a, year b, pixel b).
    pub x_map: (f64, i32, f64, i32),
    /// Pixel map of the y axis: (value a, pixel a, value b, pixel b).
    pub y_map: (f64, i32, f64, i32),
    /// The SVG document.
    pub svg: String,
}

impl Chart {
    /// The file name of the chart in the release (`charts/<indicator>-<measure>-<unit>.svg`).
    pub fn file_name(&self) -> String {
        format!(
            "charts/{}-{}-{}.svg",
            self.indicator, self.measure, self.unit
        )
    }

    /// The `<figure>` of the chart for the release's index page: the SVG inline, its map and
    /// counts as data attributes, a caption in words.
    pub fn figure(&self, indicator_name: &str) -> String {
        let (xa, xpa, xb, xpb) = self.x_map;
        let (ya, ypa, yb, ypb) = self.y_map;
        let svg = self
            .svg
            .trim_start_matches(|c| c != '<')
            .split_once("<svg")
            .map(|(_, rest)| format!("<svg{rest}"))
            .unwrap_or_default();
        let mut out = String::new();
        let _ = write!(
            out,
            "<figure class=\"chart\" data-indicator=\"{ind}\" data-measure=\"{m}\" data-unit=\"{u}\" data-targets=\"{t}\" data-outcomes=\"{o}\" data-x=\"{xa} {xpa} {xb} {xpb}\" data-y=\"{ya} {ypa} {yb} {ypb}\">\n{svg}\n<figcaption>{name} ({ind}, {m}, {u}): {t} targets (○, a bar to the upper end of a range) and {o} outcomes (●, what the next report says of the year). <a href=\"{file}\">SVG</a></figcaption></figure>\n",
            ind = escape(&self.indicator),
            m = escape(&self.measure),
            u = escape(&self.unit),
            t = self.targets,
            o = self.outcomes,
            name = escape(indicator_name),
            file = escape(&self.file_name()),
        );
        out
    }
}

/// The text form of a serde enum (`change`, `percent`).
fn word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A target a chart can draw: a target row (not a `not_set` one) of a headline indicator with
/// a year, as (indicator, measure, unit, year, target, target max, outcome).
struct Point {
    key: (String, String, String),
    place: Option<String>,
    year: i32,
    target: f64,
    target_max: Option<f64>,
    outcome: Option<f64>,
}

fn drawable(r: &TargetOutcome, headline: &dyn Fn(&str) -> bool) -> Option<Point> {
    let ind = r.indicator.as_deref().filter(|i| headline(i))?;
    Some(Point {
        key: (ind.to_string(), word(&r.measure?), word(&r.unit?)),
        place: r.place_code.clone(),
        year: r.period?,
        target: r.target_value?,
        target_max: r.target_value_max,
        outcome: r.outcome_value,
    })
}

/// The charts of a set of `target_outcomes` rows: one per (headline indicator, measure, unit)
/// with at least [`MIN_TARGETS`] targets, in code order.
pub fn charts(rows: &[TargetOutcome], headline: &dyn Fn(&str) -> bool) -> Result<Vec<Chart>> {
    let mut groups: BTreeMap<(String, String, String), Vec<Point>> = BTreeMap::new();
    for p in rows.iter().filter_map(|r| drawable(r, headline)) {
        groups.entry(p.key.clone()).or_default().push(p);
    }
    let mut out = Vec::new();
    for ((indicator, measure, unit), points) in groups {
        if points.len() < MIN_TARGETS {
            continue;
        }
        out.push(draw(indicator, measure, unit, &points)?);
    }
    Ok(out)
}

fn draw(indicator: String, measure: String, unit: String, rows: &[Point]) -> Result<Chart> {
    let err = |e: &dyn std::fmt::Display| anyhow!("chart {indicator}/{measure}/{unit}: {e}");
    let years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    let (y0, y1) = (
        *years.iter().min().unwrap_or(&0),
        *years.iter().max().unwrap_or(&0),
    );
    let values: Vec<f64> = rows
        .iter()
        .flat_map(|r| [Some(r.target), r.target_max, r.outcome])
        .flatten()
        .filter(|v| v.is_finite())
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let pad = ((hi - lo) * 0.08).max(hi.abs().max(1.0) * 0.02);
    let (lo, hi) = (lo.min(0.0) - pad, hi + pad);
    let one_place = rows
        .iter()
        .map(|r| r.place.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        == 1;
    let targets = rows.len();
    let outcomes = rows.iter().filter(|r| r.outcome.is_some()).count();
    let mut svg = String::new();
    let (x_map, y_map);
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .caption(
                format!("{indicator} ({measure}, {unit}): target ○ and outcome ●"),
                ("sans-serif", 16),
            )
            .x_label_area_size(28)
            .y_label_area_size(64)
            .build_cartesian_2d(f64::from(y0) - 0.6..f64::from(y1) + 0.6, lo..hi)
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .x_labels(((y1 - y0) as usize + 1).min(16))
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| format!("{y}"))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| err(&e))?;
        let map = |x: f64, y: f64| chart.backend_coord(&(x, y));
        let (a, b) = (map(f64::from(y0), lo), map(f64::from(y1), hi));
        x_map = (f64::from(y0), a.0, f64::from(y1), b.0);
        y_map = (lo, a.1, hi, b.1);
        if one_place {
            let mut t: Vec<(f64, f64)> =
                rows.iter().map(|r| (f64::from(r.year), r.target)).collect();
            t.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            chart
                .draw_series(LineSeries::new(t, TARGET_COLOUR.mix(0.5)))
                .map_err(|e| err(&e))?;
            let mut o: Vec<(f64, f64)> = rows
                .iter()
                .filter_map(|r| Some((f64::from(r.year), r.outcome?)))
                .collect();
            o.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            chart
                .draw_series(LineSeries::new(o, OUTCOME_COLOUR.mix(0.5)))
                .map_err(|e| err(&e))?;
        }
        chart
            .draw_series(rows.iter().filter_map(|r| {
                let max = r.target_max?;
                let x = f64::from(r.year);
                Some(PathElement::new(
                    vec![(x, r.target), (x, max)],
                    TARGET_COLOUR.stroke_width(2),
                ))
            }))
            .map_err(|e| err(&e))?;
        chart
            .draw_series(rows.iter().map(|r| {
                Circle::new(
                    (f64::from(r.year), r.target),
                    4,
                    TARGET_COLOUR.stroke_width(1),
                )
            }))
            .map_err(|e| err(&e))?;
        chart
            .draw_series(rows.iter().filter_map(|r| {
                Some(Circle::new(
                    (f64::from(r.year), r.outcome?),
                    3,
                    OUTCOME_COLOUR.filled(),
                ))
            }))
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(Chart {
        indicator,
        measure,
        unit,
        targets,
        outcomes,
        x_map,
        y_map,
        svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gwr_model::{Measure, Met, Qualifier, TargetStatus, Unit};

    fn row(place: &str, year: i32, target: f64, outcome: Option<f64>) -> TargetOutcome {
        TargetOutcome {
            target_fact_id: Some(format!("{place}-{year}/f-1")),
            row_id: format!("{place}-{year}/f-1"),
            report_id: format!("{place}-{year}"),
            place_code: Some(place.to_string()),
            indicator: Some("gdp".into()),
            measure: Some(Measure::Change),
            period: Some(year),
            target_value: Some(target),
            qualifier: Some(Qualifier::Approx),
            unit: Some(Unit::Percent),
            direction: Some("higher".into()),
            outcome_fact_id: outcome.map(|_| "x".into()),
            outcome_value: outcome,
            met: Some(Met::Unclear),
            target_status: TargetStatus::Set,
            target_value_max: None,
            outcome_source: None,
            outcome_status: None,
            gap: None,
            met_reason: String::new(),
            not_set_basis: None,
            start: None,
            end: None,
            quote: None,
            national_target_fact_id: None,
            national_target_value: None,
            national_target_value_max: None,
            national_qualifier: None,
            amplification: None,
            official_outcome_fact_id: None,
            official_outcome_value: None,
            official_outcome_source: None,
            official_gap: None,
            official_met: None,
            official_met_reason: None,
        }
    }

    #[test]
    fn one_chart_per_headline_group_with_its_points() {
        let rows = vec![
            row("100000", 2021, 6.0, Some(8.1)),
            row("100000", 2022, 5.5, Some(3.0)),
            row("100000", 2023, 5.0, Some(5.2)),
            row("100000", 2024, 5.0, None),
        ];
        let charts = charts(&rows, &|c| c == "gdp").unwrap();
        assert_eq!(charts.len(), 1);
        let c = &charts[0];
        assert_eq!((c.targets, c.outcomes), (4, 3));
        assert_eq!(c.file_name(), "charts/gdp-change-percent.svg");
        let stroke = format!(
            "stroke=\"#{:02X}{:02X}{:02X}\"",
            TARGET_COLOUR.0, TARGET_COLOUR.1, TARGET_COLOUR.2
        );
        let circles = c.svg.matches("<circle").count();
        assert_eq!(circles, 7, "{}", c.svg);
        assert!(c.svg.contains(&stroke), "{}", c.svg);
        // the same rows give the same bytes
        assert_eq!(super::charts(&rows, &|c| c == "gdp").unwrap(), charts);
        // a not_set row draws nothing
        let mut not_set = row("100000", 2020, 0.0, None);
        (not_set.target_value, not_set.measure, not_set.unit) = (None, None, None);
        not_set.target_status = TargetStatus::NotSet;
        let with = [rows.clone(), vec![not_set]].concat();
        assert_eq!(super::charts(&with, &|c| c == "gdp").unwrap(), charts);
        // too few targets: no chart; not headline: no chart
        assert!(super::charts(&rows[..2], &|c| c == "gdp")
            .unwrap()
            .is_empty());
        assert!(super::charts(&rows, &|_| false).unwrap().is_empty());
        // the map puts a later year to the right and a higher value higher up
        assert!(c.x_map.3 > c.x_map.1 && c.y_map.3 < c.y_map.1);
    }
}
