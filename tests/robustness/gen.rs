//! Inputs for the randomised tests: texts that look like news (pieces of real articles,
//! quotation marks of every kind, speech verbs, names) mixed with hostile Unicode, and
//! import files made from valid exports by structural and byte-level damage.

use super::rng::Rng;

/// Pieces that steer the engine into its interesting paths, and text that breaks naive code.
const ATOMS: &[&str] = &[
    "\"",
    "\"",
    "\"",
    "“",
    "”",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "「",
    "」",
    "`",
    " said",
    " says",
    " said.",
    " told reporters",
    " according to ",
    " added",
    ", he said.",
    ", she said, ",
    " claimed",
    " warned",
    " asked",
    " wrote",
    "He",
    "She",
    "They",
    "It",
    "Mr. ",
    "Dr. ",
    "Sen. ",
    "John Smith",
    "Hillary Clinton",
    "the White House",
    "Trump",
    "42",
    "3.5%",
    "$1.2 billion",
    "more than",
    "the highest",
    "2016",
    "million",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\t",
    "\u{a0}",
    ".",
    ".",
    ",",
    ",",
    "?",
    "!",
    ":",
    ";",
    "(",
    ")",
    "[",
    "]",
    "-",
    "—",
    "–",
    "...",
    "…",
    "\0",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "שלום",
    "مرحبا",
    "e\u{301}",
    "\u{301}",
    "\u{301}\u{302}\u{303}",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "𝐀𝐁",
    "\u{10ffff}",
    "\u{fffd}",
    "中文",
    "ﬁ",
    "İ",
    "ß",
    "https://example.com/a?b=c",
    "<script>alert(1)</script>",
    "&amp;",
    "&#x22;",
    "Share on Facebook",
    "Advertisement",
    "Related:",
    "Click here to subscribe",
];

/// One random text: built from atoms and article pieces, or a mutated article.
pub fn text(rng: &mut Rng, corpus: &[String], max_len: usize) -> String {
    let mut out = match rng.below(4) {
        0 => String::new(),
        _ => article_piece(rng, corpus, max_len),
    };
    let mutations = rng.below(if out.is_empty() { 60 } else { 12 });
    for _ in 0..mutations {
        mutate(rng, &mut out, corpus);
    }
    if out.len() > max_len {
        let mut cut = max_len;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    out
}

/// A text of about `bytes` bytes: articles one after another, lightly damaged.
pub fn big_text(rng: &mut Rng, corpus: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 10_000);
    while out.len() < bytes {
        out.push_str(rng.choose(corpus).as_str());
        out.push_str(if rng.one_in(2) { "\n\n" } else { "\r\n" });
        if rng.one_in(3) {
            out.push_str(rng.pick(ATOMS));
        }
    }
    out
}

fn article_piece(rng: &mut Rng, corpus: &[String], max_len: usize) -> String {
    if corpus.is_empty() {
        return String::new();
    }
    let article = rng.choose(corpus);
    let mut start = rng.below(article.len());
    let mut end = (start + 1 + rng.below(max_len.max(1))).min(article.len());
    if rng.one_in(3) {
        start = 0;
        end = article.len().min(max_len);
    }
    while !article.is_char_boundary(start) {
        start -= 1;
    }
    while !article.is_char_boundary(end) {
        end -= 1;
    }
    article[start..end.max(start)].to_string()
}

fn boundary(rng: &mut Rng, s: &str) -> usize {
    let mut at = rng.below(s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(rng: &mut Rng, s: &mut String, corpus: &[String]) {
    match rng.below(10) {
        0..=4 => {
            let at = boundary(rng, s);
            s.insert_str(at, rng.pick(ATOMS));
        }
        5 => {
            let at = boundary(rng, s);
            s.insert(at, rng.any_char());
        }
        6 => {
            // Delete a range.
            let a = boundary(rng, s);
            let b = boundary(rng, s);
            s.replace_range(a.min(b)..a.max(b), "");
        }
        7 => {
            // Duplicate a range (repeated quotes, long runs of one mark).
            let a = boundary(rng, s);
            let b = boundary(rng, s);
            let piece = s[a.min(b)..a.max(b)].repeat(1 + rng.below(4));
            let at = boundary(rng, s);
            s.insert_str(at, &piece);
        }
        8 => {
            // A run of one quotation mark or one odd character.
            let atom = rng.pick(ATOMS).repeat(1 + rng.below(50));
            let at = boundary(rng, s);
            s.insert_str(at, &atom);
        }
        _ => {
            let piece = article_piece(rng, corpus, 400);
            let at = boundary(rng, s);
            s.insert_str(at, &piece);
        }
    }
}

/// `text` with byte-level damage: a line dropped or doubled, a truncation, a stray
/// character, a number changed (for brat `.ann` and W3C files).
pub fn damaged_text(rng: &mut Rng, text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..1 + rng.below(3) {
        match rng.below(6) {
            0 => {
                let at = boundary(rng, &out);
                out.truncate(at);
            }
            1 => {
                let at = boundary(rng, &out);
                out.insert_str(
                    at,
                    rng.pick(&[
                        "\t",
                        "\n",
                        " ",
                        "T9\tQuote 0 5\tx\n",
                        "\"",
                        "-",
                        "99999999999999999999",
                        "😀",
                        "\r\n",
                    ]),
                );
            }
            2 => {
                // A digit changed: offsets that no longer fit.
                let digits: Vec<usize> = out
                    .char_indices()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .map(|(i, _)| i)
                    .collect();
                if !digits.is_empty() {
                    let at = rng.pick(&digits);
                    out.replace_range(at..at + 1, rng.pick(&["0", "9", "12345", "-1", ""]));
                }
            }
            3 => {
                let lines: Vec<&str> = out.split('\n').collect();
                let i = rng.below(lines.len());
                let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                if rng.one_in(2) {
                    lines.remove(i);
                } else {
                    let l = lines[i].clone();
                    lines.insert(i, l);
                }
                out = lines.join("\n");
            }
            4 => {
                let at = boundary(rng, &out);
                out.insert(at, rng.any_char());
            }
            _ => {
                let a = boundary(rng, &out);
                let b = boundary(rng, &out);
                out.replace_range(a.min(b)..a.max(b), "");
            }
        }
    }
    out
}

/// A damaged import file made from a valid export `json` of a document.
pub fn damaged_json(rng: &mut Rng, json: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(json).expect("exports are JSON");
    let edits = 1 + rng.below(4);
    for _ in 0..edits {
        damage_value(rng, &mut value);
    }
    let mut out = if rng.one_in(2) {
        value.to_string()
    } else {
        serde_json::to_string_pretty(&value).unwrap()
    };
    if rng.one_in(4) {
        // Byte-level damage on top: truncation, a stray character, a swapped quote.
        match rng.below(3) {
            0 => {
                let at = boundary(rng, &out);
                out.truncate(at);
            }
            1 => {
                let at = boundary(rng, &out);
                out.insert(
                    at,
                    rng.pick(&['"', '{', '}', '[', ']', ',', ':', '\\', '\0', 'é', '😀']),
                );
            }
            _ => {
                let at = boundary(rng, &out);
                let end = (at + 1 + rng.below(20)).min(out.len());
                let mut end = end;
                while !out.is_char_boundary(end) {
                    end -= 1;
                }
                out.replace_range(at..end, "");
            }
        }
    }
    out
}

const HOSTILE_NUMBERS: &[&str] = &[
    "-1",
    "0",
    "1",
    "18446744073709551615",
    "18446744073709551616",
    "9007199254740993",
    "-9223372036854775808",
    "1e308",
    "-0",
    "0.5",
    "1e400",
    "4294967296",
];

/// One random damage to a quotelens/1 document: 5 draws in 12 damage the document as a
/// whole, the rest one of its annotations (the draws, and so a seed's cases, are the
/// same as when this was one function).
fn damage_value(rng: &mut Rng, v: &mut serde_json::Value) {
    let Some(obj) = v.as_object_mut() else { return };
    let choice = rng.below(12);
    if choice < 5 {
        damage_document(rng, obj, choice);
    } else if let Some(anns) = obj
        .get_mut("annotations")
        .and_then(serde_json::Value::as_array_mut)
    {
        damage_an_annotation(rng, anns);
    }
}

/// Damage `choice` (0 to 4) to the document: a wrong format, a field missing, text
/// that no longer matches the offsets, deep nesting, annotations that are not a list.
fn damage_document(
    rng: &mut Rng,
    obj: &mut serde_json::Map<String, serde_json::Value>,
    choice: usize,
) {
    use serde_json::{json, Value};
    match choice {
        0 => {
            obj.insert(
                "format".into(),
                json!(rng.pick(&["quotelens/2", "quotelens/0", "", "QUOTELENS/1", "w3c"])),
            );
        }
        1 => {
            obj.remove(rng.pick(&["format", "text", "annotations"]));
        }
        2 => {
            // Text that no longer matches the offsets.
            let cut = rng.below(60);
            if let Some(t) = obj.get("text").and_then(Value::as_str).map(str::to_string) {
                let keep: String = t.chars().skip(cut).collect();
                obj.insert("text".into(), json!(keep));
            }
        }
        3 => {
            // Deep nesting where an annotation list or a string is expected.
            let depth = 1 + rng.below(5000);
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            obj.insert(
                rng.pick(&["annotations", "text"]).to_string(),
                serde_json::from_str(&nested).unwrap_or(Value::Null),
            );
        }
        _ => {
            obj.insert(
                "annotations".into(),
                rng.choose(&[json!(null), json!({}), json!("x"), json!(1)])
                    .clone(),
            );
        }
    }
}

/// One annotation of `anns` damaged (or one made up when there is none): duplicated,
/// hostile numbers, overlapping or reversed spans, wrong kinds, dangling links, cues
/// and scores out of range, odd text.
fn damage_an_annotation(rng: &mut Rng, anns: &mut Vec<serde_json::Value>) {
    use serde_json::{json, Value};
    if anns.is_empty() {
        anns.push(json!({"id": "q1", "kind": "quote", "start": 0, "end": 1, "text": "x"}));
        return;
    }
    let i = rng.below(anns.len());
    if !anns[i].is_object() {
        return;
    }
    match rng.below(8) {
        0 => {
            let dup = anns[i].clone();
            anns.push(dup); // duplicate id, same span
        }
        1 => {
            let n: Value = serde_json::from_str(rng.pick(HOSTILE_NUMBERS)).unwrap_or(json!(null));
            anns[i][rng.pick(&["start", "end"])] = n;
        }
        2 => {
            // Overlap with its neighbour, or reversed.
            let j = rng.below(anns.len());
            let s = anns[j]["start"].clone();
            anns[i]["end"] = s;
        }
        3 => {
            anns[i]["kind"] = json!(rng.pick(&["Quote", "speaker", "", "claim", "attribution"]));
        }
        4 => {
            anns[i]["attribution"] = json!(rng.pick(&["a999", "", "q1", "a1"]));
        }
        5 => {
            anns[i]["cue"] =
                json!({"start": rng.below(100), "end": rng.below(100), "text": "said"});
        }
        6 => {
            anns[i]["score"] =
                serde_json::from_str(rng.pick(&["-1", "2", "1e308", "null", "\"high\""])).unwrap();
        }
        _ => {
            anns[i]["text"] = json!(rng.pick(&["", "<script>alert(1)</script>", "😀", "x"]));
        }
    }
}
