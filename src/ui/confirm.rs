//! A modal question before something is thrown away.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub title: AttrValue,
    pub message: AttrValue,
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(Confirm)]
pub fn confirm(p: &ConfirmProps) -> Html {
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = cancel_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_key = {
        let cancel = p.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                cancel.emit(());
            }
        })
    };
    html! {
        <div class="scrim" onkeydown={on_key}>
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-title" aria-describedby="dialog-text" id="confirm">
                <h2 id="dialog-title">{p.title.clone()}</h2>
                <p id="dialog-text">{p.message.clone()}</p>
                <div class="dialog-actions">
                    <button type="button" class="btn" ref={cancel_ref} id="confirm-cancel"
                        onclick={let c = p.on_cancel.clone(); move |_| c.emit(())}>{"Cancel"}</button>
                    <button type="button" class="btn btn-danger" id="confirm-ok"
                        onclick={let c = p.on_confirm.clone(); move |_| c.emit(())}>{p.confirm_label.clone()}</button>
                </div>
            </div>
        </div>
    }
}
