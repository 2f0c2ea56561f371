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
        // A page said to be UTF-8 (or saying nothing) with a few bytes that are not:
        // pasted windows-1252 quotes and dashes, most often. Browsers show the page
        // anyway; those bytes are read as windows-1252.
        Some("utf-8" | "utf8") | None => Ok(utf8_with_windows_1252(bytes)),
        Some(other) => Err(format!(
            "it is in the {other} charset, which QuoteLens cannot read: open it in a browser and save it as UTF-8, or copy and paste the page"
        )),
    }
}

/// UTF-8 where it is valid, each byte that is not read as windows-1252.
fn utf8_with_windows_1252(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                out.push_str(rest);
                return out;
            }
            Err(e) => {
                let (valid, after) = bytes.split_at(e.valid_up_to());
                // The prefix was just checked: valid UTF-8.
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(after.len()).max(1);
                out.push_str(&windows_1252(&after[..bad]));
                bytes = &after[bad..];
            }
        }
    }
}

/// The text of an HTML page's bytes as a browser takes them: a stray NUL or other control
/// byte (one a browser never shows) is dropped, then [`decode_html`]. Bytes that are
/// mostly such controls (an image, a UTF-16 or other binary file named `.html`) are
/// refused as binary. The error is a message for the person.
pub fn html_from_bytes(bytes: &[u8]) -> Result<String, String> {
    let controls = bytes.iter().filter(|&&b| is_stray_control(b)).count();
    if controls == 0 {
        return decode_html(bytes);
    }
    if controls > STRAY_CONTROLS_ANYWHERE && controls * STRAY_CONTROLS_PER_BINARY >= bytes.len() {
        return Err("looks binary (it holds NUL bytes), not text".to_string());
    }
    let kept: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|&b| !is_stray_control(b))
        .collect();
    decode_html(&kept)
}

/// A text page may hold one control byte in this many before it counts as binary (a
/// stray NUL from a broken server or editor is one in many thousands; binary files hold
/// one in a few dozen).
const STRAY_CONTROLS_PER_BINARY: usize = 100;
/// So many control bytes are stray in a page of any length (a short one included).
const STRAY_CONTROLS_ANYWHERE: usize = 4;

/// A C0 control byte (or DEL) that HTML text never shows: all but tab, line feed, form
/// feed and carriage return. None is ever part of a multi-byte UTF-8 character, so
/// dropping it leaves the rest as it was.
fn is_stray_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F)
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
    fn a_stray_nul_is_dropped_and_a_binary_file_refused() {
        let page = b"<html><body><p>The bridge\x00 opened on Monday.\x07</p></body></html>";
        assert_eq!(
            html_from_bytes(page).unwrap(),
            "<html><body><p>The bridge opened on Monday.</p></body></html>"
        );
        let win = b"<meta charset=windows-1252><p>Caf\xe9\x00</p>";
        assert_eq!(
            html_from_bytes(win).unwrap(),
            "<meta charset=windows-1252><p>Caf\u{e9}</p>"
        );
        let binary = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        assert!(html_from_bytes(binary).unwrap_err().contains("binary"));
        let utf16: Vec<u8> = "<p>Hi</p>".bytes().flat_map(|b| [b, 0]).collect();
        assert!(html_from_bytes(&utf16).is_err());
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
        assert_eq!(
            decode_html(b"<p>\xff\xfe</p>").unwrap(),
            "<p>\u{ff}\u{fe}</p>"
        );
        let mixed = b"<meta charset=utf-8><p>Caf\xc3\xa9 \x93ok\x94</p>";
        assert_eq!(
            decode_html(mixed).unwrap(),
            "<meta charset=utf-8><p>Caf\u{e9} \u{201c}ok\u{201d}</p>"
        );
    }
}
