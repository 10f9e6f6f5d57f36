//! Tests of `gwr_extract::decode`: one per rule, inputs built here (encoding_rs for GB18030,
//! GBK and Big5; UTF-16 by hand) or read from tests/fixtures/decode/.

use encoding_rs::{BIG5, GB18030, GBK};
use gwr_extract::decode::{decode, DecodeError, MAX_INPUT_BYTES};
use proptest::prelude::*;

const REPORT: &str = "淞南镇人民政府工作报告\n全年完成区级财政收入5.87亿元,同比增加14.5%。\n";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/decode/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

fn utf16be(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()
}

fn gb18030(s: &str) -> Vec<u8> {
    let (bytes, _, had_errors) = GB18030.encode(s);
    assert!(!had_errors);
    bytes.into_owned()
}

fn err(bytes: &[u8]) -> DecodeError {
    match decode(bytes) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e,
    }
}

// ---- UTF-8 ---------------------------------------------------------------------------------

#[test]
fn utf8_without_bom_is_kept_as_is() {
    let d = decode(REPORT.as_bytes()).unwrap();
    assert_eq!(d.text, REPORT);
    assert_eq!(d.encoding, "UTF-8");
    assert!(!d.bom && !d.html);
}

#[test]
fn utf8_bom_is_stripped_and_offsets_count_after_it() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(REPORT.as_bytes());
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, REPORT);
    assert_eq!(d.text.chars().next(), Some('淞'));
    assert_eq!(d.encoding, "UTF-8 (BOM)");
    assert!(d.bom);
}

#[test]
fn utf8_bom_followed_by_invalid_utf8_is_refused() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&gb18030(REPORT));
    let e = err(&bytes);
    assert_eq!(e, DecodeError::BadBom { encoding: "UTF-8" });
    assert_eq!(
        e.to_string(),
        "the file starts with a UTF-8 byte-order mark but is not valid UTF-8"
    );
}

// ---- line endings --------------------------------------------------------------------------

#[test]
fn crlf_and_cr_are_kept_exactly() {
    for text in [
        "一、工作回顾\r\n\r\n全年完成区级财政收入5.87亿元。\r\n",
        "一、工作回顾\r全年完成。\r",
        "混合\r\n行尾\n和\r回车",
    ] {
        let d = decode(text.as_bytes()).unwrap();
        assert_eq!(d.text, text);
        let gb = decode(&gb18030(text)).unwrap();
        assert_eq!(gb.text, text);
        let u16 = decode(&[b"\xFF\xFE".to_vec(), utf16le(text)].concat()).unwrap();
        assert_eq!(u16.text, text);
    }
}

// ---- UTF-16 --------------------------------------------------------------------------------

#[test]
fn utf16le_with_bom() {
    let bytes = [b"\xFF\xFE".to_vec(), utf16le(REPORT)].concat();
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, REPORT);
    assert_eq!(d.encoding, "UTF-16LE (BOM)");
    assert!(d.bom);
}

#[test]
fn utf16be_with_bom() {
    let bytes = [b"\xFE\xFF".to_vec(), utf16be(REPORT)].concat();
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, REPORT);
    assert_eq!(d.encoding, "UTF-16BE (BOM)");
    assert!(d.bom);
}

#[test]
fn utf16_with_bom_but_malformed_is_refused() {
    // Odd length.
    let mut odd = [b"\xFF\xFE".to_vec(), utf16le(REPORT)].concat();
    odd.push(b'x');
    assert_eq!(
        err(&odd),
        DecodeError::BadBom {
            encoding: "UTF-16LE"
        }
    );
    // A lone high surrogate.
    let mut lone = b"\xFE\xFF".to_vec();
    lone.extend_from_slice(&utf16be("年度"));
    lone.extend_from_slice(&[0xD8, 0x00, 0x00, 0x41]);
    assert_eq!(
        err(&lone),
        DecodeError::BadBom {
            encoding: "UTF-16BE"
        }
    );
}

#[test]
fn utf16_without_bom_is_detected_by_its_nul_pattern() {
    // Includes 一 (U+4E00), whose low byte is NUL, i.e. a NUL in the "wrong" parity.
    let text = "一、2023年工作回顾\n全年完成区级财政收入5.87亿元,同比增加14.5%。\n";
    let d = decode(&utf16le(text)).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str(), d.bom),
        (text, "UTF-16LE", false)
    );
    let d = decode(&utf16be(text)).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str(), d.bom),
        (text, "UTF-16BE", false)
    );
}

// ---- binary --------------------------------------------------------------------------------

#[test]
fn nul_bytes_outside_utf16_are_binary() {
    let mut bytes = REPORT.as_bytes().to_vec();
    bytes.extend_from_slice(&[0, 0, 0, 1, 2, 3, 0, 0xFF, 0x10]);
    let e = err(&bytes);
    assert!(matches!(e, DecodeError::Binary { .. }), "{e:?}");
    assert!(e.to_string().starts_with("binary data, not text: "), "{e}");
    // Random-looking bytes with NULs in both parities.
    let bytes: Vec<u8> = (0u32..4000).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(matches!(err(&bytes), DecodeError::Binary { .. }));
}

#[test]
fn a_high_share_of_control_characters_is_binary() {
    let mut text = String::from("财政收入");
    for _ in 0..10 {
        text.push_str("\x01\x02\x1B\x07ab");
    }
    let e = err(text.as_bytes());
    assert!(matches!(e, DecodeError::Binary { .. }), "{e:?}");
    assert!(e.to_string().contains("control characters"), "{e}");
    // Tab, form feed and a stray vertical tab in long text are fine.
    let ok = format!("{}\t表\x0C\n\x0B", REPORT.repeat(3));
    assert_eq!(decode(ok.as_bytes()).unwrap().text, ok);
}

#[test]
fn known_binary_formats_are_named() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            "a PDF file, not text: convert it to text first",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml",
            "a ZIP archive (DOCX, XLSX, ODT, EPUB, …), not text: convert it to text first",
        ),
        (
            b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR",
            "a PNG image, not text: convert it to text first",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
            "an OLE compound file (DOC, XLS, PPT, WPS, …), not text: convert it to text first",
        ),
    ];
    for (bytes, message) in cases {
        let e = err(bytes);
        assert!(matches!(e, DecodeError::Format { .. }), "{e:?}");
        assert_eq!(e.to_string(), *message);
    }
}

// ---- empty and size ------------------------------------------------------------------------

#[test]
fn empty_or_whitespace_only_is_empty() {
    let cases: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b" \n\t\r\n ".to_vec(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\xEF\xBB\xBF  \r\n".to_vec(),
        b"\xFF\xFE".to_vec(),
        [b"\xFE\xFF".to_vec(), utf16be(" \n")].concat(),
        "\u{3000}\u{3000}\n".as_bytes().to_vec(),
        gb18030("\u{3000}\n"),
    ];
    for bytes in cases {
        assert_eq!(decode(&bytes), Err(DecodeError::Empty), "{bytes:?}");
    }
    assert_eq!(
        DecodeError::Empty.to_string(),
        "the file is empty (no text, or only whitespace)"
    );
}

#[test]
fn larger_than_the_limit_is_refused() {
    let size = MAX_INPUT_BYTES as usize + 1;
    // Zeroed memory is not touched: the size is checked first.
    let bytes = vec![0u8; size];
    let e = err(&bytes);
    assert_eq!(
        e,
        DecodeError::TooLarge {
            size: size as u64,
            limit: MAX_INPUT_BYTES
        }
    );
    assert!(!e.to_string().contains('\n'));
}

#[test]
fn sixty_four_megabytes_work() {
    let unit = gb18030(REPORT);
    let n = 64 * 1024 * 1024 / unit.len() + 1;
    let bytes = unit.repeat(n);
    assert!(bytes.len() >= 64 * 1024 * 1024);
    let d = decode(&bytes).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.text.len(), REPORT.len() * n);
}

// ---- GB18030 / GBK / Big5 ------------------------------------------------------------------

#[test]
fn gb18030_is_decoded() {
    let text = "淞南镇人民政府工作报告\n全年完成区级财政收入5.87亿元";
    let d = decode(&gb18030(text)).unwrap();
    assert_eq!(d.text, text);
    assert_eq!(d.encoding, "GB18030");
    assert!(!d.bom && !d.html);
}

#[test]
fn gbk_and_gb18030_four_byte_characters_are_decoded() {
    // GBK-encoded (what most files are), and GB18030 four-byte characters (U+20000, €-free).
    let text = "各位代表:\n“十四五”规划目标任务全面完成,地区生产总值增长5.2%。\n";
    let (gbk, _, bad) = GBK.encode(text);
    assert!(!bad);
    assert_eq!(decode(&gbk).unwrap().text, text);
    let rare = "𠀀字与㐀字都是GB18030四字节或扩展区字符。";
    let d = decode(&gb18030(rare)).unwrap();
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (rare, "GB18030"));
}

#[test]
fn big5_is_decoded_when_it_reads_as_chinese() {
    for text in [
        "臺北市政府施政報告\n全年完成財政收入5.87億元,較上年增加14.5%。\n",
        "各位議員女士、先生:本府在過去一年推動經濟發展,總體經濟穩定成長。\n",
    ] {
        let (bytes, _, bad) = BIG5.encode(text);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            (text, "Big5"),
            "{text}"
        );
    }
}

#[test]
fn undecodable_bytes_are_not_text() {
    let bytes = b"abc\xFF\xFF\xFFdef \x80\xFF";
    let e = err(bytes);
    assert_eq!(e, DecodeError::NotText);
    assert!(!e.to_string().contains('\n'));
}

// ---- HTML ----------------------------------------------------------------------------------

#[test]
fn html_page_text_is_extracted() {
    let d = decode(&fixture("gov-page.html")).unwrap();
    let expected = String::from_utf8(fixture("gov-page.expected.txt")).unwrap();
    assert_eq!(d.text, expected);
    assert_eq!(d.encoding, "UTF-8; HTML text extracted");
    assert!(d.html && !d.bom);
    for dropped in [
        "不是正文",
        "脚本",
        "样式",
        "注释里的段落",
        "门户网站",
        "请启用脚本",
        "onload",
    ] {
        assert!(
            !d.text.contains(dropped),
            "{dropped} leaked into {:?}",
            d.text
        );
    }
}

#[test]
fn html_meta_charset_is_honoured_for_gbk_pages() {
    let page = String::from_utf8(fixture("gov-page.html")).unwrap();
    let expected = String::from_utf8(fixture("gov-page.expected.txt")).unwrap();
    for (meta, name) in [
        (r#"<meta charset="gbk">"#, "GBK"),
        (
            r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#,
            "GBK",
        ),
        (r#"<meta charset=GB18030>"#, "gb18030"),
    ] {
        let page = page.replace(r#"<meta charset="utf-8">"#, meta);
        let (bytes, _, bad) = GB18030.encode(&page);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, expected);
        assert_eq!(d.encoding, format!("{name}; HTML text extracted"));
    }
}

#[test]
fn html_with_a_utf8_bom_and_body_only_pages() {
    let page = "\u{FEFF}  <html><body><p>各位代表:</p><p>现在&#x6211;代表&#25919;府报告工作。</p></body></html>";
    let d = decode(page.as_bytes()).unwrap();
    assert_eq!(d.text, "各位代表:\n\n现在我代表政府报告工作。\n");
    assert!(d.html && d.bom);
    assert_eq!(d.encoding, "UTF-8 (BOM); HTML text extracted");
    // No doctype / <html>, but a body.
    let frag = "<meta charset=utf-8>\n<body>\n<div>一、工作回顾</div><div>二、2024年工作安排</div>\n</body>";
    let d = decode(frag.as_bytes()).unwrap();
    assert_eq!(d.text, "一、工作回顾\n\n二、2024年工作安排\n");
}

#[test]
fn html_whitespace_is_collapsed_and_source_newlines_between_chinese_dropped() {
    let page = "<html><body><p>  财政\n   收入   5.87  亿元 \t and\nmore  </p>a<br>b</body></html>";
    let d = decode(page.as_bytes()).unwrap();
    assert_eq!(d.text, "财政收入 5.87 亿元 and more\n\na\nb\n");
}

#[test]
fn html_with_no_text_is_refused() {
    for page in [
        "<!DOCTYPE html><html><head><title>标题</title><script>var a=1;</script></head><body>  &nbsp; <!-- 空 --> </body></html>",
        "<html><body><img src=a.png></body></html>",
    ] {
        let e = err(page.as_bytes());
        assert_eq!(e, DecodeError::HtmlNoText);
        assert_eq!(e.to_string(), "an HTML page with no text");
    }
}

#[test]
fn plain_text_mentioning_tags_is_not_html() {
    let text = "报告指出,<html>标签与 a < b 都不是网页。\n";
    let d = decode(text.as_bytes()).unwrap();
    assert!(!d.html);
    assert_eq!(d.text, text);
}

// ---- never panics --------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decode_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn decode_never_panics_on_html_like_bytes(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<".to_string()), Just(">".to_string()), Just("</".to_string()),
                Just("<p>".to_string()), Just("<script>".to_string()), Just("</script".to_string()),
                Just("<head>".to_string()), Just("</head>".to_string()), Just("<body>".to_string()),
                Just("</body>".to_string()), Just("<!--".to_string()), Just("-->".to_string()),
                Just("&".to_string()), Just("&#".to_string()), Just("&#x".to_string()), Just(";".to_string()),
                Just("\"".to_string()), Just("'".to_string()), Just("<pre>".to_string()),
                Just("财政".to_string()), Just(" \n".to_string()), "[a-z0-9]{0,4}",
            ],
            0..40,
        )
    ) {
        let page = format!("<html>{}", parts.concat());
        let _ = decode(page.as_bytes());
    }

    #[test]
    fn valid_utf8_without_bom_or_html_is_returned_unchanged(text in "\\PC{0,200}") {
        if let Ok(d) = decode(text.as_bytes()) {
            if d.encoding == "UTF-8" && !d.html {
                prop_assert_eq!(d.text, text);
            }
        }
    }

    #[test]
    fn report_text_round_trips_through_gb18030(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "财政", "收入", "亿元", "同比", "增长", "一、", "(二)", "。", ",", "\r\n", "\n",
                "5.87", "%", "淞南镇", "人民政府", "工作报告", "各位代表:", "“十四五”", "万元",
                "完成", "全年", "区级", "地区生产总值", "百分点", "2024年", " ", "\u{3000}",
            ]),
            3..60,
        )
    ) {
        let text = words.concat();
        // Whitespace-only text is refused as empty, by design.
        prop_assume!(!text.trim().is_empty());
        let d = decode(&gb18030(&text)).unwrap();
        prop_assert_eq!(d.text, text);
    }
}

#[test]
fn utf16_without_bom_of_nearly_all_chinese_text_is_detected() {
    // Few ASCII characters, several 一 (U+4E00, NUL low byte): no clear NUL parity pattern.
    let text =
        "一、坚持稳中求进工作总基调，统筹发展和安全。一是经济持续回升向好，一批重大项目建成投产。\
                一方面扩大内需，另一方面深化改革开放，推动高质量发展取得新成效。\n";
    for (bytes, name) in [(utf16le(text), "UTF-16LE"), (utf16be(text), "UTF-16BE")] {
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, name));
    }
}

#[test]
fn ascii_text_with_a_stray_nul_is_binary_not_utf16() {
    let mut bytes = b"The government work report says revenue grew 5.2% in 2023. ".repeat(20);
    bytes.insert(501, 0);
    bytes.push(b'\n');
    assert_eq!(bytes.len() % 2, 0);
    assert!(matches!(err(&bytes), DecodeError::Binary { .. }));
}

#[test]
fn big5_that_also_decodes_as_gb18030_is_told_apart() {
    let text = "各位議員、各位市民：\n現在，我代表市政府向大會報告過去一年的施政成果與今年的工作重點。\
                過去一年，全市經濟穩定成長，財政收入達到新臺幣一千二百億元，較上年增加百分之五點二。\
                我們持續推動產業轉型、改善交通建設、強化社會福利，並積極落實環境保護政策。\n\
                一、過去一年施政回顧\n（一）經濟發展：全年生產總值成長3.5%，失業率降至3.4%。\n";
    let (big5, _, bad) = BIG5.encode(text);
    assert!(!bad);
    // The Big5 bytes are also clean GB18030 (into rare characters): the hard case.
    assert!(GB18030
        .decode_without_bom_handling_and_without_replacement(&big5)
        .is_some());
    let d = decode(&big5).unwrap();
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "Big5"));
    // The same traditional text in GB18030 stays GB18030.
    let d = decode(&gb18030(text)).unwrap();
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "GB18030"));
}

#[test]
fn html_numeric_references_and_misdeclared_single_byte_charsets() {
    let page =
        "<html><body><p>2023&#150;2024&#8212;&#0;&#xD800;&#x1F600;&#99999999;</p></body></html>";
    let d = decode(page.as_bytes()).unwrap();
    assert_eq!(d.text, "2023–2024—\u{FFFD}\u{FFFD}😀\u{FFFD}\n");
    // Declared ISO-8859-1 but really GBK: read as Chinese.
    let page = "<html><head><meta charset=iso-8859-1></head><body><p>全年完成区级财政收入5.87亿元，同比增长14.5%。</p></body></html>";
    let (bytes, _, _) = GBK.encode(page);
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, "全年完成区级财政收入5.87亿元，同比增长14.5%。\n");
    assert_eq!(d.encoding, "GB18030; HTML text extracted");
    // Declared and really windows-1252 (no Chinese): honoured.
    let d = decode(b"<html><body><p>caf\xE9 cr\xE8me</p></body></html>").unwrap_err();
    assert_eq!(d, DecodeError::NotText);
    let d =
        decode(b"<html><head><meta charset=windows-1252></head><body><p>caf\xE9</p></body></html>")
            .unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("café\n", "windows-1252; HTML text extracted")
    );
}

#[test]
fn html_in_utf16_with_bom() {
    let page = "<!DOCTYPE html><html><body><p>各位代表：</p></body></html>";
    let bytes = [b"\xFF\xFE".to_vec(), utf16le(page)].concat();
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, "各位代表：\n");
    assert_eq!(d.encoding, "UTF-16LE (BOM); HTML text extracted");
    assert!(d.html && d.bom);
}

#[test]
fn html_unclosed_elements() {
    // An unclosed <svg> or <select> does not swallow the page; an unclosed <script> does.
    let page = "<html><body><svg><p>全年完成</p><select><p>财政收入</p></body></html>";
    assert_eq!(
        decode(page.as_bytes()).unwrap().text,
        "全年完成\n\n财政收入\n"
    );
    let page = "<html><body><p>各位代表</p><script>var a = '<p>x</p>';</body></html>";
    assert_eq!(decode(page.as_bytes()).unwrap().text, "各位代表\n");
}
