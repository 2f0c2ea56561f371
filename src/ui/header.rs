//! The top bar: the app's name and the document-wide commands.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::formats::Format;

/// A command from the top bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Command {
    New,
    /// Download the document in a format (quotelens/1 JSON is the main button).
    Export(Format),
    Copy,
    Undo,
    Redo,
    ToggleTheme,
    /// Show the keyboard sheet.
    Keys,
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub has_text: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub dark: bool,
    pub on_command: Callback<Command>,
    /// Files picked together (one, or a brat `.txt` with its `.ann`).
    pub on_file: Callback<Vec<File>>,
}

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let picker = use_node_ref();
    let open = super::files::picker_opener(&picker);
    let button = |cmd: Command, label: &str, title: &str, enabled: bool, class: &str| {
        command_button(&p.on_command, cmd, label, title, enabled, class)
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <svg class="logo" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10" cy="10" r="6.5" /><path d="M15 15l6 6" /><path d="M7.5 8.5h1.8v3H7.3zM11 8.5h1.8v3h-2" /></svg>
                <h1>{"QuoteLens"}</h1>
            </div>
            <nav class="commands" aria-label="Document">
                { button(Command::New, "New", "Start a new document", p.has_text, "") }
                <button type="button" class="btn" id="open-file" title="Open a .txt, .md, .html or .quotelens.json file, or a brat .txt with its .ann" onclick={open}>{"Open…"}</button>
                <input ref={picker} id="file-picker" type="file" multiple=true class="visually-hidden" tabindex="-1" aria-label="Open a file"
                    accept=".txt,.md,.markdown,.html,.htm,.json,.jsonld,.ann,text/plain,text/markdown,text/html,application/json" onchange={on_files_picked(&p.on_file)} />
                <span class="sep" aria-hidden="true"></span>
                { button(Command::Undo, "Undo", "Undo (Ctrl+Z)", p.can_undo, "icon-undo") }
                { button(Command::Redo, "Redo", "Redo (Ctrl+Shift+Z)", p.can_redo, "icon-redo") }
                <span class="sep" aria-hidden="true"></span>
                { button(Command::Copy, "Copy JSON", "Copy the annotations as quotelens/1 JSON", p.has_text, "") }
                { button(Command::Export(Format::Native), "Download JSON", "Save the annotations as a .quotelens.json file", p.has_text, "btn-primary") }
                { more_formats_menu(p) }
                <button type="button" class="btn btn-icon" id="keys-open" aria-label="Keyboard shortcuts" aria-keyshortcuts="?"
                    title="Keyboard shortcuts (?)" onclick={p.on_command.reform(|_| Command::Keys)}>{"?"}</button>
                { theme_toggle(p) }
            </nav>
        </header>
    }
}

/// A command as a button, with the id the tests and the stylesheet know it by.
fn command_button(
    on_command: &Callback<Command>,
    cmd: Command,
    label: &str,
    title: &str,
    enabled: bool,
    class: &str,
) -> Html {
    let id = match cmd {
        Command::New => "new-doc",
        Command::Export(_) => "download-json",
        Command::Copy => "copy-json",
        Command::Undo => "undo",
        Command::Redo => "redo",
        Command::ToggleTheme => "theme",
        Command::Keys => "keys-open",
    };
    html! {
        <button type="button" {id} class={classes!("btn", class.to_string())} title={title.to_string()}
            disabled={!enabled} onclick={on_command.reform(move |_| cmd)}>{label.to_string()}</button>
    }
}

/// Files picked in the hidden file input; the input is emptied so the same file can be
/// picked again.
fn on_files_picked(on_file: &Callback<Vec<File>>) -> Callback<Event> {
    let on_file = on_file.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(list) = input.files() {
            let files: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            if !files.is_empty() {
                on_file.emit(files);
            }
        }
        input.set_value("");
    })
}

/// "More": the other download formats and printing, in a menu that closes once used.
fn more_formats_menu(p: &HeaderProps) -> Html {
    html! {
        <details class="menu" id="more-formats">
            <summary class="btn" aria-label="More download formats" title="Other formats">{"More"}</summary>
            <ul class="menu-list">
                { for [Format::W3c, Format::Brat, Format::Csv].into_iter().map(|f| {
                    let on = p.on_command.clone();
                    html! {
                        <li><button type="button" class="menu-item" id={format!("export-{}", f.name())} disabled={!p.has_text}
                            onclick={move |e: MouseEvent| {
                                on.emit(Command::Export(f));
                                close_menu(&e);
                            }}>{f.label()}</button></li>
                    }
                }) }
                <li><button type="button" class="menu-item" id="print" disabled={!p.has_text}
                    onclick={|e: MouseEvent| {
                        close_menu(&e);
                        let _ = gloo::utils::window().print();
                    }}>{"Print or save as PDF"}</button></li>
            </ul>
        </details>
    }
}

/// The light/dark switch, showing the moon in the dark theme and the sun in the light.
fn theme_toggle(p: &HeaderProps) -> Html {
    html! {
        <button type="button" class="btn btn-icon" id="theme-toggle" aria-pressed={p.dark.to_string()}
            aria-label="Dark theme" title="Switch between light and dark themes"
            onclick={p.on_command.reform(|_| Command::ToggleTheme)}>
            if p.dark {
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" /></svg>
            } else {
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="4.5" /><path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" /></svg>
            }
        </button>
    }
}

/// Close the `<details>` menu the event came from.
fn close_menu(e: &MouseEvent) {
    use wasm_bindgen::JsCast;
    let details = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("details").ok().flatten());
    if let Some(d) = details {
        let _ = d.remove_attribute("open");
    }
}
