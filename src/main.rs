//! The command line: the reader (its loop in `cli/reader.rs`), the
//! export, lookup and corpus generation.

use clap::{Parser, Subcommand};
use crossread::corpus::{self, Loaded};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[path = "cli/reader.rs"]
mod reader;

/// A keyboard-driven terminal reader for several sources about one story.
///
/// Opens the articles (.txt and .md) in the files and folders given, or the
/// bundled seed corpus when none are given.
#[derive(Parser, Debug)]
#[command(name = "crossread", version, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Cli {
    /// Files or folders of articles (.txt, .md); folders are read recursively.
    /// Default: the bundled seeds/ folder.
    paths: Vec<PathBuf>,

    /// Theme: a built-in name (default, dark, light, high-contrast), a name
    /// of a file in the themes folder, or a path to a .toml file.
    #[arg(long, value_name = "NAME|PATH")]
    theme: Option<String>,

    /// Keymap file that rebinds keys (default: keymap.toml in the config dir).
    #[arg(long, value_name = "PATH")]
    keymap: Option<PathBuf>,

    /// Turn colour off (as the NO_COLOR environment variable does).
    #[arg(long)]
    no_color: bool,

    /// Draw the first frame, print the time it took, and exit (benchmarks).
    #[arg(long, hide = true)]
    first_frame_exit: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the analysis of the corpus (default: the bundled seeds) to stdout.
    Export(ExportArgs),
    /// What the sources say about TERM: the card of the entity it names
    /// (by name or alias), else the text hits grouped by document. Exit
    /// code 0 when found, 1 when nothing is, 2 on error.
    Lookup(LookupArgs),
    /// Write a synthetic corpus of COUNT articles recombined from the
    /// articles in FROM (default: the seeds), for benchmarks.
    GenCorpus {
        /// How many articles to write.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// About how many bytes each article has.
        #[arg(long, default_value_t = 5000)]
        bytes: usize,
        /// Articles to take paragraphs from.
        #[arg(long)]
        from: Vec<PathBuf>,
        /// Folder to write into (created; existing files are not overwritten).
        out: PathBuf,
    },
}

#[derive(clap::Args, Debug)]
struct ExportArgs {
    /// Output format: json (the default; one object), jsonl (one object a
    /// line: a header, then documents, entities, events, claims and
    /// duplicates, each tagged with its type), or markdown, a briefing (the
    /// default with --pins or --entity).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// A briefing of the pinned items only, in their order, with their
    /// notes (the pins saved for this corpus by the reader).
    #[arg(long, conflicts_with = "entity")]
    pins: bool,
    /// A briefing about one entity, named by its name or an alias (any case).
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Indent the JSON (it is compact by default).
    #[arg(long)]
    pretty: bool,
    /// Write to FILE instead of standard output. An existing file is never
    /// replaced unless --force is given.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    force: bool,
    /// Files or folders of articles.
    paths: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct LookupArgs {
    /// A name, an alias, a word or a phrase (a capital makes case matter).
    term: String,
    /// Files or folders of articles (default: the bundled seeds).
    paths: Vec<PathBuf>,
    /// Print JSON (the shape is in the README) instead of text.
    #[arg(long)]
    json: bool,
    /// TERM is a regular expression.
    #[arg(long)]
    regex: bool,
    /// Print every source, date, claim and hit (by default long lists are
    /// cut, saying how much was left out).
    #[arg(long)]
    all: bool,
    /// At most N hits printed.
    #[arg(long, value_name = "N", default_value_t = 40)]
    max: usize,
    /// No colour even on a terminal (as NO_COLOR does).
    #[arg(long)]
    no_color: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Markdown,
}

/// Where the bundled seeds are: `$CROSSREAD_SEEDS`, else `./seeds`, else the
/// `seeds/` folder of the source tree the binary was built from.
fn default_corpus() -> PathBuf {
    if let Some(p) = std::env::var_os("CROSSREAD_SEEDS") {
        return PathBuf::from(p);
    }
    let local = PathBuf::from("seeds");
    if local.is_dir() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn config_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|d| d.join("crossread"))
}

/// Folder searched for themes named with `--theme NAME`.
fn themes_dir() -> Option<PathBuf> {
    let user = config_dir()
        .map(|d| d.join("themes"))
        .filter(|d| d.is_dir());
    user.or_else(|| {
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes")).filter(|d| d.is_dir())
    })
}

/// The message when no file of `inputs` reads as an article.
fn nothing_readable(inputs: &[PathBuf], issues: &[corpus::LoadIssue]) -> String {
    let mut msg = String::from("crossread: nothing readable to open");
    let shown: Vec<String> = inputs
        .iter()
        .map(|p| sanitize(&p.display().to_string()).into_owned())
        .collect();
    msg.push_str(&format!(" in {}", shown.join(", ")));
    if issues.is_empty() {
        msg.push_str("\n  (no .txt or .md files found)");
    }
    for i in issues {
        msg.push_str(&format!("\n  {i}"));
    }
    msg
}

fn load_corpus(paths: &[PathBuf]) -> Result<Loaded, String> {
    let inputs = if paths.is_empty() {
        vec![default_corpus()]
    } else {
        paths.to_vec()
    };
    let loaded = corpus::load_paths(&inputs);
    if loaded.documents.is_empty() {
        return Err(nothing_readable(&inputs, &loaded.issues));
    }
    Ok(loaded)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => reader::run(cli),
        Some(Command::Export(ref args)) => run_export(args),
        Some(Command::Lookup(ref args)) => run_lookup(args),
        Some(Command::GenCorpus {
            count,
            bytes,
            ref from,
            ref out,
        }) => run_gen(count, bytes, from, out),
    }
}

fn inputs_of(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![default_corpus()]
    } else {
        paths.to_vec()
    }
}

fn run_gen(count: usize, bytes: usize, from: &[PathBuf], out: &Path) -> ExitCode {
    let loaded = match load_corpus(from) {
        Ok(l) => l,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("crossread: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut written = 0;
    for (name, text) in corpus::generate::generate(&loaded.documents, count, bytes, 42) {
        let path = out.join(name);
        if path.exists() {
            continue;
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("crossread: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        written += 1;
    }
    eprintln!("wrote {written} articles to {}", out.display());
    ExitCode::SUCCESS
}

fn run_export(args: &ExportArgs) -> ExitCode {
    use crossread::export::briefing::{self, Options, Scope};
    let briefing_asked = args.pins || args.entity.is_some();
    let format = match (args.format, briefing_asked) {
        (Some(Format::Json | Format::Jsonl), true) => {
            eprintln!(
                "crossread: --pins and --entity make a Markdown briefing; drop --format json"
            );
            return ExitCode::from(2);
        }
        (Some(f), _) => f,
        (None, true) => Format::Markdown,
        (None, false) => Format::Json,
    };
    let paths = &args.paths;
    let timing = std::env::var_os("CROSSREAD_TIMING").is_some();
    let clock = Instant::now();
    let loaded = match load_corpus(paths) {
        Ok(l) => l,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    for i in &loaded.issues {
        eprintln!("crossread: {i}");
    }
    let alias_load = corpus::load_aliases(&inputs_of(paths), config_dir().as_deref());
    for i in &alias_load.issues {
        eprintln!("crossread: {i}");
    }
    if timing {
        eprintln!("  load: {:.1} ms", clock.elapsed().as_secs_f64() * 1e3);
    }
    let docs = &loaded.documents;
    let clock = Instant::now();
    let index = crossread::index::Index::build(docs, &alias_load.user);
    if timing {
        eprintln!("  analysis: {:.1} ms", clock.elapsed().as_secs_f64() * 1e3);
    }
    if matches!(format, Format::Json | Format::Jsonl) {
        // Every file skipped or read in part, and an alias file that did not
        // apply, is listed in the export itself.
        let issues: Vec<corpus::LoadIssue> = loaded
            .issues
            .iter()
            .chain(alias_load.issues.iter().filter(|i| i.skipped))
            .cloned()
            .collect();
        let export = crossread::export::Export {
            docs,
            index: &index,
            extras: crossread::export::Extras {
                issues: &issues,
                alias_files: &alias_load.files,
            },
        };
        let clock = Instant::now();
        let fill = |w: &mut dyn std::io::Write| match format {
            Format::Jsonl => crossread::export::write_jsonl(w, &export),
            _ => crossread::export::write_json(w, &export, args.pretty),
        };
        let code = write_out(args, fill);
        if timing {
            eprintln!("  export: {:.1} ms", clock.elapsed().as_secs_f64() * 1e3);
        }
        return code;
    }
    let (pins, found) = if args.pins {
        let Some(data) = crossread::pins::data_dir() else {
            eprintln!("crossread: no data folder for pins ($XDG_DATA_HOME and $HOME are unset)");
            return ExitCode::from(2);
        };
        match crossread::pins::read_pins(&data, &inputs_of(paths)) {
            Ok((file, pins)) => {
                if pins.is_empty() {
                    eprintln!(
                        "crossread: nothing is pinned for this corpus ({} has no pins)",
                        sanitize(&file.display().to_string())
                    );
                }
                let found = crossread::pins::resolve(&pins, docs, &index);
                (pins, found)
            }
            Err(e) => {
                eprintln!("crossread: pins file {}", sanitize(&e));
                return ExitCode::from(2);
            }
        }
    } else {
        (Vec::new(), Vec::new())
    };
    let scope = if args.pins {
        Scope::Pins(&pins, &found)
    } else if let Some(name) = &args.entity {
        match briefing::find_entity(&index, name) {
            Ok(e) => Scope::Entity(e),
            Err(msg) => {
                eprintln!("crossread: {msg}");
                return ExitCode::from(1);
            }
        }
    } else {
        Scope::All
    };
    let out = briefing::markdown(
        docs,
        &index,
        &Options {
            scope,
            ..Options::default()
        },
    );
    write_out(args, |w| w.write_all(out.as_bytes()))
}

/// Write the export to the `-o` file (whole or not at all; an existing file
/// only with `--force`) or, buffered, to standard output.
fn write_out(
    args: &ExportArgs,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> ExitCode {
    use crossread::export::briefing;
    if let Some(file) = &args.output {
        return match briefing::write_file_with(file, args.force, fill) {
            Ok(()) => {
                eprintln!("wrote {}", sanitize(&file.display().to_string()));
                ExitCode::SUCCESS
            }
            Err(e) => {
                let hint = if matches!(e, briefing::WriteError::Exists(_)) {
                    " (add --force to replace it)"
                } else {
                    ""
                };
                eprintln!("crossread: {}{hint}", sanitize(&e.to_string()));
                ExitCode::from(2)
            }
        };
    }
    let stdout = std::io::stdout().lock();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout);
    match fill(&mut w).and_then(|()| std::io::Write::flush(&mut w)) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crossread: cannot write the export: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_lookup(args: &LookupArgs) -> ExitCode {
    let loaded = match load_corpus(&args.paths) {
        Ok(l) => l,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    for i in &loaded.issues {
        eprintln!("crossread: {i}");
    }
    let aliases = corpus::load_aliases(&inputs_of(&args.paths), config_dir().as_deref());
    for i in &aliases.issues {
        eprintln!("crossread: {i}");
    }
    let index = crossread::index::Index::build(&loaded.documents, &aliases.user);
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let no_color = args.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let width = if terminal {
        crossterm::terminal::size().map_or(80, |(w, _)| (w as usize).clamp(40, 100))
    } else {
        80
    };
    let opts = crossread::lookup::Options {
        term: args.term.clone(),
        regex: args.regex,
        json: args.json,
        all: args.all,
        max_hits: args.max,
        color: terminal && !no_color && !args.json,
        width,
    };
    let code = crossread::lookup::run(
        &loaded.documents,
        &index,
        &opts,
        &mut stdout.lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}

fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    crossread::text::sanitize::sanitize(s)
}
