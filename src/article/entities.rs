//! HTML character references: numeric ones and the named ones news pages use.

use std::borrow::Cow;

/// Named references worth knowing (the full table has over 2,000; these cover news text).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("bull", '•'),
    ("deg", '°'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("szlig", 'ß'),
    ("aacute", 'á'),
    ("eacute", 'é'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("agrave", 'à'),
    ("egrave", 'è'),
    ("igrave", 'ì'),
    ("ograve", 'ò'),
    ("ugrave", 'ù'),
    ("acirc", 'â'),
    ("ecirc", 'ê'),
    ("icirc", 'î'),
    ("ocirc", 'ô'),
    ("ucirc", 'û'),
    ("auml", 'ä'),
    ("euml", 'ë'),
    ("iuml", 'ï'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("atilde", 'ã'),
    ("otilde", 'õ'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("aring", 'å'),
    ("oslash", 'ø'),
    ("aelig", 'æ'),
    ("Aacute", 'Á'),
    ("Eacute", 'É'),
    ("Iacute", 'Í'),
    ("Oacute", 'Ó'),
    ("Uacute", 'Ú'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("Ntilde", 'Ñ'),
    ("Ccedil", 'Ç'),
    ("Agrave", 'À'),
    ("Egrave", 'È'),
];

/// `text` with character references replaced; unknown or broken ones stay as written.
pub(super) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the reference at the start of `s` ("&...") and its length in bytes.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    let end = body.bytes().take(32).position(|b| b == b';');
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let n = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if n == 0 || n > 8 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..n], radix).ok()?;
        let c = match code {
            0 => '\u{fffd}',
            // Windows-1252 quotes and dashes that pages send as numeric references.
            0x91 => '‘',
            0x92 => '’',
            0x93 => '“',
            0x94 => '”',
            0x96 => '–',
            0x97 => '—',
            0x85 => '…',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        let semi = usize::from(digits[n..].starts_with(';'));
        return Some((c, 1 + skip + n + semi));
    }
    let end = end?;
    let name = &body[..end];
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| (*c, end + 2))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            decode("Tom &amp; Jerry &ldquo;hi&rdquo; &#8217;s &#x2014; &#150x"),
            "Tom & Jerry “hi” ’s — –x"
        );
        assert_eq!(
            decode("AT&T &unknown; & &#; &#xZZ; &#99999999999;"),
            "AT&T &unknown; & &#; &#xZZ; &#99999999999;"
        );
        assert_eq!(decode("&#0;&#x92;"), "\u{fffd}’");
    }
}
