//! The keyboard sheet: every shortcut on one card. "?" or the top bar's "?" button opens
//! it, Esc or Close shuts it, and the focus goes back where it was.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeysSheetProps {
    pub on_close: Callback<()>,
}

/// (keys, what they do), in the order a person meets them.
const KEYS: [(&str, &str); 15] = [
    ("Tab / Shift+Tab", "Move between highlights and controls"),
    ("Enter", "Open the highlight in focus"),
    (
        "Q, C, A",
        "Mark the selected words as a quote, a claim or a speaker",
    ),
    ("Y", "Accept the selected suggestion"),
    ("Delete", "Reject or delete the selected highlight"),
    ("Esc", "Deselect; close this sheet"),
    ("E", "Edit the article text"),
    (
        "Ctrl+F",
        "Find in the article; Enter, Shift+Enter: next, previous",
    ),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("R", "Review the suggestions, least sure first"),
    ("Y, N in review", "Accept, reject the suggestion in review"),
    ("S in review", "Fix the speaker of the suggestion in review"),
    ("→, Esc in review", "Skip it for now; stop reviewing"),
    ("?", "Show this sheet"),
];

#[function_component(KeysSheet)]
pub fn keys_sheet(p: &KeysSheetProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_key = {
        let close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                close.emit(());
            }
        })
    };
    html! {
        <div class="scrim" onkeydown={on_key}>
            <div class="dialog keys-sheet" role="dialog" aria-modal="true" aria-labelledby="keys-title" id="keys-sheet">
                <h2 id="keys-title">{"Keyboard shortcuts"}</h2>
                <dl class="keys-list">
                    { for KEYS.iter().map(|(k, what)| html! {
                        <div><dt><kbd>{*k}</kbd></dt><dd>{*what}</dd></div>
                    }) }
                </dl>
                <div class="dialog-actions">
                    <button type="button" class="btn" id="keys-close" ref={close_ref}
                        onclick={let c = p.on_close.clone(); move |_| c.emit(())}>{"Close"}<kbd>{"Esc"}</kbd></button>
                </div>
            </div>
        </div>
    }
}
