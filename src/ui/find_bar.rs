//! Find in the article: a search field above the view (Ctrl+F brings the focus to it),
//! every match painted through the CSS Custom Highlight API (no element is added: the
//! view's text stays the document's), the current one brought into view; Enter and
//! Shift+Enter (or the arrows) go to the next and previous match, Esc ends the search.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, KeyboardEvent, Node, Range};
use yew::prelude::*;

use super::dom_offsets::cp_spans_to_utf16;
use super::store::Shared;
use crate::edit::find::{find_all, step, MAX_MATCHES};
use crate::edit::Doc;

#[derive(Properties, PartialEq)]
pub struct FindBarProps {
    pub doc: Shared<Doc>,
}

#[function_component(FindBar)]
pub fn find_bar(p: &FindBarProps) -> Html {
    let query = use_state(String::new);
    let current = use_state(|| 0usize);
    let matches = {
        let doc = p.doc.clone();
        use_memo((p.doc.clone(), (*query).clone()), move |(_, q)| {
            find_all(&doc.text, q)
        })
    };
    // Paint after every change of the search or of the document.
    {
        let doc = p.doc.clone();
        let matches = matches.clone();
        use_effect_with((matches.clone(), *current), move |(_, now)| {
            paint(&doc.text, &matches, *now);
        });
    }
    let on_input = {
        let (query, current) = (query.clone(), current.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            current.set(0);
        })
    };
    let go = {
        let (current, count) = (current.clone(), matches.len());
        move |forward: bool| {
            let current = current.clone();
            Callback::from(move |_: MouseEvent| current.set(step(*current, count, forward)))
        }
    };
    let on_key = {
        let (query, current, count) = (query.clone(), current.clone(), matches.len());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" | "ArrowDown" | "ArrowUp" => {
                e.prevent_default();
                let forward = e.key() == "ArrowDown" || (e.key() == "Enter" && !e.shift_key());
                current.set(step(*current, count, forward));
            }
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                query.set(String::new());
                e.target_unchecked_into::<HtmlInputElement>().set_value("");
                if let Some(view) = gloo::utils::document().get_element_by_id("view") {
                    let _ = view.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        })
    };
    let count = matches.len();
    let status = match (query.trim().is_empty(), count) {
        (true, _) => String::new(),
        (false, 0) => "No match".to_string(),
        (false, n) if n >= MAX_MATCHES => format!("{} of {n}+", *current + 1),
        (false, n) => format!("{} of {n}", *current + 1),
    };
    html! {
        <div class="find-bar" role="search" aria-label="Find in the article">
            <input type="search" id="find" class="filter" placeholder="Find in the article"
                aria-label="Find in the article" aria-keyshortcuts="Control+F" autocomplete="off"
                oninput={on_input} onkeydown={on_key} />
            <span id="find-count" class="muted" role="status" aria-live="polite">{status}</span>
            <button type="button" class="btn btn-small" id="find-prev" aria-label="Previous match (Shift+Enter)"
                disabled={count == 0} onclick={go(false)}>{"↑"}</button>
            <button type="button" class="btn btn-small" id="find-next" aria-label="Next match (Enter)"
                disabled={count == 0} onclick={go(true)}>{"↓"}</button>
        </div>
    }
}

/// The view's text nodes, each with the UTF-16 offset of its start, in order.
fn text_nodes(root: &Node, out: &mut Vec<(usize, Node)>, at: &mut usize) {
    let children = root.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if child.node_type() == Node::TEXT_NODE {
            let len = child.node_value().map_or(0, |v| v.encode_utf16().count());
            out.push((*at, child));
            *at += len;
        } else {
            text_nodes(&child, out, at);
        }
    }
}

/// The text node and offset at UTF-16 offset `unit` of the view.
fn point(nodes: &[(usize, Node)], unit: usize) -> Option<(&Node, u32)> {
    let k = nodes
        .partition_point(|(start, _)| *start <= unit)
        .checked_sub(1)?;
    let (start, node) = &nodes[k];
    Some((node, (unit - start) as u32))
}

/// Paint `matches` of `text` in the view as the highlight "find", match `now` as
/// "find-current" (brought into view); none clears them.
fn paint(text: &str, matches: &[(usize, usize)], now: usize) -> Option<()> {
    let window = gloo::utils::window();
    let registry = Reflect::get(
        &Reflect::get(&window, &"CSS".into()).ok()?,
        &"highlights".into(),
    )
    .ok()?;
    let make: Function = Reflect::get(&window, &"Highlight".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let set: Function = Reflect::get(&registry, &"set".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let document = gloo::utils::document();
    let view: Node = document.get_element_by_id("view")?.into();
    let mut nodes = Vec::new();
    text_nodes(&view, &mut nodes, &mut 0);
    let ranges = Array::new();
    let mut current: Option<Range> = None;
    for (k, (s, e)) in cp_spans_to_utf16(text, matches).into_iter().enumerate() {
        let (Some((sn, so)), Some((en, eo))) = (point(&nodes, s), point(&nodes, e.max(1) - 1))
        else {
            continue;
        };
        let range = document.create_range().ok()?;
        if range.set_start(sn, so).is_err() || range.set_end(en, eo + 1).is_err() {
            continue;
        }
        if k == now {
            current = Some(range.clone());
        }
        ranges.push(&range);
    }
    let all = Reflect::construct(&make, &ranges).ok()?;
    let one =
        Reflect::construct(&make, &current.iter().map(JsValue::from).collect::<Array>()).ok()?;
    set.call2(&registry, &"find".into(), &all).ok()?;
    set.call2(&registry, &"find-current".into(), &one).ok()?;
    if let Some(range) = current {
        reveal(&range);
    }
    Some(())
}

/// Bring `range` to the middle of the screen: its element first (a chunk not laid out
/// yet has no place for the range), then the range itself once laid out.
fn reveal(range: &Range) {
    if let Some(el) = range
        .start_container()
        .ok()
        .and_then(|n| n.parent_element())
    {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    let range = range.clone();
    gloo::timers::callback::Timeout::new(0, move || {
        let rect = range.get_bounding_client_rect();
        let window = gloo::utils::window();
        let middle = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0)
            / 2.0;
        window.scroll_by_with_x_and_y(0.0, rect.top() + rect.height() / 2.0 - middle);
    })
    .forget();
}
