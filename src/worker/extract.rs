//! A web page's article, extracted in the analysis worker: the page posts a dropped or
//! pasted page's HTML (and the text the browser copied with it) and shows the `Page`
//! that comes back, so `crate::article` never runs on the page's thread (nor is in its
//! Wasm). Separate from the analysis messages: each kind knows its own by its first key.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::article::{empty_page_message, page_from_html, text_from_html, Page};

/// How every extraction request starts (its first field), so the worker tells it from an
/// analysis request without reading the rest.
const REQUEST_START: &str = "{\"extract\":";
/// How every extraction reply starts, so the page tells it from an analysis reply.
const REPLY_START: &str = "{\"extracted\":";

/// Extract the article of `html`; `plain` is the text a browser copied with it (a
/// paste), none for a saved page (a dropped or opened file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractRequest<'a> {
    /// The request's number: a reply for an older one is stale.
    pub extract: u64,
    pub html: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<Cow<'a, str>>,
}

/// The answer to extraction request `extracted`: the page, or why there is none (a
/// message for the person).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractReply {
    pub extracted: u64,
    pub page: Result<Page, String>,
}

impl ExtractRequest<'_> {
    /// The message the page posts.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Extract the page, as the worker does (and the command line: same code).
    pub fn answer(&self) -> ExtractReply {
        let page = page_from_html(&self.html, self.plain.as_deref());
        let page = if !page.text.trim().is_empty() {
            Ok(page)
        } else if self.plain.is_some() {
            Err("The pasted page has no readable text.".to_string())
        } else {
            Err(empty_page_message(&self.html))
        };
        ExtractReply {
            extracted: self.extract,
            page,
        }
    }
}

impl ExtractReply {
    /// Read a message from the worker; `None` for anything but an extraction reply.
    pub fn parse(message: &str) -> Option<Self> {
        if !message.starts_with(REPLY_START) {
            return None;
        }
        serde_json::from_str(message).ok()
    }
}

/// What the worker does with a message that is an extraction request: the reply (JSON).
/// `None` for any other message, told apart by its start (an analysis request is left
/// to `protocol::handle`).
pub fn handle(message: &str) -> Option<String> {
    if !message.starts_with(REQUEST_START) {
        return None;
    }
    let request: ExtractRequest = serde_json::from_str(message).ok()?;
    serde_json::to_string(&request.answer()).ok()
}

/// A made-up news page (navigation, headline, byline, quotes, a list, a share bar,
/// related stories, comments, footer, entities) for the worker's warm-up.
pub const WARM_UP_HTML: &str = include_str!("warm_up.html");

/// The warm-up's extraction requests: the page saved (dropped) and pasted with its
/// visible text, so both paths run hot in the optimising compiler before the worker
/// says it is ready (a function run once, on a whole page, stays in the browser's
/// baseline compiler all through: several times slower).
pub fn warm_up_requests() -> [String; 2] {
    let plain = text_from_html(WARM_UP_HTML);
    let request = |plain: Option<&str>| {
        ExtractRequest {
            extract: 0,
            html: Cow::Borrowed(WARM_UP_HTML),
            plain: plain.map(Cow::Borrowed),
        }
        .to_json()
    };
    [request(None), request(Some(&plain))]
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav><article>\
        <h1>Dam holds after storm</h1>\
        <p>The dam held through the night, the engineers said on Tuesday morning after the storm.</p>\
        <p>&ldquo;The dam is safe,&rdquo; said the chief engineer, who had checked it twice since.</p>\
        <p>Residents were relieved, and the coast road will open again on Wednesday, officials said.</p>\
        </article><footer>About us | Contact</footer></body></html>";

    #[test]
    fn a_request_goes_round_trip_and_gives_what_extraction_gives() {
        for plain in [None, Some("Home World\nDam holds after storm\nThe dam held through the night, the engineers said on Tuesday morning after the storm.\nAbout us | Contact")] {
            let request = ExtractRequest {
                extract: 7,
                html: Cow::Borrowed(PAGE),
                plain: plain.map(Cow::Borrowed),
            };
            let json = request.to_json();
            assert!(json.starts_with(REQUEST_START), "{json}");
            assert!(crate::worker::protocol::handle(&json).is_none(), "not an analysis request");
            let reply = ExtractReply::parse(&handle(&json).expect("a reply")).expect("parsed");
            assert_eq!(reply.extracted, 7);
            let page = reply.page.expect("a page");
            assert_eq!(page, page_from_html(PAGE, plain));
            assert!(page.text.contains("The dam is safe") == plain.is_none(), "{}", page.text);
            assert!(!page.boilerplate.is_empty(), "the navigation is furniture");
        }
    }

    #[test]
    fn a_page_without_text_gets_a_message_and_other_messages_are_not_extraction() {
        let json = ExtractRequest {
            extract: 2,
            html: Cow::Borrowed("<html><head><script>render()</script></head><body></body></html>"),
            plain: None,
        }
        .to_json();
        let reply = ExtractReply::parse(&handle(&json).unwrap()).unwrap();
        assert_eq!(
            reply.page,
            Err(empty_page_message("<script>")),
            "the reason, in words"
        );
        let pasted = ExtractRequest {
            extract: 3,
            html: Cow::Borrowed("<p> </p>"),
            plain: Some(Cow::Borrowed(" ")),
        };
        assert_eq!(
            pasted.answer().page,
            Err("The pasted page has no readable text.".to_string())
        );
        let analysis = crate::worker::protocol::warm_up_request(1);
        assert!(handle(&analysis).is_none());
        assert!(ExtractReply::parse(&crate::worker::protocol::handle(&analysis).unwrap()).is_none());
        assert!(handle("{\"extract\":1,").is_none(), "broken JSON: no reply");
    }

    #[test]
    fn the_warm_up_page_has_an_article_and_furniture_both_ways() {
        for json in warm_up_requests() {
            let page = ExtractReply::parse(&handle(&json).unwrap())
                .unwrap()
                .page
                .unwrap();
            assert!(page.text.contains("reservoir"), "{}", page.text);
            assert!(page.boilerplate.len() >= 2, "{:?}", page.boilerplate);
        }
    }
}
