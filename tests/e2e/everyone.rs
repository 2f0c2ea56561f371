//! The page on every screen and for every reader (issue 21): the paragraph control on a
//! page, long messages, files dropped on an open document, right-to-left paragraphs, a
//! 360 px phone by touch, screen readers and keyboard focus, names and columns of the
//! exports, brat files opened again, the review count after reopening, long unbroken text.

use std::time::Duration;

use fantoccini::actions::{InputSource, PointerAction, TouchActions, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{root, scratch, Browser};

/// A short article whose quotes any engine finds: straight double quotes.
const TEXT: &str = "Bridge to reopen in May\n\nThe minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister.\n\nCritics disagreed. \"It cannot be done,\" said Tom Hale. \"Not this year,\" he added.";

const PROSE: &str = "Engineers inspected the harbour wall for the whole of Tuesday after the storm passed, walking its length and testing the gates one by one.";

/// A news page whose navigation has a line of four words and whose headline has accents.
fn page_html() -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour</title></head><body>\
         <nav><ul><li><a href='/s'>Subscribe to SN now for news</a></li><li><a href='/'>Home</a></li><li><a href='/w'>World news</a></li></ul></nav>\
         <article><h1>María-José Ortega wins the harbour vote</h1><p class='byline'>By Ann Lee</p>\
         <p>{PROSE}</p><p>\"The wall is safe and the boats can stay,\" the harbour master said on Wednesday morning.</p>\
         <p>{PROSE}</p><p>Fishermen were relieved, and the market reopened on Thursday after two days.</p></article>\
         <aside><h2>Related stories</h2><ul><li><a href='/1'>Floods close the coast road for a week</a></li>\
         <li><a href='/2'>Storm season starts early this year</a></li></ul></aside>\
         <footer>About us | Contact | Privacy</footer></body></html>"
    )
}

/// The text a browser copies beside that HTML.
fn page_plain() -> String {
    format!(
        "Subscribe to SN now for news\nHome\nWorld news\nMaría-José Ortega wins the harbour vote\nBy Ann Lee\n\n{PROSE}\n\n\"The wall is safe and the boats can stay,\" the harbour master said on Wednesday morning.\n\n{PROSE}\n\nFishermen were relieved, and the market reopened on Thursday after two days.\n\nRelated stories\nFloods close the coast road for a week\nStorm season starts early this year\nAbout us | Contact | Privacy\n"
    )
}

/// Paste the page (its HTML and its text, as a browser copies it) into the empty editor.
async fn paste_page(b: &Browser) {
    b.wait_for_css("#editor").await;
    b.paste_page("#editor", &page_html(), &page_plain()).await;
    b.wait_until(
        "the page with a quote and a paragraph control",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .para > .push-out')",
    )
    .await;
}

/// Paste `text` into the empty editor (a real `paste` event) and wait for its quotes.
async fn paste_article(b: &Browser, text: &str) {
    b.paste("#editor", text).await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
}

async fn tab(b: &Browser) {
    b.press(&Key::Tab.to_string()).await;
}

/// Press Tab until `test` (a JS expression on `document.activeElement`, as `el`) holds.
async fn tab_until(b: &Browser, what: &str, test: &str, most: usize) {
    for _ in 0..most {
        tab(b).await;
        if b.eval(&format!("(el => {test})(document.activeElement)"))
            .await
            == true
        {
            return;
        }
    }
    b.screenshot(&format!("tab-{}", what.replace(' ', "-")))
        .await;
    panic!("Tab never reaches {what}");
}

/// Whether the element matched by `css` is what a click at its centre lands on.
async fn hit_at_centre(b: &Browser, css: &str) -> Value {
    b.eval(&format!(
        "(el => {{ const r = el.getBoundingClientRect();
            const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return at === el || el.contains(at); }})(document.querySelector({}))",
        json!(css)
    ))
    .await
}

/// Tap the element matched by `css` with a finger (WebDriver touch actions).
async fn tap(b: &Browser, css: &str) {
    let element = b.wait_for_css(css).await;
    let finger = TouchActions::new("finger".into())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client
        .perform_actions(finger)
        .await
        .unwrap_or_else(|e| panic!("cannot tap {css}: {e}"));
}

/// The rectangle of the element matched by `css`: [top, bottom, left, right].
async fn rect(b: &Browser, css: &str) -> [f64; 4] {
    let v = b
        .eval(&format!(
            "(r => [r.top, r.bottom, r.left, r.right])(document.querySelector({}).getBoundingClientRect())",
            json!(css)
        ))
        .await;
    [0, 1, 2, 3].map(|i| v[i].as_f64().unwrap())
}

/// A phone: a 360 x 740 viewport.
async fn phone() -> Browser {
    let b = Browser::open_sized(500, 800).await;
    b.emulate_viewport(360, 740).await;
    b.cdp(
        "Emulation.setTouchEmulationEnabled",
        json!({"enabled": true, "maxTouchPoints": 5}),
    )
    .await;
    b.client.refresh().await.unwrap();
    b.wait_for_css("#editor, #view").await;
    assert_eq!(b.eval("innerWidth").await, 360);
    b
}

async fn dark(b: &Browser) {
    b.click("#theme-toggle").await;
    b.wait_until("dark", "document.documentElement.dataset.theme === 'dark'")
        .await;
}

#[tokio::test]
async fn the_push_out_control_can_be_seen_focused_and_clicked() {
    let b = Browser::open().await;
    paste_page(&b).await;
    let paras = b.count("#view .para").await;
    // By keyboard: the control is reached, shown, and its focus ring is not cut away.
    tab_until(
        &b,
        "a push-out control",
        "el.classList.contains('push-out')",
        80,
    )
    .await;
    let shown = b
        .eval(
            "(el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
                const chunk = el.closest('.chunk').getBoundingClientRect();
                return [s.opacity, s.outlineStyle, r.left - 3 >= chunk.left, r.width > 8]; })(document.activeElement)",
        )
        .await;
    assert_eq!(
        shown,
        json!(["1", "solid", true, true]),
        "opacity, ring, inside its chunk, size"
    );
    b.eval("document.activeElement.classList.add('e2e-focused')")
        .await;
    assert_eq!(
        hit_at_centre(&b, ".e2e-focused").await,
        true,
        "a click there lands on it"
    );
    b.screenshot("everyone-01-push-out-focused").await;
    // By mouse: a real click (WebDriver refuses one that another element would take).
    b.click(".e2e-focused").await;
    b.wait_until(
        "one paragraph fewer",
        &format!("document.querySelectorAll('#view .para').length < {paras}"),
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn a_long_message_stays_in_its_box_on_a_phone_in_dark_mode() {
    let b = phone().await;
    dark(&b).await;
    paste_article(&b, TEXT).await;
    let broken = scratch(
        "a-rather-long-file-name-for-a-phone-screen.quotelens.json",
        b"{\"format\": \"quotelens/1\", \"text\": ",
    );
    b.upload("#file-picker", &broken).await;
    b.wait_until(
        "the message",
        "document.querySelector('#notice') && document.querySelector('#notice').textContent.includes('not valid JSON')",
    )
    .await;
    let fits = b
        .eval(
            "(n => { const box = n.getBoundingClientRect(), text = n.querySelector('span').getBoundingClientRect();
                return [text.height > 40, text.top >= box.top, text.bottom <= box.bottom + 0.5,
                        text.left >= box.left, text.right <= box.right + 0.5, box.right <= innerWidth,
                        n.scrollHeight <= n.clientHeight + 1]; })(document.querySelector('#notice'))",
        )
        .await;
    assert_eq!(
        fits,
        json!([true, true, true, true, true, true, true]),
        "several lines, all inside the message box, on screen"
    );
    b.screenshot("everyone-02-long-message-phone-dark").await;
    b.close().await;
}

#[tokio::test]
async fn a_file_dropped_on_an_open_document_opens_in_the_app() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    // The browser is told the page takes the drop (else it opens the file in the tab).
    let drop = |target: &str, file: &str| {
        format!(
            "const dt = new DataTransfer();
             dt.items.add(new File([{file}], 'flood.txt', {{type: 'text/plain'}}));
             const at = document.querySelector({target});
             const over = new DragEvent('dragover', {{dataTransfer: dt, bubbles: true, cancelable: true}});
             at.dispatchEvent(over);
             const drop = new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}});
             at.dispatchEvent(drop);
             arguments[0]([over.defaultPrevented, drop.defaultPrevented]);",
            target = json!(target),
            file = json!(file),
        )
    };
    let text = "Flood update\n\n\"The water is falling,\" the mayor said.";
    let cancelled = b.eval_async(&drop("#view .mk-quote", text)).await;
    assert_eq!(
        cancelled,
        json!([true, true]),
        "dragover and drop cancelled"
    );
    b.wait_until(
        "the dropped file shown",
        "document.querySelector('#view') && document.querySelector('#view').textContent.includes('The water is falling')",
    )
    .await;
    // On the side panel too.
    let again = b
        .eval_async(&drop(
            ".panel",
            "Second file\n\n\"Dry by Friday,\" she said.",
        ))
        .await;
    assert_eq!(again, json!([true, true]));
    b.wait_until(
        "the second file shown",
        "document.querySelector('#view').textContent.includes('Dry by Friday')",
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn a_right_to_left_paragraph_keeps_its_quote_in_one_piece() {
    let b = Browser::open().await;
    // An English headline, then a Hebrew paragraph opening with a quotation.
    let text = "Bridge news in two languages\n\n\"אנחנו נבנה את הגשר עד מאי,\" אמר השר ביום שני.\n\nThe minister spoke on Monday.";
    paste_article(&b, text).await;
    let layout = b
        .eval(
            "(() => {
                const q = [...document.querySelectorAll('#view .mk-quote')].find(e => e.textContent.includes('אנחנו'));
                const line = q.parentElement.closest('[dir]');
                const r = document.createRange(); r.selectNodeContents(q);
                const boxes = [...r.getClientRects()].filter(b => b.width > 0).sort((a, b) => a.left - b.left);
                let pieces = 1;
                for (let i = 1; i < boxes.length; i++) if (boxes[i].left > boxes[i - 1].right + 1) pieces++;
                const english = [...document.querySelectorAll('#view [dir]')].find(e => e.textContent.startsWith('Bridge'));
                return [getComputedStyle(line).direction, pieces, english && getComputedStyle(english).direction];
             })()",
        )
        .await;
    assert_eq!(
        layout,
        json!(["rtl", 1, "ltr"]),
        "the Hebrew line right to left, its quote in one piece, the English line left to right"
    );
    b.screenshot("everyone-03-rtl").await;
    b.close().await;
}

#[tokio::test]
async fn the_lines_of_a_right_to_left_paragraph_sit_at_the_right() {
    let b = Browser::open().await;
    // An English headline, an Arabic paragraph long enough to wrap (a quotation first),
    // and an English one.
    let arabic = "\"سنبني الجسر قبل شهر مايو,\" قال الوزير يوم الاثنين. ".to_string()
        + &"وقال المهندسون إن العمل على الجسر الجديد سيبدأ في الربيع بعد موافقة المجلس على الخطة. "
            .repeat(4);
    let text = format!("Bridge news in two languages\n\n{arabic}\n\nThe minister spoke on Monday, and the council agreed.");
    paste_article(&b, &text).await;
    let edges = b
        .eval(
            "(() => {
                const view = document.querySelector('#view .chunk');
                const style = getComputedStyle(view);
                const box = view.getBoundingClientRect();
                const [left, right] = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
                const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                    return [...r.getClientRects()].filter(b => b.width > 0); };
                const line = start => [...document.querySelectorAll('#view [dir]')].find(e => e.textContent.includes(start));
                const ar = lines(line('سنبني'));
                const tops = new Set(ar.map(b => Math.round(b.top)));
                const byRow = [...tops].map(t => Math.max(...ar.filter(b => Math.round(b.top) === t).map(b => b.right)));
                const en = lines(line('The minister spoke'));
                return [tops.size, byRow.map(r => Math.abs(right - r) < 2), Math.abs(Math.min(...en.map(b => b.left)) - left) < 2];
             })()",
        )
        .await;
    let rows = edges[0].as_u64().unwrap();
    assert!(rows >= 2, "the Arabic paragraph wraps: {edges}");
    assert!(
        edges[1].as_array().unwrap().iter().all(|r| r == true),
        "each of its lines ends at the right edge: {edges}"
    );
    assert_eq!(
        edges[2], true,
        "the English one starts at the left: {edges}"
    );
    b.screenshot("everyone-03b-rtl-aligned").await;
    b.close().await;
}

#[tokio::test]
async fn a_right_to_left_paragraph_of_a_page_has_its_control_in_the_gutter() {
    let b = Browser::open().await;
    let arabic = "\"سنبني الجسر قبل شهر مايو,\" قال الوزير يوم الاثنين. ".to_string()
        + &"وقال المهندسون إن العمل على الجسر الجديد سيبدأ في الربيع بعد موافقة المجلس على الخطة. "
            .repeat(3);
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Bridge</title></head><body>\
         <nav><a href='/'>Home</a> | <a href='/w'>World news</a></nav><article><h1>Bridge news in two languages</h1>\
         <p>{PROSE}</p><p>{arabic}</p><p>\"The wall is safe and the boats can stay,\" the harbour master said on Wednesday.</p></article>\
         <footer>About us | Contact | Privacy</footer></body></html>"
    );
    let plain = format!(
        "Home | World news\nBridge news in two languages\n\n{PROSE}\n\n{arabic}\n\n\"The wall is safe and the boats can stay,\" the harbour master said on Wednesday.\n\nAbout us | Contact | Privacy\n"
    );
    b.wait_for_css("#editor").await;
    b.paste_page("#editor", &html, &plain).await;
    b.wait_until(
        "the page's paragraphs with their controls",
        "[...document.querySelectorAll('#view .para')].some(p => p.textContent.includes('سنبني'))",
    )
    .await;
    let placed = b
        .eval(
            "[...document.querySelectorAll('#view .para')].filter(p => p.textContent.includes('سنبني') || p.textContent.includes('Engineers'))
               .map(p => {
                 const button = p.querySelector('.push-out').getBoundingClientRect();
                 const r = document.createRange(); r.setStartAfter(p.querySelector('.push-out')); r.setEnd(p, p.childNodes.length);
                 const lines = [...r.getClientRects()].filter(b => b.width > 0);
                 const firstTop = Math.min(...lines.map(b => b.top));
                 const left = Math.min(...lines.map(b => b.left));
                 return [getComputedStyle(p).direction, button.right <= left, Math.abs(button.top - firstTop) < 20, Math.round(button.left)];
               })",
        )
        .await;
    let rows = placed.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{placed}");
    for row in rows {
        assert_eq!(row[1], true, "left of the paragraph's words: {placed}");
        assert_eq!(row[2], true, "beside its first line: {placed}");
    }
    assert_eq!(
        rows[0][3], rows[1][3],
        "the same gutter for both directions: {placed}"
    );
    b.screenshot("everyone-03c-rtl-page").await;
    b.close().await;
}

/// Whether a rectangle `[top, bottom, left, right]` lies on the phone's screen.
fn on_screen(r: [f64; 4]) -> bool {
    r[0] >= -0.5 && r[1] <= 740.5 && r[2] >= -0.5 && r[3] <= 360.5
}

#[tokio::test]
async fn on_a_phone_the_inspector_and_the_review_open_in_view_by_touch() {
    let b = phone().await;
    paste_article(&b, TEXT).await;
    a_tap_opens_the_inspector_in_view(&b).await;

    the_review_opens_in_view_by_touch(&b).await;
    b.close().await;
}

/// A tap on a quote opens the inspector on screen, the quote above it.
async fn a_tap_opens_the_inspector_in_view(b: &Browser) {
    let quote = "#view .mk-quote.first";
    b.eval(&format!(
        "document.querySelector({}).scrollIntoView({{block: 'center'}})",
        json!(quote)
    ))
    .await;
    tap(b, quote).await;
    b.wait_for_css("#inspector").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let sheet = rect(b, ".sheet").await;
    assert!(
        on_screen(sheet),
        "the inspector's sheet is on screen: {sheet:?}"
    );
    for part in [
        "#inspector .insp-head",
        "#inspector #delete",
        "#inspector #accept",
    ] {
        let r = rect(b, part).await;
        assert!(on_screen(r), "{part} is on screen: {r:?}");
        assert_eq!(hit_at_centre(b, part).await, true, "{part} takes a tap");
    }
    let mark = rect(b, "#view .mk.active").await;
    assert!(
        on_screen(mark) && mark[1] <= sheet[0] + 0.5,
        "the quote {mark:?} shows above the inspector {sheet:?}"
    );
    b.screenshot("everyone-04-phone-inspector").await;
    tap(b, "#inspector .close").await;
    b.wait_until("closed", "!document.querySelector('#inspector')")
        .await;
}

/// The review starts from a button on screen, and its controls come up on screen.
async fn the_review_opens_in_view_by_touch(b: &Browser) {
    let start = rect(b, "#review-start").await;
    assert!(
        on_screen(start),
        "the review button is on screen: {start:?}"
    );
    tap(b, "#review-start").await;
    b.wait_for_css("#review-accept").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let total = b
        .eval("document.querySelector('#review-progress').textContent")
        .await;
    for control in [
        "#review-accept",
        "#review-reject",
        "#review-skip",
        "#review-stop",
    ] {
        let r = rect(b, control).await;
        assert!(on_screen(r), "{control} is on screen: {r:?}");
        assert_eq!(
            hit_at_centre(b, control).await,
            true,
            "{control} takes a tap"
        );
    }
    let review = rect(b, "#review").await;
    let item = rect(b, "#view .mk.active").await;
    assert!(
        on_screen(item) && item[1] <= review[0] + 0.5,
        "the item {item:?} shows above the review controls {review:?}"
    );
    b.screenshot("everyone-05-phone-review").await;
    tap(b, "#review-accept").await;
    b.wait_until(
        "one reviewed",
        "document.querySelector('#review-progress').textContent.startsWith('1 of')",
    )
    .await;
    assert_ne!(total, json!(null));
    assert_eq!(
        b.eval("document.documentElement.scrollWidth <= innerWidth")
            .await,
        true,
        "no sideways scrolling"
    );
}

#[tokio::test]
async fn highlights_are_named_skip_links_lead_on_and_focus_stays_put() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    every_highlight_and_field_has_a_name(&b).await;

    skip_links_lead_to_the_article_and_the_side_panel(&b).await;

    delete_on_a_focused_highlight_moves_the_focus_on(&b).await;

    closing_new_returns_to_its_button_and_a_sample_to_the_article(&b).await;
    b.close().await;
}

/// Every highlight one can focus has a role and a name: kind and speaker.
async fn every_highlight_and_field_has_a_name(b: &Browser) {
    let unnamed = b
        .eval("[...document.querySelectorAll('#view .mk[tabindex]')].filter(e => !e.getAttribute('role') || !e.getAttribute('aria-label')).length")
        .await;
    assert_eq!(unnamed, 0);
    // The cue words' field is inside a closed <details>: open it.
    b.click("#cue-editor summary").await;
    b.wait_for_css("#cue-new").await;
    b.cdp("Accessibility.enable", json!({})).await;
    let tree = b.cdp("Accessibility.getFullAXTree", json!({})).await;
    let names: Vec<String> = tree["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["role"]["value"] == "button")
        .filter_map(|n| n["name"]["value"].as_str().map(str::to_string))
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("quote by Anna Berg: We will rebuild")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "speaker Tom Hale"), "{names:?}");
    let cue_input = tree["nodes"].as_array().unwrap().iter().find(|n| {
        n["role"]["value"] == "textbox"
            && n["name"]["value"]
                .as_str()
                .is_some_and(|s| s.contains("cue word"))
    });
    assert!(cue_input.is_some(), "the cue-word field has a name");
}

/// Skip links: the first Tab stops, to the article and to the side panel.
async fn skip_links_lead_to_the_article_and_the_side_panel(b: &Browser) {
    b.eval("(document.activeElement.blur(), window.scrollTo(0, 0))")
        .await;
    b.client.refresh().await.unwrap();
    b.wait_for_css("#view .mk-quote").await;
    tab(b).await;
    assert_eq!(
        b.eval("document.activeElement.textContent").await,
        "Skip to the article"
    );
    b.press(&Key::Enter.to_string()).await;
    assert_eq!(b.eval("document.activeElement.id").await, "view");
    tab(b).await;
    assert_eq!(
        b.eval("document.activeElement.classList.contains('mk')")
            .await,
        true,
        "the next Tab is in the article"
    );
    b.eval("document.activeElement.blur()").await;
    b.client.refresh().await.unwrap();
    b.wait_for_css("#view .mk-quote").await;
    tab(b).await;
    tab(b).await;
    assert_eq!(
        b.eval("document.activeElement.textContent").await,
        "Skip to the side panel"
    );
    b.press(&Key::Enter.to_string()).await;
    assert_eq!(b.eval("document.activeElement.id").await, "side-panel");
}

/// Delete on a focused highlight: the focus goes on to the next one.
async fn delete_on_a_focused_highlight_moves_the_focus_on(b: &Browser) {
    b.eval("document.querySelector('#view').focus()").await;
    tab_until(b, "a quote", "el.classList.contains('mk-quote')", 10).await;
    let first = b.eval("document.activeElement.dataset.id").await;
    b.press(&Key::Enter.to_string()).await;
    b.wait_for_css("#inspector").await;
    b.press(&Key::Delete.to_string()).await;
    b.wait_until(
        "the quote gone",
        &format!("!document.querySelector('#view .mk[data-id=\"' + {first} + '\"]')"),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        b.eval("document.activeElement.matches('#view .mk[tabindex], #view')")
            .await,
        true,
        "focus stays in the article, not on the page: {}",
        b.eval("document.activeElement.outerHTML.slice(0, 80)")
            .await
    );
}

/// Closing the New dialog returns to its button; a sample goes on to the article.
async fn closing_new_returns_to_its_button_and_a_sample_to_the_article(b: &Browser) {
    b.click("#new-doc").await;
    b.wait_for_css("#confirm").await;
    b.press(&Key::Escape.to_string()).await;
    b.wait_until("the dialog closed", "!document.querySelector('#confirm')")
        .await;
    b.wait_until("back on New", "document.activeElement.id === 'new-doc'")
        .await;
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.client
        .find(Locator::Css(".sample"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_until(
        "the sample, focused",
        "document.activeElement.id === 'view'",
    )
    .await;
}

#[tokio::test]
async fn downloads_are_named_from_the_headline_and_the_csv_says_who_and_whether_reviewed() {
    let b = Browser::open().await;
    paste_page(&b).await;
    b.click("#download-json").await;
    let json = b.downloaded(".quotelens.json").await;
    assert_eq!(
        json.file_name().unwrap().to_string_lossy(),
        "maría-josé-ortega-wins-the-harbour-vote.quotelens.json"
    );
    // Accept the quote, then the CSV.
    b.eval("document.querySelector('#view .mk-quote.first').click()")
        .await;
    b.click("#accept").await;
    b.wait_for_css("#view .mk-quote.mine").await;
    b.click("#more-formats summary").await;
    b.click("#export-csv").await;
    let csv = std::fs::read_to_string(b.downloaded(".csv").await).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "kind,speaker,cue,text,start,end,score,rule,confidence,origin,review"
    );
    let quote = lines.find(|l| l.starts_with("quote,")).unwrap();
    assert!(quote.ends_with(",user,reviewed"), "{quote}");
    b.close().await;
}

#[tokio::test]
async fn brat_files_open_again_and_the_review_count_survives_a_reopening() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    // Review three suggestions: accept, reject, accept.
    b.eval("document.activeElement.blur()").await;
    b.click("#review-start").await;
    b.wait_for_css("#review-accept").await;
    for id in ["#review-accept", "#review-reject", "#review-accept"] {
        let before = b
            .eval("document.querySelector('#review-progress').textContent")
            .await;
        b.click(id).await;
        b.wait_until(
            "the next step",
            &format!("document.querySelector('#review-progress').textContent !== {before}"),
        )
        .await;
    }
    let progress = b
        .eval("document.querySelector('#review-progress').textContent")
        .await;
    assert!(progress.as_str().unwrap().starts_with("3 of"), "{progress}");
    b.click("#review-stop").await;
    b.click("#download-json").await;
    let saved = b.downloaded(".quotelens.json").await;
    let saved = scratch("reviewed.quotelens.json", &std::fs::read(saved).unwrap());
    b.click("#more-formats summary").await;
    b.click("#export-brat").await;
    let ann_path = b.downloaded(".ann").await;
    let ann = std::fs::read(&ann_path).unwrap();
    let txt_name = ann_path.with_extension("txt");
    let txt_name = txt_name.file_name().unwrap().to_string_lossy();
    let txt = std::fs::read(b.downloaded(&txt_name).await).unwrap();
    let quotes = b.count("#view .mk-quote.first").await;

    // Reopened: the count goes on where it was.
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.upload("#file-picker", &saved).await;
    b.wait_until(
        "the count as it was",
        &format!(
            "document.querySelector('.review-count') && document.querySelector('.review-count').textContent === {progress}"
        ),
    )
    .await;

    // brat: the .txt and the .ann chosen together open as the document.
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    let (t, a) = (scratch("bridge.txt", &txt), scratch("bridge.ann", &ann));
    b.upload(
        "#file-picker",
        std::path::Path::new(&format!("{}\n{}", t.display(), a.display())),
    )
    .await;
    b.wait_until(
        "the brat document",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .mk-speaker')",
    )
    .await;
    assert!(b.count("#view .mk-quote.first").await <= quotes);
    assert_eq!(
        b.eval("document.querySelector('#view').textContent").await,
        TEXT
    );
    b.close().await;
}

#[tokio::test]
async fn long_unbroken_text_does_not_widen_the_side_panel() {
    let b = Browser::open().await;
    // A quote opening with a 400-letter word: the side panel's excerpts of it are unbroken.
    let long = "Ha".repeat(200);
    let text = format!(
        "Storm news today in brief\n\n\"{long} is what they chanted all night,\" said Anna Berg.\n\nThe storm passed on Monday."
    );
    paste_article(&b, &text).await;
    b.eval("document.querySelector('#view .mk-quote.first').click()")
        .await;
    b.wait_for_css("#inspector").await;
    b.wait_until("the quote listed", "document.querySelector('.entry')")
        .await;
    let wide = b
        .eval(
            "['.panel', '.panel-body', '#inspector', '.entry'].filter(s => {
                const el = document.querySelector(s); return el.scrollWidth > el.clientWidth + 1; })",
        )
        .await;
    assert_eq!(
        wide,
        json!([]),
        "nothing in the side panel scrolls sideways"
    );
    b.close().await;
}

#[tokio::test]
async fn a_keyboard_sheet_opens_with_question_mark_or_its_button_and_esc_closes_it() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    b.eval("document.activeElement.blur()").await;
    b.press("?").await;
    b.wait_for_css("#keys-sheet").await;
    let sheet = b.text_of("#keys-sheet").await;
    for key in ["Ctrl+Z", "Delete", "Review the suggestions"] {
        assert!(sheet.contains(key), "{key} in {sheet}");
    }
    assert_eq!(b.eval("document.activeElement.id").await, "keys-close");
    b.screenshot("everyone-06-keys").await;
    b.press(&Key::Escape.to_string()).await;
    b.wait_until("closed", "!document.querySelector('#keys-sheet')")
        .await;
    // Esc closed the sheet and nothing else: the article is still there, nothing selected.
    assert!(b.count("#view .mk-quote").await > 0);
    b.click("#keys-open").await;
    b.wait_for_css("#keys-sheet").await;
    b.press(&Key::Escape.to_string()).await;
    b.wait_until("closed again", "!document.querySelector('#keys-sheet')")
        .await;
    assert_eq!(b.eval("document.activeElement.id").await, "keys-open");
    b.close().await;
}

/// axe-core (installed from npm by `setup_browser`, loaded into the page by the test
/// only) finds no serious or critical problem in the reading view with the inspector
/// open, the review queue running, and the input view, in light and dark themes.
#[tokio::test]
async fn an_axe_audit_finds_nothing_serious_in_light_and_dark() {
    let path = root().join(".tools/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run `source scripts/setup.sh; setup_browser`",
            path.display()
        )
    });
    let b = Browser::open().await;
    let audit = |what: &'static str| {
        let axe = axe.clone();
        let b = &b;
        async move {
            b.client.execute(&axe, vec![]).await.unwrap();
            let found = b
                .eval_async(
                    "axe.run(document, {resultTypes: ['violations']}).then(r => arguments[0](
                        r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                         .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))),
                      e => arguments[0](['axe failed: ' + e]))",
                )
                .await;
            assert_eq!(found, json!([]), "{what}");
        }
    };
    audit("input view, light").await;
    paste_article(&b, TEXT).await;
    b.eval("document.querySelector('#view .mk-quote.first').click()")
        .await;
    b.wait_for_css("#inspector").await;
    // Let the highlight colour transitions finish.
    tokio::time::sleep(Duration::from_millis(400)).await;
    audit("reading view with the inspector, light").await;
    dark(&b).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    audit("reading view with the inspector, dark").await;
    b.eval("document.activeElement.blur()").await;
    b.click("#review-start").await;
    b.wait_for_css("#review-accept").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    audit("review queue, dark").await;
    b.close().await;
}

#[tokio::test]
async fn the_print_view_has_the_marked_article_and_who_said_what_and_no_controls() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    // The side panel lists the speakers a moment after the highlights (its own render);
    // printing before that would print no list.
    b.wait_for_css(".speakers li").await;
    b.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}))
        .await;
    let shown = b
        .eval(
            "['.topbar', '.toolbar', '.review-bar', '.cue-editor', '#panel-filter', '#view', '.panel', '.speakers']
               .map(s => { const el = document.querySelector(s);
                  return !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0; })",
        )
        .await;
    assert_eq!(
        shown,
        json!([false, false, false, false, false, true, true, true]),
        "top bar, toolbar, review, cue words, filter hidden; article and list shown"
    );
    let after = b
        .eval("document.querySelector('.panel').getBoundingClientRect().top >= document.querySelector('#view').getBoundingClientRect().bottom")
        .await;
    assert_eq!(after, true, "who said what follows the article");
    assert_eq!(
        b.eval("getComputedStyle(document.querySelector('#view .mk-quote')).printColorAdjust")
            .await,
        "exact",
        "the marks keep their colours on paper"
    );
    let pdf = b.cdp("Page.printToPDF", json!({})).await;
    assert!(pdf["data"].as_str().map_or(0, str::len) > 1000, "a PDF");
    b.close().await;
}

#[tokio::test]
async fn each_speaker_has_a_colour_and_a_number_in_both_themes() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    let looks = "[...document.querySelectorAll('#view .mk-quote.first')].map(q =>
        [q.textContent, getComputedStyle(q).borderBottomColor, getComputedStyle(q, '::before').content])";
    for theme in ["light", "dark"] {
        if theme == "dark" {
            dark(&b).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        let quotes = b.eval(looks).await;
        let quotes = quotes.as_array().unwrap();
        let of = |words: &str| {
            quotes
                .iter()
                .find(|q| q[0].as_str().unwrap().contains(words))
                .unwrap_or_else(|| panic!("a quote with {words:?}: {quotes:?}"))
        };
        let (anna, tom, tom_again) = (of("rebuild"), of("cannot"), of("Not this year"));
        assert_ne!(anna[1], tom[1], "{theme}: two speakers, two colours");
        assert_eq!(tom[1], tom_again[1], "{theme}: one speaker, one colour");
        assert_eq!(
            (anna[2].as_str(), tom[2].as_str()),
            (Some("\"1\""), Some("\"2\"")),
            "{theme}: and a number each"
        );
        // The speaker's mention has the colour of their quotes.
        let mention = b
            .eval("getComputedStyle([...document.querySelectorAll('#view .mk-speaker')].find(e => e.textContent === 'Anna Berg')).boxShadow")
            .await;
        assert!(
            mention
                .as_str()
                .unwrap()
                .contains(anna[1].as_str().unwrap()),
            "{theme}: {mention} has {}",
            anna[1]
        );
    }
    b.screenshot("everyone-07-speaker-colours-dark").await;
    b.close().await;
}

#[tokio::test]
async fn find_in_the_article_paints_the_matches_and_steps_through_them() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    b.eval("document.activeElement.blur()").await;
    b.press(&format!("{}f", char::from(Key::Control))).await;
    b.wait_until(
        "the find field focused",
        "document.activeElement.id === 'find'",
    )
    .await;
    b.press("SAID").await;
    let painted =
        "(() => { const all = CSS.highlights.get('find'), now = CSS.highlights.get('find-current');
        return [all ? all.size : 0, now && now.size ? [...now][0].toString() : null,
                document.querySelector('#find-count').textContent]; })()";
    b.wait_until(
        "two matches",
        "document.querySelector('#find-count').textContent === '1 of 2'",
    )
    .await;
    assert_eq!(b.eval(painted).await, json!([2, "said", "1 of 2"]));
    b.press(&Key::Enter.to_string()).await;
    b.wait_until(
        "the second",
        "document.querySelector('#find-count').textContent === '2 of 2'",
    )
    .await;
    // The current match is the second "said" of the article (the cue of Tom Hale's quote).
    let second = b
        .eval("[...CSS.highlights.get('find-current')][0].startContainer.parentElement
                === [...document.querySelectorAll('#view .mk-cue')].filter(e => e.textContent === 'said')[1]")
        .await;
    assert_eq!(second, true);
    b.press(&format!(
        "{}{}",
        char::from(Key::Shift),
        char::from(Key::Enter)
    ))
    .await;
    b.wait_until(
        "the first again",
        "document.querySelector('#find-count').textContent === '1 of 2'",
    )
    .await;
    b.press(&Key::Escape.to_string()).await;
    b.wait_until(
        "cleared, back in the article",
        "document.activeElement.id === 'view' && CSS.highlights.get('find').size === 0",
    )
    .await;
    assert_eq!(
        b.eval("document.querySelector('#view').textContent").await,
        TEXT,
        "the view's text is untouched"
    );
    b.close().await;
}
