//! The row types of the published tables.
//!
//! Each struct here is the single definition of one table: its serde form is a row of the
//! CSV/Parquet file, its doc comments are the English field descriptions, and the
//! `x-zh` / `x-unit` extensions carry the Chinese description and the unit. The JSON Schema,
//! the Frictionless Table Schema, the Arrow schema and the data dictionary are all derived from
//! these definitions (see [`crate::table`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The serde form of text fields: a table cell never holds an empty string.
///
/// The tables declare `""` their missing value (a CSV cell cannot tell an empty string from
/// null), so an empty text is written as null in every format, and a field that extraction may
/// leave empty is typed `String` but published as optional. An `Option<String>` holding
/// `Some("")` is written as null too, so the CSV and Parquet copies of a table always agree.
mod text {
    use serde::{Deserialize, Deserializer, Serializer};

    /// A `String` that may be empty: `""` ↔ null.
    pub mod empty_as_null {
        use super::*;

        /// Writes `""` as null.
        pub fn serialize<S: Serializer>(value: &str, s: S) -> Result<S::Ok, S::Error> {
            if value.is_empty() {
                s.serialize_none()
            } else {
                s.serialize_some(value)
            }
        }

        /// Reads null (or an absent value) as `""`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
            Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
        }
    }

    /// Writes `Some("")` as null, like `None`.
    pub fn some_nonempty<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        match value.as_deref() {
            Some(v) if !v.is_empty() => s.serialize_some(v),
            _ => s.serialize_none(),
        }
    }
}

/// Administrative level of the government that delivered a report.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AdminLevel {
    /// 国务院 (State Council).
    National,
    /// 省、自治区、直辖市.
    Province,
    /// 地级市、自治州、盟.
    Prefecture,
    /// 县、县级市、旗.
    County,
    /// 市辖区.
    District,
    /// 镇、乡.
    Town,
    /// 街道.
    Subdistrict,
    /// Not known.
    #[default]
    Other,
}

/// Kind of a section of the report body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A top-level part: 一、2023年工作总结.
    Part,
    /// A numbered section of a part: (一)聚焦科创…, or a heading whose marker was lost.
    Section,
    /// A third-level heading: 1. …
    Subsection,
}

/// Role of a paragraph in the report body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The heading line of a part or section.
    Heading,
    /// Ordinary body text.
    Body,
    /// The salutation 各位代表：and the opening before the first part.
    Opening,
    /// A closing address that starts with 各位代表 after the parts began.
    Closing,
}

/// Unit of a fact's `value`, after normalisation to base units.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Chinese yuan (人民币元).
    #[serde(rename = "CNY")]
    Cny,
    /// US dollars.
    #[serde(rename = "USD")]
    Usd,
    /// Square metres.
    M2,
    /// Metres.
    M,
    /// Metric tons.
    Ton,
    /// Kilowatt hours.
    Kwh,
    /// Percent, as written (14.5% is 14.5).
    Percent,
    /// Percentage points (个百分点).
    PercentagePoint,
    /// A multiple, as a change: the increase over the base in times of the base, as 增长X倍
    /// reads (增长2倍 is 2; 翻一番, a doubling, is 1; 翻两番 is 3).
    Multiple,
    /// A count of things with a measure word (家, 个, 户, 人, 家次 …).
    Count,
    /// Person-times (人次).
    PersonTime,
    /// Anything else; the value is kept as written and `unit_raw` says the unit.
    Other,
}

/// What kind of quantity a fact states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// An amount, count, area… of something.
    Level,
    /// Growth or decline (同比增长 5%, 下降 3.9%, 增长 2 倍, 提高 1 个百分点); signed.
    Change,
    /// A part of a whole (占比, 六成, 过半).
    Share,
    /// A ratio that is its own indicator (满意率, 覆盖率, 失业率).
    Rate,
}

/// Whether a fact was achieved, is planned, or is forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Achieved or observed.
    Actual,
    /// Planned or expected to be reached (预期目标, 力争, 确保, the plan part).
    Target,
    /// Estimated for the year still running (预计).
    Forecast,
}

/// How exact the stated number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written.
    Exact,
    /// 约, 近, 左右, 余, 多, 上下.
    Approx,
    /// 以上, 超过, 逾, 突破, 过半, 不低于.
    LowerBound,
    /// 以内, 以下, 不超过, 控制在…以内.
    UpperBound,
    /// 3%—5%: `value` is the lower end, `value_max` the upper end.
    Range,
}

/// Whether a target agrees with the baseline the report gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Consistency {
    /// baseline × (1 + growth) equals the target level within the rounding tolerance.
    Consistent,
    /// baseline × (1 + growth) differs from the target level by more than the tolerance.
    Inconsistent,
    /// The report does not give both a growth and a level with a baseline.
    NotCheckable,
}

/// Severity of a quality issue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The value is wrong or unusable as printed.
    Error,
    /// The value is suspect: check the original before citing it.
    Warning,
    /// Worth knowing; the value is probably fine.
    Info,
}

/// How a report's `report_year` was read (`reports.report_year_basis`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum YearBasis {
    /// Given: `report_year` of the metadata file, or `--year`.
    Metadata,
    /// The year named in the title (2024年福建省人民政府工作报告, …2020年国民经济和社会发展统计公报), the front matter's title included.
    Title,
    /// The date the report was delivered (date line, title or front matter): that year, the next one when delivered in December.
    DeliveredDate,
    /// The date the text was published (a news write-up's or a page's date line): that year, the next one when published in December.
    PublishedDate,
    /// The session of the National People's Congress the report is addressed to, by the congress's calendar, or a session it dates relative to now.
    Session,
    /// The plan and review headings (二、2024年工作安排; 一、2023年工作回顾 → 2024), 刚刚过去的Y年, a review heading followed by a year.
    Headings,
    /// The five-year plans (今年是“七五”计划的头一年) or a whole congress term looked back on.
    Calendar,
    /// The statements about single years: 今年/明年 next to a year, and a vote of the sentences that open with a year.
    Statements,
    /// Nothing gives the year: `report_year` is empty.
    #[default]
    Unknown,
}

/// What kind of document a report is (`reports.document_kind`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A government work report (政府工作报告): a review of the past year and the plan, with targets, for the year it is delivered in.
    #[default]
    WorkReport,
    /// A statistical communiqué of the National Bureau of Statistics (国民经济和社会发展统计公报; before 1990 关于…国民经济计划执行结果的公报): the official figures of the year it reports on, every fact achieved, no targets.
    StatisticalCommunique,
}

/// One delivered government work report and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportRow {
    /// Stable identifier of the report, lower-case ASCII: place slug and year.
    #[schemars(extend("x-zh" = "报告标识符", "pattern" = "^[a-z0-9][a-z0-9-]*$"))]
    pub report_id: String,
    /// Title of the report as printed; empty when neither the metadata nor the text gives one (many published texts begin with 各位代表).
    #[schemars(with = "Option<String>", extend("x-zh" = "报告标题(未载明时为空)"))]
    #[serde(default, with = "text::empty_as_null")]
    pub title: String,
    /// Name of the place in Chinese.
    #[schemars(extend("x-zh" = "地区名称(中文)"))]
    pub place_zh: String,
    /// Name of the place in English; empty when the metadata does not give it (it is not read off the text).
    #[schemars(with = "Option<String>", extend("x-zh" = "地区名称(英文, 未知时为空)"))]
    #[serde(default, with = "text::empty_as_null")]
    pub place_en: String,
    /// Official code of the place (GB/T 2260: six digits for a province, prefecture or county; the statistical nine-digit code for a town or subdistrict; 100000 for the whole country), a key of `places`; empty when the place could not be identified without guessing (a quality issue says why).
    #[schemars(extend("x-zh" = "行政区划代码(省地县六位, 乡镇街道九位统计代码, 全国为 100000; 无法确定时为空)", "pattern" = "^[0-9]{6}([0-9]{3})?$"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub place_code: Option<String>,
    /// Administrative level of the government.
    #[schemars(extend("x-zh" = "行政级别"))]
    pub admin_level: AdminLevel,
    /// Parent areas from the top down, separated by " / " (上海市 / 宝山区); empty for a national report and when the metadata does not give them.
    #[schemars(with = "Option<String>", extend("x-zh" = "上级行政区(自上而下, 以 / 分隔; 未知时为空)"))]
    #[serde(default, with = "text::empty_as_null")]
    pub parent_areas: String,
    /// The year the report plans for: the year of its targets (a 2024 report reviews 2023 and plans 2024). A report delivered in December for the next year has that next year (delivered 2021-12-29 for 2022: 2022); a half-year or mid-term report, the year it is delivered in; a statistical communiqué, the year it reports on. Kept apart from `delivered_date`. Empty when neither the metadata nor the text says it: the periods of the report's facts that count from it are empty too. `report_year_basis` says how it was read.
    #[schemars(range(min = 1949, max = 2100), extend("x-zh" = "报告年度(计划年度, 即目标所属年度; 无法判定时为空)"))]
    #[serde(default)]
    pub report_year: Option<i32>,
    /// How `report_year` was read: given in the metadata, from the title, the date line, the congress session, the headings, the year statements of the text, or unknown.
    #[schemars(extend("x-zh" = "报告年度的判定依据"))]
    pub report_year_basis: YearBasis,
    /// Date the report was delivered to the congress, as read from the text.
    #[schemars(extend("x-zh" = "报告日期", "format" = "date"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub delivered_date: Option<String>,
    /// How the delivered date was read, when the text is damaged or silent.
    #[schemars(extend("x-zh" = "报告日期的判读说明"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub delivered_date_note: Option<String>,
    /// Date the text was published by the source.
    #[schemars(extend("x-zh" = "发布日期", "format" = "date"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub published_date: Option<String>,
    /// The meeting at which the report was delivered.
    #[schemars(extend("x-zh" = "会议名称"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub meeting: Option<String>,
    /// Who delivered the report.
    #[schemars(extend("x-zh" = "报告人"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub speaker: Option<String>,
    /// The speaker's office.
    #[schemars(extend("x-zh" = "报告人职务"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub speaker_title: Option<String>,
    /// Address of the page the text was taken from.
    #[schemars(extend("x-zh" = "来源网址", "format" = "uri"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub source_url: Option<String>,
    /// Who published the source page.
    #[schemars(extend("x-zh" = "发布机构"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub publisher: Option<String>,
    /// Language tag of the text (zh-Hans, zh-Hant).
    #[schemars(extend("x-zh" = "语言"))]
    pub language: String,
    /// Character encoding the source file was decoded from.
    #[schemars(extend("x-zh" = "源文件编码"))]
    pub encoding: String,
    /// SHA-256 of the original source file's bytes before decoding, lower-case hex: what identifies the file a citation refers to. The package ships the decoded text as UTF-8 (resource `source-<report_id>`, checked by its own `hash`), so the two agree only when `encoding` is `UTF-8` (a plain UTF-8 file without BOM); gwr-validate compares them only then.
    #[schemars(extend("x-zh" = "原始源文件(解码前)的 SHA-256", "pattern" = "^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// Length of the decoded text in Unicode code points (the space all offsets count in).
    #[schemars(range(min = 0), extend("x-zh" = "正文长度(Unicode 码位)", "x-unit" = "code points"))]
    pub char_count: u64,
    /// Code-point offset where the report body starts (各位代表).
    #[schemars(range(min = 0), extend("x-zh" = "正文起始偏移"))]
    pub body_start: u64,
    /// Code-point offset where the report body ends (exclusive).
    #[schemars(range(min = 0), extend("x-zh" = "正文结束偏移(不含)"))]
    pub body_end: u64,
    /// What kind of document this is: a government work report (work_report) or an NBS statistical communiqué (statistical_communique), whose facts are all achieved figures of the year it reports on. Given in the metadata, else recognised from the title.
    #[schemars(extend("x-zh" = "文件类型(政府工作报告 work_report / 统计公报 statistical_communique)"))]
    #[serde(default)]
    pub document_kind: DocumentKind,
}

/// A part or numbered section of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// Stable identifier: report id, `s-` and 8 hex digits of the SHA-256 of the heading's kind and text, digit runs as one mark and white space left out (`…/s-1a2b3c4d`); a second heading with the same fingerprint gets `-2`, in text order. It does not change when headings are added or removed elsewhere or a number in the heading changes.
    #[schemars(extend("x-zh" = "章节标识符"))]
    pub section_id: String,
    /// The report this section belongs to.
    #[schemars(extend("x-zh" = "所属报告"))]
    pub report_id: String,
    /// The enclosing part, empty for a part.
    #[schemars(extend("x-zh" = "上级章节"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub parent_id: Option<String>,
    /// Part, section or subsection.
    #[schemars(extend("x-zh" = "章节层级类型"))]
    pub kind: SectionKind,
    /// Depth in the tree: 1 for parts, 2 for their sections, 3 below.
    #[schemars(range(min = 1, max = 3), extend("x-zh" = "层级深度"))]
    pub level: u32,
    /// Position among its siblings, from 1.
    #[schemars(range(min = 1), extend("x-zh" = "同级序号"))]
    pub ordinal: u32,
    /// The marker as printed (一、 or （一）); empty when the text lost it.
    #[schemars(extend("x-zh" = "原文编号(缺失时为空)"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub marker: Option<String>,
    /// The heading's title without its marker.
    #[schemars(extend("x-zh" = "标题"))]
    pub title: String,
    /// Code-point offset of the heading line's start.
    #[schemars(range(min = 0), extend("x-zh" = "标题起始偏移"))]
    pub start: u64,
    /// Code-point offset of the heading line's end (exclusive).
    #[schemars(range(min = 0), extend("x-zh" = "标题结束偏移(不含)"))]
    pub end: u64,
    /// Code-point offset where the section's content ends (exclusive): the next sibling or ancestor heading, or the body end.
    #[schemars(range(min = 0), extend("x-zh" = "章节内容结束偏移(不含)"))]
    pub content_end: u64,
    /// The heading line exactly as in the source: equals source[start..end].
    #[schemars(extend("x-zh" = "标题原文"))]
    pub quote: String,
}

/// A paragraph of the report body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// Stable identifier: report id, `p-` and 8 hex digits of the SHA-256 of the paragraph's kind and its first and last 24 characters, digit runs as one mark and white space left out (`…/p-1a2b3c4d`, `-2` for a repeat in text order). Paragraphs added or removed elsewhere do not change it.
    #[schemars(extend("x-zh" = "段落标识符"))]
    pub paragraph_id: String,
    /// The report this paragraph belongs to.
    #[schemars(extend("x-zh" = "所属报告"))]
    pub report_id: String,
    /// The innermost section containing the paragraph; empty before the first part.
    #[schemars(extend("x-zh" = "所属章节"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub section_id: Option<String>,
    /// Position in the body, from 1.
    #[schemars(range(min = 1), extend("x-zh" = "段落序号"))]
    pub ordinal: u32,
    /// Heading, body, opening or closing.
    #[schemars(extend("x-zh" = "段落类型"))]
    pub kind: ParagraphKind,
    /// The paragraph's lead phrase (发展态势稳中有进), when it opens with one.
    #[schemars(extend("x-zh" = "段首概括语"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub lead: Option<String>,
    /// Code-point offset of the paragraph's first character.
    #[schemars(range(min = 0), extend("x-zh" = "起始偏移"))]
    pub start: u64,
    /// Code-point offset after the paragraph's last character.
    #[schemars(range(min = 0), extend("x-zh" = "结束偏移(不含)"))]
    pub end: u64,
    /// The paragraph exactly as in the source: equals source[start..end].
    #[schemars(extend("x-zh" = "段落原文"))]
    pub quote: String,
}

/// One quantity stated in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fact {
    /// Stable identifier: report id, `f-` and 8 hex digits of the SHA-256 of the quote with the 12 characters before it and the 8 after, digit runs as one mark and white space left out (`…/f-1a2b3c4d`, `-2` for a repeat in text order). A corrected number, facts found or lost elsewhere and text changed elsewhere leave it as it is.
    #[schemars(extend("x-zh" = "事实标识符"))]
    pub fact_id: String,
    /// The report stating the fact.
    #[schemars(extend("x-zh" = "所属报告"))]
    pub report_id: String,
    /// The innermost section containing the fact.
    #[schemars(extend("x-zh" = "所属章节"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub section_id: Option<String>,
    /// The paragraph containing the fact; empty when no paragraph holds it (the text had no recognisable body, or the number runs across a paragraph break).
    #[schemars(with = "Option<String>", extend("x-zh" = "所属段落"))]
    #[serde(default, with = "text::empty_as_null")]
    pub paragraph_id: String,
    /// The shortest phrase of the text naming what is measured (区级财政收入); empty when extraction could not find it.
    #[schemars(with = "Option<String>", extend("x-zh" = "统计对象(原文短语; 未能识别时为空)"))]
    #[serde(default, with = "text::empty_as_null")]
    pub subject: String,
    /// Code of the canonical indicator from the glossary, when one applies. A growth is the level indicator with measure change (经济增长7%左右 and 国内生产总值增长8% are both gdp, change).
    #[schemars(extend("x-zh" = "标准指标代码(见指标词表); 增速记为总量指标、度量为change"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub indicator: Option<String>,
    /// The value in base units: yuan, m², m, ton, kWh; percent as written; counts as counts. Signed for changes.
    #[schemars(extend("x-zh" = "数值(基本单位; 变化量带符号)"))]
    pub value: f64,
    /// Unit of `value` and `value_max`.
    #[schemars(extend("x-zh" = "单位"))]
    pub unit: Unit,
    /// Upper end of a range, in the same unit; empty unless the qualifier is range.
    #[schemars(extend("x-zh" = "区间上限"))]
    pub value_max: Option<f64>,
    /// The number as written (5.87, 六成, 1.39万).
    #[schemars(extend("x-zh" = "数字原文"))]
    pub value_raw: String,
    /// The unit as written (亿元, 户, %); empty when the number carries its own (六成, 过半).
    #[schemars(extend("x-zh" = "单位原文"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub unit_raw: Option<String>,
    /// Level, change, share or rate.
    #[schemars(extend("x-zh" = "度量类型"))]
    pub measure: Measure,
    /// Actual, target or forecast.
    #[schemars(extend("x-zh" = "状态(实际/目标/预计)"))]
    pub status: Status,
    /// The year the number is about.
    #[schemars(range(min = 1900, max = 2100), extend("x-zh" = "所属年度"))]
    pub period: Option<i32>,
    /// Exact, approx, lower_bound, upper_bound or range.
    #[schemars(extend("x-zh" = "限定(精确/约数/下限/上限/区间)"))]
    pub qualifier: Qualifier,
    /// The fact this change or share qualifies (14.5% → the 5.87亿元 row).
    #[schemars(extend("x-zh" = "关联事实"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub relates_to: Option<String>,
    /// Code-point offset of the quote's first character.
    #[schemars(range(min = 0), extend("x-zh" = "起始偏移"))]
    pub start: u64,
    /// Code-point offset after the quote's last character.
    #[schemars(range(min = 0), extend("x-zh" = "结束偏移(不含)"))]
    pub end: u64,
    /// The number, its unit and adjacent qualifier words exactly as in the source: equals source[start..end].
    #[schemars(extend("x-zh" = "原文"))]
    pub quote: String,
}

/// One target of a report, checked against the baseline the report gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// Stable identifier: report id, `t-` and the hex digits of the target's fact (`…/t-1a2b3c4d` for the fact `…/f-1a2b3c4d`).
    #[schemars(extend("x-zh" = "目标标识符"))]
    pub target_id: String,
    /// The report setting the target.
    #[schemars(extend("x-zh" = "所属报告"))]
    pub report_id: String,
    /// The fact stating the target.
    #[schemars(extend("x-zh" = "目标事实"))]
    pub fact_id: String,
    /// What the target is about, as the text names it; empty when its fact has no subject.
    #[schemars(with = "Option<String>", extend("x-zh" = "统计对象(未能识别时为空)"))]
    #[serde(default, with = "text::empty_as_null")]
    pub subject: String,
    /// Canonical indicator code, when one applies.
    #[schemars(extend("x-zh" = "标准指标代码"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub indicator: Option<String>,
    /// The year the target is for.
    #[schemars(range(min = 1900, max = 2100), extend("x-zh" = "目标年度"))]
    pub period: Option<i32>,
    /// Level, change, share or rate.
    #[schemars(extend("x-zh" = "度量类型"))]
    pub measure: Measure,
    /// The target value in base units.
    #[schemars(extend("x-zh" = "目标值(基本单位)"))]
    pub value: f64,
    /// Upper end, for a range target.
    #[schemars(extend("x-zh" = "目标区间上限"))]
    pub value_max: Option<f64>,
    /// Unit of the target value.
    #[schemars(extend("x-zh" = "单位"))]
    pub unit: Unit,
    /// Exact, approx, lower_bound, upper_bound or range.
    #[schemars(extend("x-zh" = "限定"))]
    pub qualifier: Qualifier,
    /// The level fact stated with a growth target (达到6.3亿元), when there is one.
    #[schemars(extend("x-zh" = "配套水平目标事实"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub level_fact_id: Option<String>,
    /// The growth fact stated with a level target (增长7%), when there is one.
    #[schemars(extend("x-zh" = "配套增速目标事实"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub growth_fact_id: Option<String>,
    /// The fact giving the previous year's level of the same indicator.
    #[schemars(extend("x-zh" = "基期事实"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub baseline_fact_id: Option<String>,
    /// The baseline level in base units.
    #[schemars(extend("x-zh" = "基期值"))]
    pub baseline_value: Option<f64>,
    /// The year of the baseline.
    #[schemars(range(min = 1900, max = 2100), extend("x-zh" = "基期年度"))]
    pub baseline_period: Option<i32>,
    /// baseline × (1 + growth/100): the level the growth target implies.
    #[schemars(extend("x-zh" = "按增速推算的目标水平"))]
    pub implied_value: Option<f64>,
    /// Relative tolerance used for the check: half a unit of the last printed digit of the level, over the level.
    #[schemars(range(min = 0), extend("x-zh" = "相对容差"))]
    pub tolerance: Option<f64>,
    /// Whether the growth, the level and the baseline agree.
    #[schemars(extend("x-zh" = "一致性"))]
    pub consistency: Consistency,
    /// How the check was done, in words.
    #[schemars(extend("x-zh" = "核对说明"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub note: Option<String>,
}

/// A suspect spot of a report: damaged text, a missing unit, an implausible magnitude.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QualityIssue {
    /// Stable identifier: report id, `q-` and 8 hex digits of the SHA-256 of the issue's code and its quote with the 12 characters before it and the 8 after, digit runs as one mark and white space left out (`…/q-1a2b3c4d`, `-2` for a repeat in text order).
    #[schemars(extend("x-zh" = "问题标识符"))]
    pub issue_id: String,
    /// The report concerned.
    #[schemars(extend("x-zh" = "所属报告"))]
    pub report_id: String,
    /// The fact concerned, if any.
    #[schemars(extend("x-zh" = "相关事实"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub fact_id: Option<String>,
    /// The paragraph concerned, if any.
    #[schemars(extend("x-zh" = "相关段落"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub paragraph_id: Option<String>,
    /// Error, warning or info.
    #[schemars(extend("x-zh" = "严重程度"))]
    pub severity: Severity,
    /// Stable machine-readable code of the problem (missing_measure_word …).
    #[schemars(extend("x-zh" = "问题代码", "pattern" = "^[a-z][a-z0-9_]*$"))]
    pub code: crate::QualityCode,
    /// What is wrong, in Chinese.
    #[schemars(extend("x-zh" = "说明(中文)"))]
    pub message_zh: String,
    /// What is wrong, in English.
    #[schemars(extend("x-zh" = "说明(英文)"))]
    pub message_en: String,
    /// Code-point offset of the suspect spot.
    #[schemars(range(min = 0), extend("x-zh" = "起始偏移"))]
    pub start: u64,
    /// Code-point offset after the suspect spot.
    #[schemars(range(min = 0), extend("x-zh" = "结束偏移(不含)"))]
    pub end: u64,
    /// The suspect text exactly as in the source: equals source[start..end].
    #[schemars(extend("x-zh" = "原文"))]
    pub quote: String,
}

/// An administrative division named by a report, or an ancestor of one (GB/T 2260 and the
/// statistical division codes; see `crates/gwr-extract/places/README.md` for the source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceRow {
    /// Division code: six digits (GB/T 2260) for a province, prefecture or county, nine (the statistical code) for a town or subdistrict; 100000 is the whole country.
    #[schemars(extend("x-zh" = "行政区划代码", "pattern" = "^[0-9]{6}([0-9]{3})?$"))]
    pub code: String,
    /// Full official name in Chinese (延边朝鲜族自治州, 云南省).
    #[schemars(extend("x-zh" = "规范全称"))]
    pub name_zh: String,
    /// The name in Hanyu pinyin without tones: the proper name, then the generic ending (Shanghai Shi, Songnan Zhen).
    #[schemars(extend("x-zh" = "汉语拼音名称"))]
    pub name_en: String,
    /// Administrative level.
    #[schemars(extend("x-zh" = "行政级别"))]
    pub level: AdminLevel,
    /// Code of the division it belongs to; empty for the country.
    #[schemars(extend("x-zh" = "上级行政区划代码", "pattern" = "^[0-9]{6}([0-9]{3})?$"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub parent_code: Option<String>,
}

/// Where the outcome of a target was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeSource {
    /// The next report of the same place (the report of year Y+1 reviewing year Y).
    NextReport,
    /// The NBS statistical communiqué on year Y (国民经济和社会发展统计公报): the official figure.
    StatisticalCommunique,
}

/// How final an outcome is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeStatus {
    /// Stated as achieved.
    Actual,
    /// Stated as an estimate (预计): the year had not closed when the text was written.
    Preliminary,
}

/// Whether a target was met (`target_outcomes.met`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Met {
    /// The outcome satisfies the target under the rule of its qualifier and direction.
    Yes,
    /// The outcome falls short of the target under that rule.
    No,
    /// No outcome was found, or the rule cannot decide (`met_reason` says why).
    Unclear,
}

/// Whether a `target_outcomes` row is a target the report sets or a headline indicator it sets
/// none for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// A target the report sets (a row of `targets`).
    Set,
    /// A headline indicator the report sets no target for (national and provincial reports
    /// only): `not_set_basis` says whether the text says so.
    NotSet,
}

/// Why a headline indicator counts as not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotSetBasis {
    /// The text says that no target is set (我们没有提出全年经济增速具体目标): `quote` is
    /// that sentence.
    Stated,
    /// The text sets no target for the indicator and says nothing about it.
    Silent,
}

/// One target of a report beside what became of it: the outcome the next report of the same
/// place states for the target's year, and whether the target was met; plus one row per
/// headline indicator a national or provincial report sets no target for (`not_set`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetOutcome {
    /// The fact stating the target; empty for a `not_set` row (no fact states a target).
    #[schemars(extend("x-zh" = "目标事实(未设目标的行为空)"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub target_fact_id: Option<String>,
    /// The report setting the target.
    #[schemars(extend("x-zh" = "设定目标的报告"))]
    pub report_id: String,
    /// Division code of the report's place; empty when the place is not identified.
    #[schemars(extend("x-zh" = "行政区划代码", "pattern" = "^[0-9]{6}([0-9]{3})?$"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub place_code: Option<String>,
    /// Canonical indicator code of the target, when one applies.
    #[schemars(extend("x-zh" = "标准指标代码"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub indicator: Option<String>,
    /// Level, change, share or rate: a growth target is the indicator with measure change; empty for a `not_set` row.
    #[schemars(extend("x-zh" = "度量类型(增速目标为 change)"))]
    #[serde(default)]
    pub measure: Option<Measure>,
    /// The year the target is for (the report year of the report setting it).
    #[schemars(range(min = 1900, max = 2100), extend("x-zh" = "目标年度"))]
    pub period: Option<i32>,
    /// The target value in base units (the lower end of a range); empty for a `not_set` row.
    #[schemars(extend("x-zh" = "目标值(基本单位; 区间取下限)"))]
    #[serde(default)]
    pub target_value: Option<f64>,
    /// Upper end, for a range target.
    #[schemars(extend("x-zh" = "目标区间上限"))]
    pub target_value_max: Option<f64>,
    /// Exact, approx, lower_bound, upper_bound or range; empty for a `not_set` row.
    #[schemars(extend("x-zh" = "限定"))]
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// Unit of the target and outcome values; empty for a `not_set` row.
    #[schemars(extend("x-zh" = "单位"))]
    #[serde(default)]
    pub unit: Option<Unit>,
    /// Whether a higher outcome is better (higher), a lower one is (lower), or the indicator has no direction here (empty).
    #[schemars(extend("x-zh" = "方向(higher 越高越好 / lower 越低越好)"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub direction: Option<String>,
    /// The fact stating the outcome, when one was found.
    #[schemars(extend("x-zh" = "结果事实"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub outcome_fact_id: Option<String>,
    /// The outcome in the target's unit.
    #[schemars(extend("x-zh" = "实际结果"))]
    pub outcome_value: Option<f64>,
    /// Where the outcome was read: the next report of the same place.
    #[schemars(extend("x-zh" = "结果来源"))]
    pub outcome_source: Option<OutcomeSource>,
    /// Actual, or preliminary where the text says 预计.
    #[schemars(extend("x-zh" = "结果状态(实际/初步)"))]
    pub outcome_status: Option<OutcomeStatus>,
    /// outcome_value − target_value (the lower end of a range target).
    #[schemars(extend("x-zh" = "差距(实际 − 目标)"))]
    pub gap: Option<f64>,
    /// Yes, no or unclear, by the rule of the target's qualifier and the indicator's direction (see the data dictionary); empty for a `not_set` row.
    #[schemars(extend("x-zh" = "是否完成(是/否/不明; 未设目标的行为空)"))]
    #[serde(default)]
    pub met: Option<Met>,
    /// Why the target counts as met, not met, or unclear, in words (for a `not_set` row: why it is not set).
    #[schemars(extend("x-zh" = "判定理由"))]
    pub met_reason: String,
    /// Stable identifier of the row: the target's fact id for a target (`…/f-1a2b3c4d`, the value of `target_fact_id`), and report id, `n-` and 8 hex digits of the SHA-256 of `n` and the indicator code for a `not_set` row (`…/n-1a2b3c4d`).
    #[schemars(extend("x-zh" = "行标识(目标行即目标事实标识; 未设目标的行为 …/n-8位十六进制)"))]
    pub row_id: String,
    /// set for a target the report sets; not_set for a headline indicator a national or provincial report sets no target for.
    #[schemars(extend("x-zh" = "目标状态(set 已设定 / not_set 未设定)"))]
    pub target_status: TargetStatus,
    /// Of a `not_set` row: stated (the text says no target is set; `quote` is that sentence) or silent (the text says nothing about it).
    #[schemars(extend("x-zh" = "未设目标的依据(stated 文中明言 / silent 未提及)"))]
    pub not_set_basis: Option<NotSetBasis>,
    /// Of a `not_set` row stated in the text: code-point offset of the sentence saying so.
    #[schemars(range(min = 0), extend("x-zh" = "说明句起始偏移"))]
    pub start: Option<u64>,
    /// Of a `not_set` row stated in the text: code-point offset after that sentence.
    #[schemars(range(min = 0), extend("x-zh" = "说明句结束偏移(不含)"))]
    pub end: Option<u64>,
    /// Of a `not_set` row stated in the text: the sentence saying no target is set, exactly as in the source (equals source[start..end]).
    #[schemars(extend("x-zh" = "说明句原文"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub quote: Option<String>,
    /// Of a target of a sub-national report: the national target of the same indicator, measure, unit and year (the first the national report states), a fact of the national report (in this package, or in the national collection gwr-national for the provinces' release).
    #[schemars(extend("x-zh" = "同年度同指标的全国目标事实"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub national_target_fact_id: Option<String>,
    /// The national target's value in base units (the lower end of a range).
    #[schemars(extend("x-zh" = "全国目标值(区间取下限)"))]
    pub national_target_value: Option<f64>,
    /// Upper end of a national range target.
    #[schemars(extend("x-zh" = "全国目标区间上限"))]
    pub national_target_value_max: Option<f64>,
    /// The national target's qualifier.
    #[schemars(extend("x-zh" = "全国目标限定"))]
    pub national_qualifier: Option<Qualifier>,
    /// target_value − national_target_value in the unit's base value (for ranges, lower end − lower end): how far the place aims above the centre (a decline target is negative, so a steeper decline gives a negative amplification).
    #[schemars(extend("x-zh" = "目标加码(本地目标 − 全国目标; 区间取下限)"))]
    pub amplification: Option<f64>,
    /// The fact of the statistical communiqué on the target's year that states the official outcome (same place, indicator, measure, unit and year), when the package has one.
    #[schemars(extend("x-zh" = "官方结果事实(统计公报)"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub official_outcome_fact_id: Option<String>,
    /// The official outcome in the target's unit, as the communiqué states it.
    #[schemars(extend("x-zh" = "官方结果(统计公报)"))]
    #[serde(default)]
    pub official_outcome_value: Option<f64>,
    /// Where the official outcome was read: statistical_communique; empty when there is none.
    #[schemars(extend("x-zh" = "官方结果来源"))]
    #[serde(default)]
    pub official_outcome_source: Option<OutcomeSource>,
    /// official_outcome_value − target_value (the lower end of a range target).
    #[schemars(extend("x-zh" = "官方差距(官方结果 − 目标)"))]
    #[serde(default)]
    pub official_gap: Option<f64>,
    /// Yes, no or unclear against the official outcome, by the same rule as `met`; empty when there is no official outcome.
    #[schemars(extend("x-zh" = "按官方结果是否完成(是/否/不明; 无官方结果时为空)"))]
    #[serde(default)]
    pub official_met: Option<Met>,
    /// Why the target counts as met, not met or unclear against the official outcome, or why there is none, in words.
    #[schemars(extend("x-zh" = "官方结果判定理由"))]
    #[serde(default, serialize_with = "text::some_nonempty")]
    pub official_met_reason: Option<String>,
}

/// A canonical indicator of the glossary (`data/glossary/indicators.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    /// Canonical code, snake_case ASCII (fiscal_revenue).
    #[schemars(extend("x-zh" = "指标代码", "pattern" = "^[a-z][a-z0-9_]*$"))]
    pub code: String,
    /// Canonical Chinese name.
    #[schemars(extend("x-zh" = "指标中文名"))]
    pub name_zh: String,
    /// Other Chinese names used in reports, separated by |.
    #[schemars(extend("x-zh" = "报告中的其他称谓(以 | 分隔)"))]
    #[serde(serialize_with = "text::some_nonempty")]
    pub variants: Option<String>,
    /// English name.
    #[schemars(extend("x-zh" = "指标英文名"))]
    pub name_en: String,
    /// The unit the indicator's values are given in.
    #[schemars(extend("x-zh" = "单位"))]
    pub unit: Unit,
    /// The indicator's usual measure; the growth of a level indicator is a fact of the same code with measure change.
    #[schemars(extend("x-zh" = "常见度量类型; 总量指标的增速记为同一代码、度量为change"))]
    pub measure: Measure,
    /// What the indicator measures, in English.
    #[schemars(extend("x-zh" = "英文说明"))]
    pub description_en: String,
    /// What the indicator measures, in Chinese.
    #[schemars(extend("x-zh" = "中文说明"))]
    pub description_zh: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Table;

    /// The text fields extraction may leave empty, per table.
    const MAY_BE_EMPTY: &[(&str, &[&str])] = &[
        ("reports", &["title", "place_en", "parent_areas"]),
        ("facts", &["paragraph_id", "subject"]),
        ("targets", &["subject"]),
    ];

    fn optional_fields<T: Table>() -> Vec<String> {
        T::fields()
            .into_iter()
            .filter(|f| !f.required)
            .map(|f| f.name)
            .collect()
    }

    #[test]
    fn fields_that_may_be_empty_are_optional_in_every_schema() {
        let optional = [
            (
                "reports",
                optional_fields::<ReportRow>(),
                ReportRow::row_json_schema(),
            ),
            ("facts", optional_fields::<Fact>(), Fact::row_json_schema()),
            (
                "targets",
                optional_fields::<Target>(),
                Target::row_json_schema(),
            ),
        ];
        for (table, fields) in MAY_BE_EMPTY {
            let (_, opt, schema) = optional
                .iter()
                .find(|(t, _, _)| t == table)
                .expect("table listed");
            let required = schema["required"].as_array().expect("required list");
            for f in *fields {
                assert!(opt.iter().any(|o| o == f), "{table}.{f} is required");
                assert!(
                    !required.iter().any(|r| r == f),
                    "{table}.{f} in JSON Schema required"
                );
                assert_eq!(
                    schema["properties"][f]["type"],
                    serde_json::json!(["string", "null"]),
                    "{table}.{f}"
                );
            }
        }
        // and what must always be there stays required
        for f in ["report_id", "place_zh", "sha256", "encoding", "language"] {
            assert!(
                !optional_fields::<ReportRow>().iter().any(|o| o == f),
                "{f}"
            );
        }
        for f in ["fact_id", "value_raw", "quote"] {
            assert!(!optional_fields::<Fact>().iter().any(|o| o == f), "{f}");
        }
    }

    fn fact() -> Fact {
        Fact {
            fact_id: "r/f0001".into(),
            report_id: "r".into(),
            section_id: Some(String::new()),
            paragraph_id: String::new(),
            subject: String::new(),
            indicator: None,
            value: 7.0,
            unit: Unit::Percent,
            value_max: None,
            value_raw: "7".into(),
            unit_raw: Some("%".into()),
            measure: Measure::Change,
            status: Status::Target,
            period: Some(2024),
            qualifier: Qualifier::Approx,
            relates_to: None,
            start: 0,
            end: 5,
            quote: "7%左右".into(),
        }
    }

    #[test]
    fn empty_text_is_written_as_null_and_read_back_as_empty() {
        let f = fact();
        let v = serde_json::to_value(&f).expect("serialise");
        assert!(v["subject"].is_null() && v["paragraph_id"].is_null(), "{v}");
        assert!(v["section_id"].is_null(), "Some(\"\") is null too: {v}");
        assert_eq!(v["unit_raw"], "%");
        let back: Fact = serde_json::from_value(v).expect("deserialise");
        assert_eq!(back.subject, "");
        assert_eq!(back.paragraph_id, "");
        assert_eq!(back.section_id, None);
        let mut named = fact();
        named.subject = "国内生产总值".into();
        let v = serde_json::to_value(&named).expect("serialise");
        assert_eq!(v["subject"], "国内生产总值");
        // an absent key reads as empty as well
        let mut m = v.as_object().cloned().expect("object");
        m.remove("subject");
        let back: Fact = serde_json::from_value(serde_json::Value::Object(m)).expect("absent");
        assert_eq!(back.subject, "");
    }
}
