//! A rehearsal of the reading view when the page starts (while the analysis worker warms
//! up): the browser compiles each Wasm function only when it first runs, and a fresh
//! page's first paste spent about as long compiling the code that shows an analysed
//! article as running it. So a made-up analysed article (`edit::made_up_article`) is rendered
//! once, with its marks and side panel, into an element that is never in the page, and
//! then dropped. Nothing of it is shown or kept.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use super::article_view::Article;
use super::review_panel::ReviewPanel;
use super::side_panel::SidePanel;
use super::store::Shared;
use super::toolbar::Toolbar;
use crate::edit::layout::Mark;
use crate::edit::made_up_article::made_up_article;
use crate::edit::Doc;
use crate::model::Annotation;

/// How long the rehearsal stays: its render, effects and first layout are done by then.
const DROP_AFTER_MS: u32 = 150;

/// Where the rehearsal is laid out: over the page (so its chunks count as on screen) but
/// invisible, inert and hidden from assistive technology.
const HOST_STYLE: &str =
    "position:fixed;inset:0;overflow:hidden;visibility:hidden;pointer-events:none;z-index:-1";

#[derive(Properties, PartialEq)]
struct Props {
    doc: Shared<Doc>,
    annotations: Shared<Vec<Annotation>>,
}

/// What the app shows of an analysed article, with callbacks that do nothing.
#[function_component(Rehearsal)]
fn rehearsal(p: &Props) -> Html {
    let numbers = std::rc::Rc::new(crate::edit::summary::speaker_numbers(&p.annotations));
    html! {
        <div class="app">
            <section class="reader">
                <Toolbar shown={Mark::ALL.to_vec()} on_toggle={|_| ()} on_add={|_| ()} on_edit={|_| ()} />
                <Article doc={p.doc.clone()} annotations={p.annotations.clone()} shown={Mark::ALL.to_vec()}
                    lit={Vec::new()} active={None::<String>} on_hover={|_| ()} on_select={|_| ()} on_article={|_| ()}
                    numbers={numbers.clone()} />
            </section>
            <aside class="panel">
                <ReviewPanel enabled=true review={None} doc={p.doc.clone()} annotations={p.annotations.clone()}
                    on_action={|_| ()} />
                <SidePanel annotations={p.annotations.clone()} active={None::<String>} lit={Vec::new()}
                    analysing=false on_pick={|_| ()} on_hover={|_| ()} {numbers} />
            </aside>
        </div>
    }
}

/// Render the rehearsal out of sight, let the browser lay it out once, then drop it. It
/// lives in a closed shadow root, with copies of the page's style sheets: laid out as the
/// page would be, yet none of its ids or elements are seen from the page's document
/// (`document.querySelector`, mutation observers on the body, the browser's find).
pub fn run() {
    let document = gloo::utils::document();
    let (Some(body), Ok(host), Ok(root)) = (
        document.body(),
        document.create_element("div"),
        document.create_element("div"),
    ) else {
        return;
    };
    let _ = host.set_attribute("style", HOST_STYLE);
    let _ = host.set_attribute("aria-hidden", "true");
    let _ = host.set_attribute("inert", "");
    let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed)) else {
        return;
    };
    let sheets = document
        .query_selector_all("link[rel=stylesheet]")
        .ok()
        .map(|links| {
            (0..links.length())
                .filter_map(|i| links.item(i))
                .filter_map(|link| link.clone_node().ok())
                .filter_map(|copy| shadow.append_child(&copy).ok())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if shadow.append_child(&root).is_err() || body.append_child(&host).is_err() {
        return;
    }
    // Rendered once the copied sheets are in (from the browser's cache), so its layout
    // is the page's.
    let waiting = Rc::new(Cell::new(sheets.len()));
    let start = Rc::new(RefCell::new(Some(move || render(host, root))));
    let go = {
        let start = start.clone();
        move || {
            if let Some(f) = start.borrow_mut().take() {
                f()
            }
        }
    };
    if sheets.is_empty() {
        go();
        return;
    }
    for sheet in sheets {
        for event in ["load", "error"] {
            let (waiting, go) = (waiting.clone(), go.clone());
            EventListener::once(&sheet, event, move |_| {
                waiting.set(waiting.get().saturating_sub(1));
                if waiting.get() == 0 {
                    go();
                }
            })
            .forget();
        }
    }
    // Whatever the sheets do, the rehearsal never waits long.
    Timeout::new(DROP_AFTER_MS, go).forget();
}

/// Mount the rehearsal in `root` (inside `host`), and drop both a moment later.
fn render(host: Element, root: Element) {
    let state = made_up_article();
    let annotations = Shared(Rc::new(state.doc.annotations()));
    let props = Props {
        doc: Shared(state.doc),
        annotations,
    };
    let app = yew::Renderer::<Rehearsal>::with_root_and_props(root, props).render();
    Timeout::new(DROP_AFTER_MS, move || {
        app.destroy();
        host.remove();
    })
    .forget();
}
