//! The `quotelens` binary: the Yew app on wasm32, the command line elsewhere.

#[cfg(target_arch = "wasm32")]
fn main() {
    quotelens::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(quotelens::cli::run(std::env::args_os()));
}
