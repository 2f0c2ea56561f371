//! The analysis reply's size and the page's cost to read it, natively (instructions under
//! callgrind are the figure to compare): `cargo run --release --example reply_speed -- FILE...`
//! reads the files as one text (PolNeAR dev articles repeated to 1 MB is the benchmark's).
use std::time::Instant;

use quotelens::worker::protocol::Request;
use quotelens::worker::reply_codec::{decode, encode};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (rounds, files) = match args.first().and_then(|a| a.parse::<usize>().ok()) {
        Some(n) => (n, &args[1..]),
        None => (5, &args[..]),
    };
    let text: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let request = Request {
        seq: 1,
        text: text.clone(),
        setting: Default::default(),
        options: None,
    };
    let reply = request.answer();
    let (mut bytes, mut encoded) = (Vec::new(), f64::MAX);
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t0 = Instant::now();
        bytes = encode(&reply, &text).unwrap();
        encoded = encoded.min(t0.elapsed().as_secs_f64() * 1e3);
        let t0 = Instant::now();
        let back = decode(&bytes, &text).unwrap();
        best = best.min(t0.elapsed().as_secs_f64() * 1e3);
        assert_eq!(back.annotations.len(), reply.annotations.len());
    }
    println!(
        "{} bytes of text, {} annotations: reply {} bytes (plain JSON {}); best of {rounds}: encode {encoded:.2} ms, decode {best:.2} ms",
        text.len(),
        reply.annotations.len(),
        bytes.len(),
        serde_json::to_string(&reply.annotations).unwrap().len(),
    );
}
