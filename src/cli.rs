//! The `quotelens` command line: flag parsing and file I/O around the engine, nothing more.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::model::Document;

#[derive(Parser)]
#[command(name = "quotelens", version, about = "Find quotes, attributions and claims in news articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate text files and write quotelens/1 JSON.
    Annotate {
        /// Directory for NAME.json outputs; without it, one input's JSON goes to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Input files ("-" reads standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Run the command line; returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Annotate { out, files } => annotate(out.as_deref(), &files),
    }
}

fn annotate(out: Option<&Path>, files: &[PathBuf]) -> i32 {
    if out.is_none() && files.len() > 1 {
        eprintln!("quotelens: several inputs need --out DIR");
        return 2;
    }
    if let Some(dir) = out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("quotelens: cannot create {}: {e}", dir.display());
            return 1;
        }
    }
    let mut failed = false;
    for file in files {
        let text = match read_text(file) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("quotelens: {}: {msg}", file.display());
                failed = true;
                continue;
            }
        };
        let json = export_json(&text);
        let written = match out {
            Some(dir) => {
                let path = dir.join(format!("{}.json", output_stem(file)));
                std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))
            }
            None => std::io::stdout().write_all(json.as_bytes()).map_err(|e| e.to_string()),
        };
        if let Err(msg) = written {
            eprintln!("quotelens: {msg}");
            failed = true;
        }
    }
    i32::from(failed)
}

/// The quotelens/1 JSON of `text` as analysed: the same bytes the app downloads.
pub fn export_json(text: &str) -> String {
    Document::new(text, crate::analyse(text).annotations).to_json()
}

fn output_stem(file: &Path) -> String {
    if file.as_os_str() == "-" {
        return "stdin".to_string();
    }
    file.file_stem().map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned())
}

/// Read a UTF-8 text file (or standard input for "-"), refusing binary data.
fn read_text(file: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    read.map_err(|e| format!("cannot read: {e}"))?;
    if bytes.contains(&0) {
        return Err("looks binary (it holds NUL bytes), not text".to_string());
    }
    String::from_utf8(bytes).map_err(|e| format!("is not UTF-8 text (invalid byte at {})", e.utf8_error().valid_up_to()))
}
