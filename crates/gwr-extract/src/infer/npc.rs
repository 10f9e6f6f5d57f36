//! The National People's Congress: sessions and their years.

use super::*;

// The National People's Congress

/// The year of a session of the National People's Congress: the 1st congress met every year
/// 1954–1958, the 2nd in 1959, 1960, 1962 and 1963, the 3rd (1964) and the 4th (1975) once,
/// and from the 5th (1978) each congress has five yearly sessions. `None` for the congress's
/// first session.
pub(super) fn npc_year(term: u32, session: Option<u32>) -> Option<i32> {
    let s = session.unwrap_or(1);
    match term {
        1 => (1..=5).contains(&s).then(|| 1953 + s as i32),
        2 => [1959, 1960, 1962, 1963]
            .get(s.checked_sub(1)? as usize)
            .copied(),
        3 => (s == 1).then_some(1964),
        4 => (s == 1).then_some(1975),
        5..=30 => (1..=5)
            .contains(&s)
            .then(|| 1978 + 5 * (term as i32 - 5) + s as i32 - 1),
        _ => None,
    }
}

/// A mention of a congress or one of its sessions.
pub(super) struct Session {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) term: u32,
    pub(super) session: Option<u32>,
}

/// The numeral ending just before `at`, preceded by 第 when `with_di`: (value, start).
pub(super) fn numeral_before(s: &[char], at: usize, with_di: bool) -> Option<(u32, usize)> {
    for len in (1..=3).rev() {
        let Some(i) = at.checked_sub(len) else {
            continue;
        };
        if let Some((n, l)) = small_number(s, i) {
            if l == len {
                if !with_di {
                    return Some((n, i));
                }
                if i > 0 && s.get(i - 1) == Some(&'第') {
                    return Some((n, i - 1));
                }
            }
        }
    }
    None
}

/// Every mention of a congress of the National People's Congress: 第五届全国人民代表大会
/// (第三次会议), 五届全国人大四次会议, 五届人大四次会议.
pub(super) fn sessions(s: &[char]) -> Vec<Session> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(s, "届", i, s.len()) {
        i = k + 1;
        let after = k + 1;
        let (full, name_len) = if starts(s, after, "全国人民代表大会") {
            (true, 8)
        } else if starts(s, after, "全国人大") {
            (false, 4)
        } else if starts(s, after, "人大") {
            (false, 2)
        } else {
            continue;
        };
        let Some((term, start)) = numeral_before(s, k, full) else {
            continue;
        };
        let mut end = after + name_len;
        let mut session = None;
        let di = usize::from(s.get(end) == Some(&'第'));
        if let Some((n, l)) = small_number(s, end + di) {
            let j = end + di + l;
            if starts(s, j, "次会议") {
                session = Some(n);
                end = j + 3;
            } else if starts(s, j, "次会") {
                session = Some(n);
                end = j + 2;
            }
        }
        if !full && session.is_none() {
            continue;
        }
        out.push(Session {
            start,
            end,
            term,
            session,
        });
        i = end;
    }
    out
}

/// The session the report is addressed to (向第一届全国人民代表大会第二次会议提出…, 我们第一届
/// 全国人民代表大会第一次会议…): its year and its name as written.
pub(super) fn addressed_session(text: &str, s: &[char]) -> Option<(i32, String)> {
    let original: Vec<char> = text.chars().collect();
    sessions(s).into_iter().find_map(|m| {
        let before = |p: &str| {
            let n = p.chars().count();
            m.start >= n && starts(s, m.start - n, p)
        };
        let mut j = m.end;
        while s.get(j).is_some_and(|&c| c == '，' || c == ',' || c == ' ') {
            j += 1;
        }
        let verb = ["作", "提出", "报告", "提交", "提请"]
            .iter()
            .any(|v| starts(s, j, v));
        let addressed = (before("向") && verb) || before("我们");
        if !addressed {
            return None;
        }
        let year = npc_year(m.term, m.session)?;
        let name: String = original.get(m.start..m.end)?.iter().collect();
        Some((year, name))
    })
}

/// An earlier session dated relative to now: 去年…第五届全国人民代表大会第三次会议 (a year
/// later), 第十一届全国人民代表大会第一次会议以来的五年, 从…会议…到现在，已经一年零两个月.
pub(super) fn relative_session_year(s: &[char]) -> Option<i32> {
    for m in sessions(s) {
        let Some(year) = npc_year(m.term, m.session) else {
            continue;
        };
        // 去年 shortly before, in the same sentence
        let from = m.start.saturating_sub(8);
        let window = s.get(from..m.start).unwrap_or(&[]);
        if let Some(p) = (0..window.len()).rev().find(|&p| starts(window, p, "去年")) {
            if !window.iter().skip(p).any(|&c| is_sentence_end(c)) {
                return Some(year + 1);
            }
        }
        // the time since, later in the sentence
        let end = sentence_end(s, m.end);
        for key in ["以来", "已经", "过去了", "到现在"] {
            let Some(k) = find(s, key, m.end, end) else {
                continue;
            };
            let after = k + key.chars().count();
            let to = (after + 12).min(end);
            if let Some(n) = (after..to)
                .find_map(|i| small_number(s, i).filter(|&(_, l)| s.get(i + l) == Some(&'年')))
            {
                return Some(year + n.0 as i32);
            }
        }
    }
    None
}

/// A whole term looked back on (第六届全国人民代表大会期间): the report opens the next term.
pub(super) fn term_review_year(s: &[char]) -> Option<i32> {
    sessions(s)
        .into_iter()
        .filter(|m| m.session.is_none() && starts(s, m.end, "期间"))
        .find_map(|m| npc_year(m.term + 1, None))
}
