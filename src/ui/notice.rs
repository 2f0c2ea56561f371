//! One message line for the person: errors as alerts, the rest as status.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub message: Option<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notice)]
pub fn notice(p: &NoticeProps) -> Html {
    let Some(msg) = &p.message else {
        return html! { <div class="notice-slot" role="status" aria-live="polite"></div> };
    };
    let on = p.on_dismiss.clone();
    html! {
        <div class="notice-slot" role="alert">
            <div class="notice" id="notice">
                <span>{msg.clone()}</span>
                <button type="button" class="btn btn-icon" aria-label="Dismiss" onclick={move |_| on.emit(())}>{"×"}</button>
            </div>
        </div>
    }
}
