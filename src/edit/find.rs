//! Find in the article: where a person's search words occur in the text, as code points,
//! letter case ignored. The view paints them (`ui::find_bar`); this finds them.

/// At most this many matches are found (a one-letter search of a long text finds
/// tens of thousands, which no one steps through).
pub const MAX_MATCHES: usize = 5_000;

/// A character as compared: lower case (its first lower-case letter, so one character
/// stays one and offsets stay code points).
fn folded(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The code point spans `[start, end)` where `query` (trimmed; case ignored) occurs in
/// `text`, in order, not overlapping; none for an empty query.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.trim().chars().map(folded).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(folded).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() && out.len() < MAX_MATCHES {
        if hay[i..i + needle.len()] == needle[..] {
            out.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The match after (`forward`) or before `current` among `count`, going round.
pub fn step(current: usize, count: usize, forward: bool) -> usize {
    match (count, forward) {
        (0, _) => 0,
        (_, true) => (current + 1) % count,
        (_, false) => (current + count - 1) % count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_case_ignored_in_code_points() {
        let text = "Élan said «said» — SAID it";
        assert_eq!(find_all(text, "said"), [(5, 9), (11, 15), (19, 23)]);
        assert_eq!(find_all(text, " élan "), [(0, 4)]);
        assert!(find_all(text, "  ").is_empty());
        assert!(find_all(text, "nowhere").is_empty());
        assert_eq!(find_all("aaaa", "aa"), [(0, 2), (2, 4)], "no overlaps");
    }

    #[test]
    fn stepping_goes_round_both_ways() {
        assert_eq!(step(2, 3, true), 0);
        assert_eq!(step(0, 3, false), 2);
        assert_eq!(step(0, 0, true), 0);
    }
}
