//! Whether a page holds an article at all: a forum thread, a product, a listing or a
//! documentation page has main text, but no article to extract, and the extractor's
//! best body there is furniture or a fragment. A logistic model over features of the
//! page (what the extractor kept against what the page shows, the kept paragraphs'
//! shape, link density, repeated blocks, headings, list items, table cells, comment
//! marks and date lines among its blocks, code and form controls, and the page's own
//! schema.org and Open Graph statement of its type) says how likely the page is an
//! article; below a threshold the answer is "no article found".
//!
//! The weights (`page_kind_weights.rs`) are learnt by `scripts/train-page-kind.py` from
//! `../shared/articles/dev` and `more` (articles) against `more/other` (other pages),
//! features dumped by `examples/article_blocks.rs`, the threshold set on the training
//! folds a margin below their least article-like article, so that almost no article is
//! refused; judged by cross-validation grouped by site.

use super::page_kind_weights::{ARTICLE_BELOW, WEIGHTS};
use super::Block;
use crate::engine::furniture::word_count;

/// The length of a page's feature vector.
pub(crate) const PAGE_FEATURES: usize = 23;

/// schema.org types of an article (a `"@type"` in the page's JSON-LD), lower-cased.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "opinionnewsarticle",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
];
/// schema.org types of pages that are not articles (products, forums, listings, docs).
const OTHER_TYPES: &[&str] = &[
    "product",
    "offer",
    "aggregateoffer",
    "discussionforumposting",
    "qapage",
    "question",
    "faqpage",
    "collectionpage",
    "itemlist",
    "searchresultspage",
    "softwareapplication",
    "techarticle",
    "howto",
    "course",
    "jobposting",
];

/// What a page says of its own type in its markup, gathered as the tokenizer meets
/// its start tags ([`Declared::see_start`]) and from its JSON-LD
/// ([`Declared::see_json_ld`]).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Declared {
    /// A JSON-LD `"@type"` of an article.
    article_type: bool,
    /// A JSON-LD `"@type"` of another kind of page.
    other_type: bool,
    /// `og:type` is `article`.
    og_article: bool,
    /// `og:type` is something else (`website`, `product`, ...).
    og_other: bool,
    /// `<article>` elements (a listing or a thread has many).
    article_elements: usize,
    /// `<pre>` and `<code>` elements (documentation).
    code_elements: usize,
    /// `<button>` and `<input>` elements (a shop, a service's forms).
    controls: usize,
}

impl Declared {
    /// A start tag (`name` lower-cased, raw `attrs`).
    pub(crate) fn see_start(&mut self, name: &str, attrs: &str) {
        match name {
            "article" => self.article_elements += 1,
            "pre" | "code" => self.code_elements += 1,
            "button" | "input" => self.controls += 1,
            "meta" if attrs.contains("og:type") => {
                let lower = attrs.to_ascii_lowercase();
                if let Some(v) = super::tokens::attr_str(&lower, "content") {
                    self.og_article |= v == "article";
                    self.og_other |= v != "article";
                }
            }
            _ => {}
        }
    }

    /// The page's JSON-LD `"@type"`s (searched in the whole page).
    pub(crate) fn see_json_ld(&mut self, text: &str) {
        for (at, _) in text.match_indices("\"@type\"") {
            if let Some(t) = quoted_value(&text[at + 7..]) {
                let t = t.to_ascii_lowercase();
                self.article_type |= ARTICLE_TYPES.contains(&t.as_str());
                self.other_type |= OTHER_TYPES.contains(&t.as_str());
            }
        }
    }
}

/// The value of the quoted string at the start of `s` (after spaces, `:` and `[`).
fn quoted_value(s: &str) -> Option<&str> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\r', ':', '[']);
    let rest = s.strip_prefix('"')?;
    let end = rest.find('"')?;
    (end <= 40).then(|| &rest[..end])
}

/// Whether `text` holds a year (1900 to 2099, alone) or a clock time ("11:25"): the
/// date lines of forum posts, comments and listings.
fn has_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let alone = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && !b.get(i + 4).is_some_and(u8::is_ascii_alphanumeric);
        let year = alone
            && matches!(&b[i..b.len().min(i + 2)], b"19" | b"20")
            && digit(i + 2)
            && digit(i + 3);
        let time = digit(i) && b.get(i + 1) == Some(&b':') && digit(i + 2) && digit(i + 3);
        year || time
    })
}

/// The share of `blocks` for which `test` holds.
fn share(blocks: &[Block], test: impl Fn(&Block) -> bool) -> f32 {
    blocks.iter().filter(|b| test(b)).count() as f32 / blocks.len().max(1) as f32
}

/// The feature vector of a page: what it `declared`, its `blocks`, the extracted `body`.
pub(crate) fn features(d: &Declared, blocks: &[Block], body: &str) -> [f32; PAGE_FEATURES] {
    let visible: usize = blocks.iter().map(|b| word_count(&b.text)).sum();
    let chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    let links: usize = blocks.iter().map(|b| b.link_chars).sum();
    let mut seen = std::collections::HashSet::new();
    let repeated = blocks
        .iter()
        .filter(|b| !seen.insert(b.text.as_str()))
        .count();
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let para_words: Vec<usize> = paragraphs.iter().map(|p| word_count(p)).collect();
    let body_words: usize = para_words.iter().sum();
    let n = paragraphs.len().max(1) as f32;
    let sentence_ends = paragraphs
        .iter()
        .filter(|p| p.ends_with(['.', '!', '?', '"', '\u{201d}']))
        .count() as f32;
    let long = para_words.iter().filter(|w| **w >= 25).count() as f32;
    let digits = body.bytes().filter(u8::is_ascii_digit).count() as f32;
    let prices = body
        .chars()
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥'))
        .count() as f32;
    let flag = |b: bool| f32::from(u8::from(b));
    [
        1.0,
        (1.0 + body_words as f32).ln(),
        (1.0 + visible as f32).ln(),
        body_words as f32 / visible.max(1) as f32,
        (1.0 + paragraphs.len() as f32).ln(),
        (1.0 + body_words as f32 / n).ln(),
        sentence_ends / n,
        long / n,
        links as f32 / chars.max(1) as f32,
        repeated as f32 / blocks.len().max(1) as f32,
        digits / body.len().max(1) as f32 * 10.0,
        prices / body_words.max(1) as f32 * 100.0,
        flag(d.article_type) - flag(d.other_type),
        flag(d.og_article) - flag(d.og_other),
        (1.0 + d.article_elements as f32).ln(),
        flag(d.article_elements == 0),
        (1.0 + d.code_elements as f32).ln(),
        (1.0 + d.controls as f32).ln(),
        share(blocks, |b| matches!(b.tag, 2 | 3)),
        share(blocks, |b| b.tag == 4),
        share(blocks, |b| b.tag == 5),
        share(blocks, |b| super::block_model::is_comment(b.marks)),
        share(blocks, |b| b.text.len() < 200 && has_date(&b.text)),
    ]
}

/// The model's log-odds that a page with features `f` is an article.
pub(crate) fn logit(f: &[f32; PAGE_FEATURES]) -> f32 {
    f.iter().zip(&WEIGHTS).map(|(x, w)| x * w).sum()
}

/// Whether the page (what it `declared`, its `blocks`, its extracted `body`) holds an
/// article.
pub(crate) fn is_article(declared: &Declared, blocks: &[Block], body: &str) -> bool {
    logit(&features(declared, blocks, body)) >= ARTICLE_BELOW
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `html` declares, read as extraction reads it.
    fn declared(html: &str) -> Declared {
        let mut d = Declared::default();
        super::super::blocks_and_kind(html, &mut d);
        d
    }

    #[test]
    fn a_page_states_its_type_in_json_ld_and_open_graph() {
        let d = declared(
            "<head><meta property=\"og:type\" content=\"product\">\
             <script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"Lamp\"}</script></head>\
             <body><article>a</article><article>b</article></body>",
        );
        assert!(d.other_type && d.og_other && !d.article_type && !d.og_article);
        assert_eq!(d.article_elements, 2);
        let d = declared(
            "<meta content=\"article\" property=\"og:type\"><script>{\"@type\":[\"NewsArticle\"]}</script>",
        );
        assert!(d.article_type && d.og_article && !d.other_type && !d.og_other);
        assert_eq!(declared("<p>No statement here.</p>"), Declared::default());
    }

    /// A made-up shop page: a product, its price and details, other products as cards.
    fn product_page() -> String {
        let card = |k: usize| {
            format!(
                "<article class=\"card\"><a href=\"/p/{k}\">Reading lamp model {k}</a>\
                 <span>${k}9.00</span><span>In stock</span></article>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        format!(
            "<html><head><meta property=\"og:type\" content=\"product\">\
             <script type=\"application/ld+json\">{{\"@type\": \"Product\", \"name\": \"Brass lamp\"}}</script></head>\
             <body><nav><a href=/>Shop</a> <a href=/lamps>Lamps</a></nav><h1>Brass desk lamp</h1>\
             <div class=\"price\">$49.00</div><p>Add to basket</p>\
             <ul><li>Height: 40 cm</li><li>Bulb: E27, not included</li><li>Cable: 1.8 m, black</li><li>Weight: 1.2 kg</li></ul>\
             <h2>Customers also bought</h2>{cards}<footer>Delivery | Returns | Contact</footer></body></html>"
        )
    }

    /// A made-up news page.
    fn news_page() -> String {
        let para = |s: &str| {
            format!("<p>{s} The plan was approved by the regional council on Tuesday evening, after a debate of four hours.</p>")
        };
        let body: String = [
            "Buses will run every ten minutes on the coast road from May.",
            "\u{201c}This is what people asked for,\u{201d} the transport officer said.",
            "The service costs two million euros a year, a fifth more than the old one.",
            "Drivers' unions said they welcomed the extra shifts but wanted longer breaks.",
            "Opposition members said the money would be better spent on the railway line.",
        ]
        .map(para)
        .concat();
        format!(
            "<html><head><meta property=\"og:type\" content=\"article\">\
             <script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\"}}</script></head>\
             <body><nav><a href=/>News</a> <a href=/sport>Sport</a></nav><article><h1>More buses for the coast</h1>{body}</article>\
             <footer>About | Contact</footer></body></html>"
        )
    }

    #[test]
    fn a_product_page_has_no_article_and_a_news_page_has_one() {
        assert_eq!(
            crate::article::article_text_from_html(&product_page()),
            None
        );
        let news = crate::article::article_text_from_html(&news_page()).expect("an article");
        assert!(news.contains("Buses will run every ten minutes"), "{news}");
        // A page with no text at all is empty, not "no article".
        assert_eq!(
            crate::article::article_text_from_html("<p> </p>"),
            Some(String::new())
        );
    }

    #[test]
    fn the_app_and_the_command_line_are_told_there_is_no_article() {
        assert_eq!(
            crate::article::article_page(&product_page(), None),
            Err(crate::article::NO_ARTICLE.to_string())
        );
        assert!(crate::article::article_page(&news_page(), None).is_ok());
    }

    #[test]
    fn years_and_clock_times_are_dates_other_numbers_are_not() {
        assert!(has_date("Posted on 12 March 2009"));
        assert!(has_date("Wed, Jan 16, 07:50 GMT"));
        assert!(!has_date("It cost 120 million, and 20000 people came."));
        assert!(!has_date("Room 1999b"));
    }

    #[test]
    fn the_engine_gives_the_log_odds_the_trainer_gave() {
        for (f, z) in super::super::page_kind_weights::CHECKS {
            assert!(
                (logit(f) - z).abs() < 1e-3 * (1.0 + z.abs()),
                "{} vs {z}",
                logit(f)
            );
        }
    }
}
