//! The real `quotelens` binary on HTML files as browsers take them: a stray NUL byte is
//! dropped, a file full of them is still refused as binary.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::cli;

#[test]
fn a_stray_nul_in_a_page_is_dropped_and_a_binary_page_refused() {
    let dir = common::fresh_dir("html-bytes");
    let page = dir.join("story.html");
    let mut html = b"<html><body><article><p>The ferry to the island resumed service on Friday after a week of storms, the harbour office said.\x00</p>".to_vec();
    html.extend_from_slice(b"<p>Tickets bought for cancelled crossings will be refunded in full, according to the operator.</p></article></body></html>");
    std::fs::write(&page, &html).unwrap();
    let run = cli(&["extract", page.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.contains("the harbour office said."), "{text}");
    assert!(!text.contains('\0'), "{text:?}");
    let binary = dir.join("image.html");
    std::fs::write(
        &binary,
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0, 1, 0, 0xff],
    )
    .unwrap();
    let run = cli(&["extract", binary.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("binary"));
    let _ = std::fs::remove_dir_all(&dir);
}
