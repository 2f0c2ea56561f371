//! The `quotelens-worker` binary: the analysis Web Worker on wasm32 (Trunk builds it
//! beside the app, see index.html). It has no native use.

#[cfg(target_arch = "wasm32")]
fn main() {
    quotelens::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("quotelens-worker runs only in the browser, as the app's analysis worker; use `quotelens annotate` here.");
    std::process::exit(2);
}
