//! The reading view: the article as text, with its quotes, speakers, cue words and
//! claims marked. The text is only ever inserted as text nodes.
//!
//! Long documents: the view is cut into chunks (`edit::chunks`), and only the chunks
//! near the screen get their marks built (an IntersectionObserver says which); the rest
//! are plain text, so the browser's find, selection offsets and scrolling still see the
//! whole text while the DOM stays small. A chunk once marked stays marked (a selection
//! in it is never pulled from under the person). The chunk of the active annotation is
//! always marked, so scrolling to it finds its mark. A hover re-renders only the chunks
//! whose marks it lights or unlights.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    FocusEvent, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    KeyboardEvent, MouseEvent,
};
use yew::prelude::*;

use super::article_chunk::ArticleChunk;
use super::dom_offsets::annotation_at;
use super::store::Shared;
use crate::edit::chunks::{chunks, chunks_of_marks, Chunk, CHUNK_CHARS};
use crate::edit::layout::{layout, Mark};
use crate::edit::page_parts::blocks;
use crate::edit::Doc;
use crate::model::Annotation;

/// Chunks marked before the observer has said anything: the first screenfuls.
const FIRST_MARKED_CHARS: usize = 6_000;
/// How far beyond the screen chunks get their marks, so scrolling finds them built.
const MARGIN: &str = "1500px 0px";
/// Chunks are built in groups of this many, the first group with the view and one more
/// group per task after it: a long text's hundreds of chunks are not one long task. A
/// group not built yet is its text in one plain span (the view always holds the whole
/// text).
const GROUP_CHUNKS: usize = 50;
/// A chunk's height before it is laid out, as the stylesheet's `contain-intrinsic-size`.
const CHUNK_REM: usize = 40;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub doc: Shared<Doc>,
    pub annotations: Shared<Vec<Annotation>>,
    pub shown: Vec<Mark>,
    /// Ids lit up together (the hovered or focused annotation and its relatives).
    pub lit: Vec<String>,
    pub active: Option<String>,
    pub on_hover: Callback<Option<String>>,
    /// Each speaker's number (`edit::summary::speaker_numbers`, worked out once by the app).
    pub numbers: Rc<HashMap<String, usize>>,
    pub on_select: Callback<String>,
    /// Bring the code points `[start, end)` into the article (`true`) or push them out.
    pub on_article: Callback<(usize, usize, bool)>,
}

/// The view cut into chunks, and where each annotation's marks are.
struct Blocks {
    /// A page to sort out (furniture found or chosen), not a plain article.
    page_like: bool,
    starts: Vec<usize>,
    chunks: Vec<Shared<Chunk>>,
    /// Annotation id to the chunks holding its marks.
    of_id: HashMap<String, Vec<usize>>,
}

/// Which chunks have their marks built, for the chunk starts they were counted on.
#[derive(Default)]
struct Marked {
    starts: Vec<usize>,
    marked: Vec<bool>,
}

impl Blocks {
    /// The document laid out with the marks shown, cut into chunks.
    fn new(doc: &Doc, annotations: &[Annotation], shown: &[Mark]) -> Blocks {
        let len = doc.text.chars().count();
        let furniture = doc.furniture();
        let segments = layout(len, annotations, &furniture, |m| shown.contains(&m));
        // Controls only where there is a page to sort out, not on a plain article.
        let page_like = !furniture.is_empty() || !doc.article_choices.is_empty();
        let chunks = chunks(
            &doc.text,
            &segments,
            &blocks(&doc.text, &furniture),
            CHUNK_CHARS,
        );
        let starts = chunks.iter().map(|c| c.start).collect();
        let of_id = chunks_of_marks(&chunks)
            .into_iter()
            .filter_map(|(i, ks)| annotations.get(i).map(|a| (a.id.clone(), ks)))
            .collect();
        Blocks {
            page_like,
            starts,
            chunks: chunks.into_iter().map(|c| Shared(Rc::new(c))).collect(),
            of_id,
        }
    }

    /// The chunks holding the marks of annotation `id` (none if it has no mark).
    fn chunks_of(&self, id: Option<&String>) -> &[usize] {
        id.and_then(|id| self.of_id.get(id))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The byte where chunk `k` starts, or the text's end past the last chunk.
    fn byte_of(&self, k: usize, text: &str) -> usize {
        self.chunks
            .get(k)
            .and_then(|c| c.blocks.first())
            .map_or(text.len(), |b| b.bytes.0)
    }
}

impl Marked {
    /// Follow the blocks: another text marks its first screenfuls again; the active
    /// annotation's chunk is always marked, so scrolling to it finds its mark.
    fn follow(&mut self, blocks: &Blocks, active: Option<&String>) {
        if self.starts != blocks.starts {
            let mut chars = 0;
            self.marked = blocks
                .chunks
                .iter()
                .map(|c| {
                    let first = chars < FIRST_MARKED_CHARS;
                    chars += c.end - c.start;
                    first
                })
                .collect();
            self.starts = blocks.starts.clone();
        }
        if let Some(&k) = blocks.chunks_of(active).first() {
            self.marked[k] = true;
        }
    }
}

#[function_component(Article)]
pub fn article(p: &ArticleProps) -> Html {
    let blocks = {
        let (doc, annotations, shown) = (p.doc.clone(), p.annotations.clone(), p.shown.clone());
        use_memo(
            (p.doc.clone(), p.annotations.clone(), p.shown.clone()),
            move |_| Blocks::new(&doc, &annotations, &shown),
        )
    };
    let marked = use_mut_ref(Marked::default);
    marked.borrow_mut().follow(&blocks, p.active.as_ref());
    // Furniture blocks the person unfolded, by start. Toggled through the reducer, so
    // a chunk holding an older callback still toggles the current set.
    let unfolded = use_reducer(Unfolded::default);
    let on_fold = {
        let d = unfolded.dispatcher();
        Callback::from(move |start: usize| d.dispatch(start))
    };
    let (built, groups) = use_groups_built(&blocks, p.active.as_ref());
    let view = use_node_ref();
    use_chunk_observer(view.clone(), marked.clone(), blocks.clone(), built);

    // Lit and active ids, told only to the chunks that hold their marks.
    let mut lit: Vec<Vec<String>> = vec![Vec::new(); blocks.chunks.len()];
    for id in &p.lit {
        for &k in blocks.of_id.get(id).into_iter().flatten() {
            lit[k].push(id.clone());
        }
    }
    let active_in = blocks.chunks_of(p.active.as_ref());
    let m = marked.borrow();
    let chunks = blocks.chunks.iter().zip(lit).enumerate().take(built * GROUP_CHUNKS).map(|(k, (chunk, lit))| {
        let open: Vec<usize> = chunk
            .blocks
            .iter()
            .map(|b| b.block.start)
            .filter(|s| unfolded.0.contains(s))
            .collect();
        html! {
            <ArticleChunk key={k} index={k} doc={p.doc.clone()} chunk={chunk.clone()}
                annotations={p.annotations.clone()} marked={m.marked.get(k).copied().unwrap_or(true)}
                lit={Rc::new(lit)} active={active_in.contains(&k).then(|| p.active.clone()).flatten()}
                page_like={blocks.page_like} numbers={p.numbers.clone()} unfolded={Rc::new(open)} on_fold={on_fold.clone()}
                on_article={p.on_article.clone()} />
        }
    });
    let later = groups_not_built(&blocks, &p.doc.text, built, groups);
    html! {
        // tabindex -1: the skip link and the focus kept after a deletion land here.
        <article id="view" class={classes!("view", blocks.page_like.then_some("page-like"))}
            aria-label="Annotated article" tabindex="-1" ref={view}
            onmouseover={hover_at_target::<MouseEvent>(&p.on_hover)} onmouseleave={p.on_hover.reform(|_: MouseEvent| None)}
            onfocusin={hover_at_target::<FocusEvent>(&p.on_hover)} onfocusout={p.on_hover.reform(|_: FocusEvent| None)}
            onclick={on_click(&p.on_select)} onkeydown={on_key(&p.on_select)}>
            { for chunks }
            { for later }
        </article>
    }
}
/// How many groups of chunks are built, of how many: one more group per task after the
/// first render, and at once every group up to the active annotation's chunk.
#[hook]
fn use_groups_built(blocks: &Blocks, active: Option<&String>) -> (usize, usize) {
    let groups = blocks.chunks.len().div_ceil(GROUP_CHUNKS);
    let built_state = use_state_eq(|| 1usize);
    let active_group = blocks
        .chunks_of(active)
        .first()
        .map_or(0, |k| k / GROUP_CHUNKS + 1);
    let built = (*built_state).max(active_group).min(groups);
    let next = use_mut_ref(|| None::<Timeout>);
    let set = built_state.setter();
    use_effect_with((built, groups), move |&(built, groups)| {
        *next.borrow_mut() = (built < groups).then(|| Timeout::new(0, move || set.set(built + 1)));
    });
    (built, groups)
}

/// The IntersectionObserver that marks chunks as they come near the screen: it watches
/// the plain chunks again whenever the blocks, the marked chunks or the groups built
/// change, and is disconnected when the view goes.
#[hook]
fn use_chunk_observer(
    view: NodeRef,
    marked: Rc<RefCell<Marked>>,
    blocks: Rc<Blocks>,
    built: usize,
) {
    let redraw = use_force_update();
    let observer = use_mut_ref(|| None::<Observer>);
    {
        let marked_count = marked.borrow().marked.iter().filter(|m| **m).count();
        let observer = observer.clone();
        use_effect_with(
            (Rc::as_ptr(&blocks) as usize, marked_count, built),
            move |_| {
                let mut slot = observer.borrow_mut();
                if slot.is_none() {
                    *slot = Observer::new(marked, redraw);
                }
                if let (Some(o), Some(root)) = (slot.as_ref(), view.cast::<web_sys::Element>()) {
                    o.watch_plain_chunks(&root);
                }
            },
        );
    }
    use_effect_with((), move |_| {
        move || {
            if let Some(o) = observer.borrow_mut().take() {
                o.observer.disconnect();
            }
        }
    });
}

/// The groups not built yet: their text, plain, one span each, laid out only near the
/// screen (their height guessed from their number of chunks).
fn groups_not_built(blocks: &Blocks, text: &str, built: usize, groups: usize) -> Vec<Html> {
    (built..groups)
        .map(|g| {
            let (first, last) = (
                g * GROUP_CHUNKS,
                ((g + 1) * GROUP_CHUNKS).min(blocks.chunks.len()),
            );
            let height = format!(
                "contain-intrinsic-size: auto {}rem",
                CHUNK_REM * (last - first)
            );
            html! {
                <span key={format!("later{g}")} class="later" style={height}>
                    {text[blocks.byte_of(first, text)..blocks.byte_of(last, text)].to_string()}
                </span>
            }
        })
        .collect()
}

/// The annotation under the pointer or the focus, hovered (lit with its relatives).
fn hover_at_target<E: AsRef<Event> + 'static>(on_hover: &Callback<Option<String>>) -> Callback<E> {
    let on = on_hover.clone();
    Callback::from(move |e: E| {
        on.emit(
            e.as_ref()
                .target()
                .and_then(|t| annotation_at(&t))
                .map(|(_, id)| id),
        )
    })
}

/// A click on a mark selects its annotation, unless the click ended a text selection.
fn on_click(on_select: &Callback<String>) -> Callback<MouseEvent> {
    let on = on_select.clone();
    Callback::from(move |e: MouseEvent| {
        let selecting = gloo::utils::window()
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|s| !s.is_collapsed());
        if selecting {
            return;
        }
        if let Some((_, id)) = e.target().and_then(|t| annotation_at(&t)) {
            on.emit(id);
        }
    })
}

/// Enter or Space on a focused mark selects its annotation.
fn on_key(on_select: &Callback<String>) -> Callback<KeyboardEvent> {
    let on = on_select.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some((_, id)) = e.target().and_then(|t| annotation_at(&t)) {
                e.prevent_default();
                on.emit(id);
            }
        }
    })
}

/// The starts of the unfolded furniture blocks; an action toggles one.
#[derive(Default, PartialEq)]
struct Unfolded(HashSet<usize>);

impl Reducible for Unfolded {
    type Action = usize;
    fn reduce(self: Rc<Self>, start: usize) -> Rc<Self> {
        let mut set = self.0.clone();
        if !set.remove(&start) {
            set.insert(start);
        }
        Rc::new(Unfolded(set))
    }
}

/// The IntersectionObserver that marks chunks as they come near the screen.
struct Observer {
    observer: IntersectionObserver,
    _on_change: Closure<dyn FnMut(js_sys::Array)>,
}

impl Observer {
    fn new(marked: Rc<RefCell<Marked>>, redraw: UseForceUpdateHandle) -> Option<Observer> {
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut changed = false;
            let mut m = marked.borrow_mut();
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let k = entry
                    .target()
                    .get_attribute("data-chunk")
                    .and_then(|k| k.parse::<usize>().ok());
                if let Some(flag) = k.and_then(|k| m.marked.get_mut(k)) {
                    changed |= !*flag;
                    *flag = true;
                }
            }
            drop(m);
            if changed {
                redraw.force_update();
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(MARGIN);
        let observer =
            IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)
                .ok()?;
        Some(Observer {
            observer,
            _on_change: on_change,
        })
    }

    /// Watch the chunks under `root` that have no marks yet (and no others).
    fn watch_plain_chunks(&self, root: &web_sys::Element) {
        self.observer.disconnect();
        if let Ok(plain) = root.query_selector_all(":scope > .chunk[data-plain]") {
            for i in 0..plain.length() {
                if let Some(el) = plain
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    self.observer.observe(&el);
                }
            }
        }
    }
}
