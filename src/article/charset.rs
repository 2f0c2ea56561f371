//! Saved pages in the charset their `<meta>` declares. Most pages are UTF-8; older ones
//! are often windows-1252 (which browsers also use for "iso-8859-1" and "us-ascii"),
//! decoded here by its small table. Other legacy charsets would need megabytes of
//! tables in the app, so they get a clear message instead.

/// The text of an HTML page's bytes: UTF-8 (a byte-order mark dropped), or windows-1252
/// when the page declares it (or Latin-1, or ASCII) and is not valid UTF-8. The error is a
/// message for the person.
pub fn decode_html(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    match declared_charset(bytes).as_deref() {
        Some("windows-1252" | "cp1252" | "iso-8859-1" | "iso8859-1" | "latin1" | "l1"
            | "us-ascii" | "ascii" | "iso-8859-15" | "latin-1") => Ok(windows_1252(bytes)),
        Some(other) => Err(format!(
            "it is in the {other} charset, which QuoteLens cannot read: open it in a browser and save it as UTF-8, or copy and paste the page"
        )),
        None => Err(
            "it is not UTF-8 and declares no charset: open it in a browser and save it as UTF-8, or copy and paste the page".into(),
        ),
    }
}

/// The charset a page declares in its first few kilobytes (`<meta charset=...>` or
/// `content="text/html; charset=..."`), lower-cased.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let name: String = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// windows-1252: Latin-1 with printable characters in 0x80..0xA0.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_windows_1252_page_is_decoded() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>\x93Caf\xe9 cr\xe8me,\x94 she said \x96 50\x80.</p></body></html>";
        let text = decode_html(page).unwrap();
        assert!(
            text.contains("\u{201c}Café crème,\u{201d} she said – 50€."),
            "{text}"
        );
        assert_eq!(declared_charset(page).as_deref(), Some("iso-8859-1"));
    }

    #[test]
    fn utf8_wins_and_other_charsets_get_a_message() {
        assert_eq!(
            decode_html("\u{feff}<meta charset=\"windows-1252\"><p>Café</p>".as_bytes()).unwrap(),
            "<meta charset=\"windows-1252\"><p>Café</p>"
        );
        let sjis = b"<meta charset='Shift_JIS'><p>\x82\xa0</p>";
        let msg = decode_html(sjis).unwrap_err();
        assert!(msg.contains("shift_jis") && msg.contains("UTF-8"), "{msg}");
        let msg = decode_html(b"<p>\xff\xfe</p>").unwrap_err();
        assert!(msg.contains("declares no charset"), "{msg}");
    }
}
