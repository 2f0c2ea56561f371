use crate::harness::{seed_text, Browser};

#[tokio::test]
async fn page_loads_and_shows_a_pasted_seed_article() {
    let b = Browser::open().await;
    assert_eq!(b.text_of("h1").await, "QuoteLens");
    let hint = b.text_of(".hint").await;
    assert!(
        hint.to_lowercase().contains("paste"),
        "a hint tells what to do: {hint}"
    );
    b.screenshot("foundation-empty").await;

    let seed = seed_text("000_0399775715a1bf4a.txt");
    b.paste("#editor", &seed).await;
    b.wait_until(
        "seed text in the view",
        "document.querySelector('#view').innerText.includes('Czech Health Minister Adam Vojtech')",
    )
    .await;
    let shown = b.text_of("#view").await;
    assert!(shown.contains("Anyone that engages in such an action should expect consequences"));
    b.screenshot("foundation-pasted-seed").await;

    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}
