//! A web page's article, extracted in the worker: the page posts a dropped or pasted
//! page's HTML (and the text the browser copied with it) and shows the `Page` that comes
//! back, so `crate::article` never runs on the page's thread (nor is in its Wasm). The
//! request and the reply, and the reply's parts as they are posted (`worker::message`
//! posts them: the long strings, the HTML, the copied text and the page's text, as
//! strings of their own, never escaped into JSON and parsed again). The page's side is
//! `ui::extraction`.

use serde::{Deserialize, Serialize};

use crate::article::{article_page, empty_page_message, text_from_html, Page};

/// Extract the article of `html`; `plain` is the text a browser copied with it (a
/// paste), none for a saved page (a dropped or opened file). `seq` numbers the request:
/// a reply for an older one is stale.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractRequest {
    pub seq: u64,
    pub html: String,
    pub plain: Option<String>,
}

/// The answer to extraction request `seq`: the page, or why there is none (a message
/// for the person).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractReply {
    pub seq: u64,
    pub page: Result<Page, String>,
}

/// What a reply says besides its page's text, as JSON.
#[derive(Debug, Serialize, Deserialize)]
enum ReplyRest {
    /// The page's furniture (code points).
    Furniture(Vec<(usize, usize)>),
    /// Why there is no page.
    Error(String),
}

impl ExtractRequest {
    /// Extract the page, as the worker does (and the command line: same code).
    pub fn answer(&self) -> ExtractReply {
        // A page with no article says so (`NO_ARTICLE`), rather than show furniture.
        let page = match article_page(&self.html, self.plain.as_deref()) {
            Ok(page) if page.text.trim().is_empty() => Err(if self.plain.is_some() {
                "The pasted page has no readable text.".to_string()
            } else {
                empty_page_message(&self.html)
            }),
            answer => answer,
        };
        ExtractReply {
            seq: self.seq,
            page,
        }
    }
}

impl ExtractReply {
    /// The reply as the worker posts it: its number, the page's text (none for an
    /// error) and the rest as JSON.
    pub fn into_parts(self) -> (u64, Option<String>, String) {
        let (text, rest) = match self.page {
            Ok(page) => (Some(page.text), ReplyRest::Furniture(page.furniture)),
            Err(msg) => (None, ReplyRest::Error(msg)),
        };
        let rest = serde_json::to_string(&rest).unwrap_or_default();
        (self.seq, text, rest)
    }

    /// The reply from its parts (`into_parts`); `None` when they do not make one.
    pub fn from_parts(seq: u64, text: Option<String>, rest: &str) -> Option<Self> {
        let page = match (serde_json::from_str(rest).ok()?, text) {
            (ReplyRest::Furniture(furniture), Some(text)) => Ok(Page { text, furniture }),
            (ReplyRest::Error(msg), None) => Err(msg),
            _ => return None,
        };
        Some(ExtractReply { seq, page })
    }
}

/// A made-up news page (navigation, headline, byline, quotes, a list, a share bar,
/// related stories, comments, footer, entities) for the worker's warm-up.
pub const WARM_UP_HTML: &str = include_str!("warm_up.html");

/// The warm-up's extraction requests: the page saved (dropped) and pasted with its
/// visible text, so both paths run hot in the optimising compiler before the worker
/// says it is ready (a function run once, on a whole page, stays in the browser's
/// baseline compiler all through: several times slower).
pub fn warm_up_requests() -> [ExtractRequest; 2] {
    let request = |plain: Option<String>| ExtractRequest {
        seq: 0,
        html: WARM_UP_HTML.to_string(),
        plain,
    };
    [request(None), request(Some(text_from_html(WARM_UP_HTML)))]
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><nav><a href=/>Home</a> | <a href=/w>World</a> | <a href=/s>Sport</a></nav><article>\
        <h1>Dam holds after storm</h1>\
        <p>The dam held through the night, the engineers said on Tuesday morning after the storm.</p>\
        <p>&ldquo;The dam is safe,&rdquo; said the chief engineer, who had checked it twice since.</p>\
        <p>Residents were relieved, and the coast road will open again on Wednesday, officials said.</p>\
        </article><footer>About us | Contact</footer></body></html>";

    /// What the page gets back from what the worker posts.
    fn round_trip(reply: ExtractReply) -> ExtractReply {
        let (seq, text, rest) = reply.into_parts();
        ExtractReply::from_parts(seq, text, &rest).expect("a reply")
    }

    #[test]
    fn a_request_is_answered_with_what_extraction_gives_and_arrives_whole() {
        let copied = "Home | World | Sport\nDam holds after storm\nThe dam held through the night, the engineers said on Tuesday morning after the storm.\nAbout us | Contact";
        for plain in [None, Some(copied)] {
            let request = ExtractRequest {
                seq: 7,
                html: PAGE.to_string(),
                plain: plain.map(str::to_string),
            };
            let reply = round_trip(request.answer());
            assert_eq!(reply.seq, 7);
            let page = reply.page.expect("a page");
            assert_eq!(page, crate::article::page_from_html(PAGE, plain));
            assert_eq!(
                page.text.contains("The dam is safe"),
                plain.is_none(),
                "{}",
                page.text
            );
            assert!(!page.furniture.is_empty(), "the navigation is furniture");
        }
    }

    #[test]
    fn a_page_without_text_gets_a_message() {
        let request = ExtractRequest {
            seq: 2,
            html: "<html><head><script>render()</script></head><body></body></html>".into(),
            plain: None,
        };
        let reply = round_trip(request.answer());
        assert_eq!(reply.seq, 2);
        assert_eq!(
            reply.page,
            Err(empty_page_message("<script>")),
            "the reason, in words"
        );
        let pasted = ExtractRequest {
            seq: 3,
            html: "<p> </p>".into(),
            plain: Some(" ".into()),
        };
        assert_eq!(
            round_trip(pasted.answer()).page,
            Err("The pasted page has no readable text.".to_string())
        );
    }

    #[test]
    fn parts_that_do_not_make_a_reply_are_refused() {
        let furniture = r#"{"Furniture":[[0,4]]}"#;
        assert!(ExtractReply::from_parts(1, Some("text".into()), furniture).is_some());
        assert!(
            ExtractReply::from_parts(1, None, furniture).is_none(),
            "a page needs its text"
        );
        assert!(ExtractReply::from_parts(1, Some("t".into()), r#"{"Error":"x"}"#).is_none());
        assert!(ExtractReply::from_parts(1, Some("t".into()), "not json").is_none());
    }

    #[test]
    fn the_warm_up_page_has_an_article_and_furniture_both_ways() {
        for request in warm_up_requests() {
            let page = request.answer().page.unwrap();
            assert!(page.text.contains("reservoir"), "{}", page.text);
            assert!(page.furniture.len() >= 2, "{:?}", page.furniture);
        }
    }
}
