//! The `quotelens` command line: flag parsing and file I/O around the engine, nothing more.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

mod annotate;
mod inputs;

use inputs::Listing;

use crate::engine::{CueList, Options};
use crate::formats::{self, ExportFile, Format};
use crate::model::Document;

#[derive(Parser)]
#[command(
    name = "quotelens",
    version,
    about = "Find quotes, attributions and claims in news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate text files, directories of them or JSON Lines records, and write quotelens/1 JSON (or another --format).
    Annotate {
        /// Directory for the outputs (NAME.json; a walked directory's files keep their path under it); without it or --jsonl-out, one input's JSON goes to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write one JSON Lines stream instead ("-": standard output): each input's record with its quotelens/1 document under "quotelens", in input order.
        #[arg(long, value_name = "FILE", conflicts_with = "out")]
        jsonl_out: Option<PathBuf>,
        /// native (quotelens/1 JSON), w3c (Web Annotation JSON-LD), brat (NAME.txt + NAME.ann, needs --out) or csv.
        #[arg(long, default_value = "native", value_parser = parse_format)]
        format: Format,
        /// Cue words to use instead of the built-in list: one reporting verb or phrase per line, "#" starts a comment (the app's cue list, saved).
        #[arg(long, value_name = "FILE")]
        cues: Option<PathBuf>,
        /// Also annotate the paths listed in FILE, one a line ("-": standard input).
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
        /// Also annotate the records of a JSON Lines file ("-": standard input), one {"id": ..., "text": ...} or {"id": ..., "html": ...} a line; other fields are kept.
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
        /// Inputs analysed at once (default: every core); the output is the same for any number.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Skip the inputs whose output is complete (a file under --out, a line of --jsonl-out) and go on from there.
        #[arg(long)]
        resume: bool,
        /// Input files and directories (walked for .txt, .md, .html; "-" reads standard input).
        #[arg(required_unless_present_any = ["files_from", "jsonl"])]
        files: Vec<PathBuf>,
    },
    /// Read annotations (quotelens/1 JSON, W3C JSON-LD, or a brat .ann with its .txt beside it), check them and write them --to another format.
    Convert {
        /// native, w3c, brat (needs --out) or csv.
        #[arg(long, value_parser = parse_format)]
        to: Format,
        /// Directory for the outputs, named after each input; without it, one input goes to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Annotation files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the article text of web pages: .html/.htm reduced to text, other files with page furniture removed. A page with no article (forum, product, listing) is refused with a message.
    Extract {
        /// Directory for NAME.txt outputs; without it, one input's text goes to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Input files ("-" reads standard input as text).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare two people's annotations of the same text (quotelens/1 or W3C): agreement figures by score.py's overlap rules, A as reference.
    Compare {
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
        a: PathBuf,
        b: PathBuf,
    },
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format \"{name}\" (one of: {})", names.join(", "))
    })
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
        Command::Annotate {
            out,
            jsonl_out,
            format,
            cues,
            files_from,
            jsonl,
            jobs,
            resume,
            files,
        } => {
            let options = match options(cues.as_deref()) {
                Ok(options) => options,
                Err(msg) => {
                    eprintln!("quotelens: {msg}");
                    return 2;
                }
            };
            let listing = Listing {
                files,
                files_from,
                jsonl,
                skip_dir: out.clone(),
            };
            let sink = match sink(out, jsonl_out, format, &listing, resume) {
                Ok(sink) => sink,
                Err(msg) => {
                    eprintln!("quotelens: {msg}");
                    return 2;
                }
            };
            let jobs = jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
            });
            let run = annotate::Run {
                format,
                options,
                sink,
                jobs,
                resume,
            };
            annotate::run(run, listing)
        }
        Command::Convert { to, out, files } => convert(out.as_deref(), to, &files),
        Command::Extract { out, files } => extract(out.as_deref(), &files),
        Command::Compare { json, a, b } => compare(&a, &b, json),
    }
}

/// Refuse what cannot be written before doing any work; create the output directory.
fn prepare_out(out: Option<&Path>, format: Format, inputs: usize) -> Result<(), i32> {
    if out.is_none() && inputs > 1 {
        eprintln!("quotelens: several inputs need --out DIR");
        return Err(2);
    }
    if out.is_none() && format == Format::Brat {
        eprintln!("quotelens: brat writes two files (NAME.txt and NAME.ann): give --out DIR");
        return Err(2);
    }
    if let Some(dir) = out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("quotelens: cannot create {}: {e}", dir.display());
            return Err(1);
        }
    }
    Ok(())
}

/// Write export files as DIR/STEM+suffix, or the one file to standard output.
fn write_export(out: Option<&Path>, stem: &str, files: &[ExportFile]) -> Result<(), String> {
    for file in files {
        match out {
            Some(dir) => {
                let path = dir.join(format!("{stem}{}", file.suffix));
                std::fs::write(&path, &file.bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            None => std::io::stdout()
                .write_all(&file.bytes)
                .map_err(|e| e.to_string())?,
        }
    }
    Ok(())
}

fn convert(out: Option<&Path>, to: Format, files: &[PathBuf]) -> i32 {
    if let Err(code) = prepare_out(out, to, files.len()) {
        return code;
    }
    let mut failed = false;
    for file in files {
        let converted = import_path(file)
            .and_then(|doc| write_export(out, &output_stem(file), &formats::export(&doc, to)));
        if let Err(msg) = converted {
            eprintln!("quotelens: {msg}");
            failed = true;
        }
    }
    i32::from(failed)
}

/// Import one annotation file; a brat .ann brings the .txt of the same name beside it.
fn import_path(file: &Path) -> Result<Document, String> {
    let read =
        |p: &Path| std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()));
    let name = file.display().to_string();
    let bytes = read(file)?;
    let is_ann = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ann"));
    let txt_path = file.with_extension("txt");
    let result = if is_ann && txt_path.exists() {
        let txt = read(&txt_path)?;
        formats::import_files(&[(&name, &bytes), (&txt_path.display().to_string(), &txt)])
    } else {
        formats::import(&name, &bytes)
    };
    result.map_err(|e| e.to_string())
}

/// The analysis options: the built-in ones, or with the cue list read from `cues`.
fn options(cues: Option<&Path>) -> Result<Options, String> {
    let Some(path) = cues else {
        return Ok(Options::default());
    };
    let text = read_text(path).map_err(|msg| format!("--cues {}: {msg}", path.display()))?;
    let cues = CueList::from_lines(&text);
    if cues.is_empty() {
        return Err(format!(
            "--cues {}: lists no cue words (one per line)",
            path.display()
        ));
    }
    Ok(Options { cues })
}

/// Where `annotate` writes, refusing what cannot be written before any work.
fn sink(
    out: Option<PathBuf>,
    jsonl_out: Option<PathBuf>,
    format: Format,
    listing: &Listing,
    resume: bool,
) -> Result<annotate::Sink, String> {
    if let Some(path) = jsonl_out {
        if format != Format::Native {
            return Err("--jsonl-out writes quotelens/1 (--format native) only".to_string());
        }
        if resume && path.as_os_str() == "-" {
            return Err(
                "--resume needs an output to look at: --out DIR or --jsonl-out FILE".into(),
            );
        }
        return Ok(annotate::Sink::JsonLines(path));
    }
    if out.is_none() && format == Format::Brat {
        return Err("brat writes two files (NAME.txt and NAME.ann): give --out DIR".to_string());
    }
    if out.is_none() && !listing.is_one_file() {
        return Err("several inputs need --out DIR or --jsonl-out FILE".to_string());
    }
    if out.is_none() && resume {
        return Err("--resume needs an output to look at: --out DIR or --jsonl-out FILE".into());
    }
    Ok(annotate::Sink::Files(out))
}

/// Runs `job` on the text of each input in turn; a failure is reported and the
/// other inputs are still done. Returns the exit code (1 when any input failed).
fn each_input(files: &[PathBuf], mut job: impl FnMut(&Path, String) -> Result<(), String>) -> i32 {
    let mut failed = false;
    for file in files {
        let done = read_text(file)
            .map_err(|msg| format!("{}: {msg}", file.display()))
            .and_then(|text| job(file, text));
        if let Err(msg) = done {
            eprintln!("quotelens: {msg}");
            failed = true;
        }
    }
    i32::from(failed)
}

fn extract(out: Option<&Path>, files: &[PathBuf]) -> i32 {
    if let Err(code) = prepare_out(out, Format::Native, files.len()) {
        return code;
    }
    each_input(files, |file, text| {
        let mut article = if is_html(file) {
            crate::article::article_text_from_html(&text)
                .ok_or_else(|| format!("{}: {}", file.display(), crate::article::NO_ARTICLE))?
        } else {
            crate::engine::furniture::article_body(&text)
        };
        if !article.ends_with('\n') {
            article.push('\n');
        }
        match out {
            Some(dir) => {
                let path = dir.join(format!("{}.txt", output_stem(file)));
                std::fs::write(&path, article)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))
            }
            None => std::io::stdout()
                .write_all(article.as_bytes())
                .map_err(|e| e.to_string()),
        }
    })
}

/// The quotelens/1 JSON of `text` as analysed: the same bytes the app downloads.
pub fn export_json(text: &str) -> String {
    let analysis = crate::analyse(text);
    Document::new(text, analysis.annotations)
        .with_furniture(&analysis.furniture)
        .to_json()
}

fn output_stem(file: &Path) -> String {
    if file.as_os_str() == "-" {
        return "stdin".to_string();
    }
    file.file_stem()
        .map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned())
}

/// Read a UTF-8 text file (or standard input for "-"), refusing binary data.
fn is_html(file: &Path) -> bool {
    file.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

fn read_text(file: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    read.map_err(|e| format!("cannot read: {e}"))?;
    if is_html(file) {
        return crate::article::charset::html_from_bytes(&bytes);
    }
    if bytes.contains(&0) {
        return Err("looks binary (it holds NUL bytes), not text".to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// `quotelens compare A B`: the agreement figures of two annotation files of one text.
fn compare(a: &Path, b: &Path, json: bool) -> i32 {
    let compared = import_path(a)
        .and_then(|da| Ok((da, import_path(b)?)))
        .and_then(|(da, db)| crate::edit::compare::compare(da, db).map_err(|e| e.to_string()));
    let c = match compared {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("quotelens: {msg}");
            return 1;
        }
    };
    let out = if json {
        let mut v = serde_json::json!({
            "a": a.display().to_string(), "b": b.display().to_string(),
            "pairs": c.pairs.len(), "differences": c.differences.len(),
        });
        v["figures"] = c.figures.to_json();
        format!("{v}\n")
    } else {
        crate::edit::compare::report(&c, &a.display().to_string(), &b.display().to_string())
    };
    match std::io::stdout().write_all(out.as_bytes()) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}
