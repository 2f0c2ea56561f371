//! A forgiving HTML tokenizer: text, start tags and end tags, in one linear pass.
//! Comments, doctypes and processing instructions vanish; the content of raw-text
//! elements (`script`, `style`, `textarea`, `title`) is skipped unparsed; a `<` that
//! starts no tag is text.

/// One piece of the page.
#[derive(Debug, PartialEq)]
pub(super) enum Token<'a> {
    Text(&'a str),
    /// A start tag; `name` lower-cased, `attrs` the raw attribute text.
    Start {
        name: String,
        attrs: &'a str,
        self_closing: bool,
    },
    End {
        name: String,
    },
}

pub(super) struct Tokenizer<'a> {
    html: &'a str,
    at: usize,
    /// An end tag to emit next (after a skipped raw-text element).
    pending_end: Option<String>,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(html: &'a str) -> Self {
        Tokenizer {
            html,
            at: 0,
            pending_end: None,
        }
    }
}

const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.pending_end.take() {
            return Some(Token::End { name });
        }
        let html = self.html;
        let bytes = html.as_bytes();
        loop {
            if self.at >= html.len() {
                return None;
            }
            let rest = &html[self.at..];
            if !rest.starts_with('<') {
                // A `<` that starts no tag is text: extend over it.
                return Some(self.text_to_next_tag(0));
            }
            let next = bytes.get(self.at + 1).copied().unwrap_or(b' ');
            if let Some(comment) = rest.strip_prefix("<!--") {
                self.at = comment
                    .find("-->")
                    .map_or(html.len(), |i| self.at + 4 + i + 3);
                continue;
            }
            if next == b'!' || next == b'?' {
                self.at = rest.find('>').map_or(html.len(), |i| self.at + i + 1);
                continue;
            }
            let closing = next == b'/';
            let name_start = self.at + 1 + usize::from(closing);
            let Some(name_len) = tag_name_len(html, name_start) else {
                // Not a tag: "<" as text, up to the next "<".
                return Some(self.text_to_next_tag(1));
            };
            return Some(self.tag(closing, name_start, name_len));
        }
    }
}

/// The length of the tag name at `name_start` (a letter, then letters, digits, `-`,
/// `:` and `_`); `None` when no name starts there.
fn tag_name_len(html: &str, name_start: usize) -> Option<usize> {
    let name_len = html[name_start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':' || *b == b'_')
        .count();
    let starts_name = html[name_start..]
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic());
    (name_len != 0 && starts_name).then_some(name_len)
}

impl<'a> Tokenizer<'a> {
    /// The text from here to the next `<` found `skip` bytes on (or the end).
    fn text_to_next_tag(&mut self, skip: usize) -> Token<'a> {
        let html = self.html;
        let end = html[self.at + skip..]
            .find('<')
            .map_or(html.len(), |i| self.at + skip + i);
        let text = &html[self.at..end];
        self.at = end;
        Token::Text(text)
    }

    /// The tag whose name (`name_len` bytes at `name_start`) starts here, an end tag
    /// when `closing`; past a raw-text element's content, whose end tag comes next.
    fn tag(&mut self, closing: bool, name_start: usize, name_len: usize) -> Token<'a> {
        let html = self.html;
        let bytes = html.as_bytes();
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let after_name = name_start + name_len;
        let tag_end = find_tag_end(html, after_name);
        let inner_end = if tag_end > after_name && bytes[tag_end - 1] == b'>' {
            tag_end - 1
        } else {
            tag_end
        };
        let attrs = &html[after_name..inner_end.max(after_name)];
        self.at = tag_end;
        if closing {
            return Token::End { name };
        }
        let self_closing = attrs.trim_end().ends_with('/');
        if RAW_TEXT.contains(&name.as_str()) && !self_closing {
            let close = format!("</{name}");
            let skip_to =
                find_ascii_ci(&html[self.at..], &close).map_or(html.len(), |i| self.at + i);
            self.at = html[skip_to..]
                .find('>')
                .map_or(html.len(), |i| skip_to + i + 1);
            self.pending_end = Some(name.clone());
        }
        Token::Start {
            name,
            attrs,
            self_closing,
        }
    }
}

/// The byte after the `>` closing a tag, honouring quoted attribute values. As in a
/// browser, a quote opens a value only right after `=` (white space between allowed); a
/// quote anywhere else (`title="a"b"`, a broken tag) is part of a name and opens
/// nothing, so it cannot hide the rest of the page.
fn find_tag_end(html: &str, from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    for (i, b) in html.as_bytes()[from..].iter().enumerate() {
        match (quote, *b) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if after_eq => quote = Some(*b),
            (None, b'>') => return from + i + 1,
            (None, b'=') => {
                after_eq = true;
                continue;
            }
            (None, c) if c.is_ascii_whitespace() => continue,
            _ => {}
        }
        after_eq = false;
    }
    html.len()
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// [`attr`] without copying: the value as it stands in `attrs` (quotes dropped).
pub(super) fn attr_str<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &attrs[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let vs;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                vs = i + 1;
                i = vs;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = &attrs[vs..i.min(b.len())];
                i += 1;
            } else {
                vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &attrs[vs..i];
            }
        }
        if name == key {
            return Some(value);
        }
        if start == i {
            i += 1;
        }
    }
    None
}

/// The value of attribute `key` in raw (lower-cased) attribute text.
pub(super) fn attr(attrs: &str, key: &str) -> Option<String> {
    attr_str(attrs, key).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_a_small_page() {
        let toks: Vec<Token> =
            Tokenizer::new("<P class='a>b'>Hi<!-- x --><br/><script>if (a<b) {}</script></p>")
                .collect();
        assert_eq!(
            toks,
            [
                Token::Start {
                    name: "p".into(),
                    attrs: " class='a>b'",
                    self_closing: false
                },
                Token::Text("Hi"),
                Token::Start {
                    name: "br".into(),
                    attrs: "/",
                    self_closing: true
                },
                Token::Start {
                    name: "script".into(),
                    attrs: "",
                    self_closing: false
                },
                Token::End {
                    name: "script".into()
                },
                Token::End { name: "p".into() },
            ]
        );
    }

    #[test]
    fn a_stray_quote_in_a_tag_opens_no_value() {
        let toks: Vec<Token> = Tokenizer::new("<p title=\"a\"b\" id = 'x>y'>Hi</p>").collect();
        assert_eq!(
            toks[0],
            Token::Start {
                name: "p".into(),
                attrs: " title=\"a\"b\" id = 'x>y'",
                self_closing: false
            }
        );
        assert_eq!(toks[1], Token::Text("Hi"));
    }

    #[test]
    fn attributes() {
        let a = " id=main class=\"story body\" data-x='1' hidden";
        assert_eq!(attr(a, "class").as_deref(), Some("story body"));
        assert_eq!(attr(a, "id").as_deref(), Some("main"));
        assert_eq!(attr(a, "hidden").as_deref(), Some(""));
        assert_eq!(attr(a, "style"), None);
    }
}
