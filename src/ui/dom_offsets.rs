//! The DOM boundary: the browser counts string offsets in UTF-16 units, the rest of
//! QuoteLens in code points. This module is the only place that converts between them.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use crate::model::offsets::{cp_of_utf16, utf16_of_cp};

/// The UTF-16 offset of the point (`node`, `offset`) within the text of `root`.
pub fn utf16_offset_in(root: &Node, node: &Node, offset: u32) -> Option<usize> {
    let range = gloo::utils::document().create_range().ok()?;
    range.select_node_contents(root).ok()?;
    range.set_end(node, offset).ok()?;
    Some(js_sys::Object::to_string(&range).length() as usize)
}

/// The current text selection inside `root` as code points of `text` (the text `root`
/// shows), or none when nothing in `root` is selected.
pub fn selection_in(root: &Element, text: &str) -> Option<(usize, usize)> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(&range.start_container().ok()?))
        || !root_node.contains(Some(&range.end_container().ok()?))
    {
        return None;
    }
    let start = utf16_offset_in(
        root_node,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let end = utf16_offset_in(
        root_node,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
    )?;
    Some(utf16_span_to_cp(text, start, end))
}

/// UTF-16 `[start, end)` of `text` to code points.
pub fn utf16_span_to_cp(text: &str, start: usize, end: usize) -> (usize, usize) {
    (cp_of_utf16(text, start), cp_of_utf16(text, end))
}

/// Code points `[start, end)` of `text` to UTF-16 (for `setSelectionRange` and the like).
pub fn cp_span_to_utf16(text: &str, start: usize, end: usize) -> (usize, usize) {
    (utf16_of_cp(text, start), utf16_of_cp(text, end))
}

/// Select the code points `[start, end)` of `textarea`'s text.
pub fn select_in_textarea(
    area: &web_sys::HtmlTextAreaElement,
    text: &str,
    start: usize,
    end: usize,
) {
    let (s, e) = cp_span_to_utf16(text, start, end);
    let _ = area.set_selection_range(s as u32, e as u32);
}

/// The nearest element at or above `node` that carries `data-id`, and that id.
pub fn annotation_at(node: &web_sys::EventTarget) -> Option<(HtmlElement, String)> {
    let el: &Element = node.dyn_ref::<Element>()?;
    let mark = el.closest("[data-id]").ok()??;
    let id = mark.get_attribute("data-id")?;
    Some((mark.dyn_into().ok()?, id))
}

/// Sorted code point spans of `text` to UTF-16, in one pass over the text.
pub fn cp_spans_to_utf16(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut wanted: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    wanted.sort_unstable();
    let mut at = std::collections::HashMap::with_capacity(wanted.len());
    let (mut cp, mut units) = (0, 0);
    let mut next = wanted.iter().peekable();
    for c in text.chars().chain(std::iter::once('\0')) {
        while next.peek().is_some_and(|&&w| w == cp) {
            at.insert(cp, units);
            next.next();
        }
        cp += 1;
        units += c.len_utf16();
    }
    spans
        .iter()
        .map(|(s, e)| {
            (
                at.get(s).copied().unwrap_or(0),
                at.get(e).copied().unwrap_or(0),
            )
        })
        .collect()
}
