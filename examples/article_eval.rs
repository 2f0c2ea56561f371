//! Article extraction of every page in some directories, three ways, for
//! `scripts/article-cv.py` (site-grouped cross-validation) and `article_score.py`:
//! `OUT/html/NAME.txt` from `NAME.html` (a dropped file), `OUT/page/NAME.txt` from
//! `NAME.page.txt` (the copied page text alone) and `OUT/paste/NAME.txt` from both (the
//! app's paste: the copied text, its article marked by the HTML). `OUT/html-none/NAME.txt`
//! marks a page found to hold no article.
//!
//! On pages with a gold body (`NAME.body.txt`) outside an `other` directory it also
//! measures where the engine's quotes and claims land (issue 20, item 5): those it finds
//! in the gold body alone, and how many of them it finds again in each way of reading
//! the page (inside the article), and those it finds in the extracted article that are
//! not in the gold body's (annotated furniture). Printed at the end, per way.
//!
//!     cargo run --profile release-native --example article_eval -- OUT DIR...

use std::collections::HashMap;
use std::path::Path;

use quotelens::engine::ArticleSetting;
use quotelens::{Kind, Settings};

#[path = "common/files.rs"]
mod common_files;

/// Where a way of reading the pages puts the quotes and claims, summed over pages.
#[derive(Default)]
struct Placement {
    /// Quotes and claims the engine finds in the gold bodies.
    gold: usize,
    /// Of them, those it finds again in the article this way.
    kept: usize,
    /// Of those not kept, those whose words are in the article this way all the same:
    /// the engine cut or scored them otherwise in this context (the rest were lost with
    /// the text that held them).
    lost_in_text: usize,
    /// Quotes and claims found this way whose text is in no gold body annotation.
    outside: usize,
    /// Of them, those whose words are in the gold body (cut otherwise, not furniture).
    outside_in_gold: usize,
    /// All quotes and claims found this way.
    found: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, dirs @ ..] = &args[..] else {
        eprintln!("usage: article_eval OUT_DIR PAGE_DIR...");
        std::process::exit(2);
    };
    for mode in ["html", "html-none", "page", "paste"] {
        std::fs::create_dir_all(Path::new(out).join(mode)).expect("create OUT_DIR");
    }
    let mut placed: [Placement; 3] = Default::default();
    // ARTICLE_EVAL_LOST=FILE: each gold quote or claim lost with its words in the
    // article, and what the engine found there instead (training pages only).
    let mut lost_log = std::env::var_os("ARTICLE_EVAL_LOST")
        .map(|f| std::io::BufWriter::new(std::fs::File::create(f).expect("create log")));
    for dir in dirs {
        let articles = !dir.trim_end_matches('/').ends_with("other");
        for name in common_files::names(dir, ".html") {
            let read = |suffix: &str| std::fs::read(Path::new(dir).join(format!("{name}{suffix}")));
            let write = |mode: &str, text: &str| {
                let path = Path::new(out).join(mode).join(format!("{name}.txt"));
                std::fs::write(path, text).expect("write");
            };
            let html = read(".html").unwrap_or_default();
            let html = quotelens::article::charset::html_from_bytes(&html).unwrap_or_default();
            let body = quotelens::article::readable_text_from_html(&html);
            write("html", &body);
            // The page-kind verdict: the text above is the extractor's guess all the same.
            if quotelens::article::article_text_from_html(&html).is_none() {
                write("html-none", "no article\n");
            }
            let Ok(plain) = read(".page.txt") else {
                continue;
            };
            let plain = String::from_utf8_lossy(&plain);
            let guessed = quotelens::engine::bench::article_body(&plain);
            write("page", &guessed);
            let page = quotelens::article::page_from_html(&html, Some(&plain));
            let pasted = outside(&page.text, &page.furniture);
            write("paste", &pasted);
            let gold = read(".body.txt").map(|g| String::from_utf8_lossy(&g).into_owned());
            if let (true, Ok(gold)) = (articles, gold) {
                let gold_text = letters(&gold);
                let gold = found(&gold, Some(Vec::new()));
                let ways = [
                    (found(&body, Some(Vec::new())), letters(&body)),
                    (found(&plain, None), letters(&guessed)),
                    (
                        found(&page.text, Some(page.furniture.clone())),
                        letters(&pasted),
                    ),
                ];
                for (i, (p, (way, text))) in placed.iter_mut().zip(ways).enumerate() {
                    p.add((&gold, &gold_text), (&way, &text));
                    if let Some(log) = &mut lost_log {
                        log_lost(log, &format!("{name} {i}"), &gold, (&way, &text));
                    }
                }
            }
        }
    }
    print_placements(&placed);
}

/// One line a way of reading the pages: the gold body's quotes and claims kept inside
/// the article, and those found outside it.
fn print_placements(placed: &[Placement; 3]) {
    for (way, p) in ["from the HTML", "from copied text", "copied text + HTML"]
        .iter()
        .zip(placed)
    {
        if p.gold > 0 {
            eprintln!(
                "quotes and claims {way}: {:.1}% of the gold body's inside the article ({} of {}; of the {} lost, {} with their words in the article); {:.1}% of those found outside the gold body ({} of {}; {} of them with their words in it)",
                100.0 * p.kept as f64 / p.gold as f64,
                p.kept,
                p.gold,
                p.gold - p.kept,
                p.lost_in_text,
                100.0 * p.outside as f64 / p.found.max(1) as f64,
                p.outside,
                p.found,
                p.outside_in_gold,
            );
        }
    }
}

impl Placement {
    /// Count one page: the gold body's annotations and those of one way of reading it,
    /// each with its article's [`letters`].
    fn add(&mut self, gold: (&Annotated, &str), way: (&Annotated, &str)) {
        for (text, &Found { n, .. }) in gold.0 {
            let kept = n.min(way.0.get(text).map_or(0, |f| f.n));
            self.gold += n;
            self.kept += kept;
            if kept < n && way.1.contains(text.as_str()) {
                self.lost_in_text += n - kept;
            }
        }
        for (text, &Found { n, .. }) in way.0 {
            let outside = n.saturating_sub(gold.0.get(text).map_or(0, |f| f.n));
            self.found += n;
            self.outside += outside;
            if gold.1.contains(text.as_str()) {
                self.outside_in_gold += outside;
            }
        }
    }
}

/// Write each of the gold's annotations lost with its words still in the article: the
/// way's annotations holding it (`>`) or held by it (`<`), or none (`0`).
fn log_lost(log: &mut impl std::io::Write, page: &str, gold: &Annotated, way: (&Annotated, &str)) {
    for (text, g) in gold {
        let kept = g.n.min(way.0.get(text).map_or(0, |f| f.n));
        if kept == g.n || !way.1.contains(text.as_str()) {
            continue;
        }
        let holding = |w: &String| w.len() > text.len() && w.contains(text.as_str());
        let held = |w: &String| w.len() < text.len() && text.contains(w.as_str());
        let longer: Vec<&Found> = way
            .0
            .iter()
            .filter(|(w, _)| holding(w))
            .map(|x| x.1)
            .collect();
        let shorter: Vec<&Found> = way.0.iter().filter(|(w, _)| held(w)).map(|x| x.1).collect();
        let kind = match (longer.is_empty(), shorter.is_empty()) {
            (false, _) => ">",
            (true, false) => "<",
            (true, true) => "0",
        };
        writeln!(log, "{page} {kind} GOLD {:?}", g.shown).expect("log");
        for w in longer.iter().chain(&shorter) {
            writeln!(log, "    WAY {:?}", w.shown).expect("log");
        }
    }
}

/// The quotes and claims the engine finds in `text` (furniture `marked` in code points;
/// `None`: the engine's own guess), counted by their letters and digits lower-cased (a
/// gold body may write quotation marks and dashes differently from the page).
fn found(text: &str, marked: Option<Vec<(usize, usize)>>) -> Annotated {
    let article = ArticleSetting {
        marked,
        choices: Vec::new(),
    };
    let analysis = quotelens::engine::analyse(text, &Settings::builtin().with_article(&article));
    let mut out = HashMap::new();
    for a in analysis.annotations {
        if matches!(a.kind, Kind::Quote | Kind::Claim) {
            out.entry(letters(&a.text))
                .or_insert_with(|| Found {
                    n: 0,
                    shown: a.text.clone(),
                })
                .n += 1;
        }
    }
    out
}

/// Quotes and claims by their [`letters`], with how often each is found.
type Annotated = HashMap<String, Found>;

/// How often a quote or claim is found, and its text as first found.
struct Found {
    n: usize,
    shown: String,
}

/// The letters and digits of `text`, lower-cased: how annotations and articles are
/// compared (a gold body may write quotation marks and dashes differently).
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `text` without the code-point `spans`.
fn outside(text: &str, spans: &[(usize, usize)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = String::new();
    let mut at = 0;
    for &(s, e) in spans {
        kept.extend(&chars[at.min(chars.len())..s.max(at).min(chars.len())]);
        at = e.max(at);
    }
    kept.extend(&chars[at.min(chars.len())..]);
    kept
}
