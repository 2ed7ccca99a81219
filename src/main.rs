//! The command line, terminal set-up and restore, and the event loop.

use clap::{Parser, Subcommand};
use crossread::app::{AppState, Ctx, Input, Keymap};
use crossread::corpus::{self, Loaded};
use crossread::text::wrap::WrapCache;
use crossread::ui::{
    self, View,
    theme::{self, Theme},
};
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

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

/// The analysis (then the finder's list) and the search index, each on a
/// thread of its own, sending their results to the reader's loop.
fn spawn_background(
    docs: &std::sync::Arc<Vec<corpus::Document>>,
    aliases: crossread::analysis::entities::UserAliases,
    tx: std::sync::mpsc::Sender<std::sync::Arc<crossread::index::Index>>,
    finder_tx: std::sync::mpsc::Sender<crossread::search::finder::FinderIndex>,
    search_tx: std::sync::mpsc::Sender<crossread::search::SearchIndex>,
) {
    let d = docs.clone();
    std::thread::spawn(move || {
        let index = std::sync::Arc::new(crossread::index::Index::build(&d, &aliases));
        if tx.send(index.clone()).is_ok() {
            let items = crossread::search::finder::FinderIndex::build(&d, Some(&index));
            let _ = finder_tx.send(items);
        }
    });
    let d = docs.clone();
    std::thread::spawn(move || {
        let _ = search_tx.send(crossread::search::SearchIndex::build(&d));
    });
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
        None => run_reader(cli),
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

fn run_reader(cli: Cli) -> ExitCode {
    let started = Instant::now();
    let mut notes: Vec<String> = Vec::new();
    let no_color = cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let chosen = match cli.theme.as_deref() {
        None => None,
        Some(t) => match Theme::load(t, themes_dir().as_deref()) {
            Ok(th) => Some(th),
            Err(e) => {
                notes.push(format!("{e}; using the default theme"));
                None
            }
        },
    };
    let (themes, theme_start) = theme::theme_set(chosen, no_color);
    let mut keymap = Keymap::default();
    let keymap_file = cli.keymap.clone().or_else(|| {
        config_dir()
            .map(|d| d.join("keymap.toml"))
            .filter(|p| p.is_file())
    });
    if let Some(p) = keymap_file {
        match std::fs::read_to_string(&p)
            .map_err(|e| e.to_string())
            .and_then(|s| keymap.apply_user(&s))
        {
            Ok(()) => {}
            Err(e) => notes.push(format!("keymap {}: {e}; default keys kept", p.display())),
        }
    }
    // The first document is read alone and shown at once; the other files
    // are read in the background (in parallel), then analysed and indexed
    // for search, with progress in the status bar.
    let inputs = inputs_of(&cli.paths);
    let (files, first_issues, first) = corpus::load_first(&inputs);
    let Some(first) = first else {
        eprintln!("{}", nothing_readable(&inputs, &first_issues));
        return ExitCode::from(2);
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("crossread: the reader needs a terminal (stdout is not one)");
        return ExitCode::from(2);
    }
    // Problems of the configuration and the alias files, kept apart from
    // the files' own (which the full read reports again).
    let mut own_issues: Vec<corpus::LoadIssue> = notes
        .iter()
        .map(|n| corpus::LoadIssue {
            path: PathBuf::from("config"),
            problem: n.clone(),
            skipped: false,
        })
        .collect();
    let alias_load = corpus::load_aliases(&inputs, config_dir().as_deref());
    own_issues.extend(alias_load.issues);
    let aliases = alias_load.user;
    // An alias file that came with the corpus folder is announced in the
    // status bar at start (and listed in the load log).
    let alias_note = alias_load
        .files
        .iter()
        .find(|f| f.from_corpus)
        .map(|f| format!("{} · ! log", f.announce()));
    let mut issues = first_issues;
    issues.extend(own_issues.iter().cloned());
    let mut docs = std::sync::Arc::new(vec![first]);
    let file_count = files.len();
    let (load_tx, load_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let walk_issues = Vec::new();
        let _ = load_tx.send(corpus::load_files(files, walk_issues));
    });
    let mut loading = true;

    // Once every file is read, the analysis runs in the background; the
    // finder's list follows it (it lists what the analysis found), and the
    // search index, which does not need the analysis, is built beside it.
    let (tx, rx) = std::sync::mpsc::channel();
    let (finder_tx, finder_rx) = std::sync::mpsc::channel();
    let (search_tx, search_rx) = std::sync::mpsc::channel();
    let mut background = Some((aliases, tx, finder_tx, search_tx));
    let mut finder: Option<crossread::search::finder::FinderIndex> = None;
    let mut index: Option<std::sync::Arc<crossread::index::Index>> = None;
    let mut analysis_started = Instant::now();
    let mut search: Option<crossread::search::SearchIndex> = None;

    let mut terminal = match crossread::terminal::init(true) {
        Ok(t) => t,
        Err(e) => {
            crossread::terminal::restore();
            eprintln!("crossread: cannot set up the terminal: {e}");
            return ExitCode::FAILURE;
        }
    };
    let size = terminal
        .size()
        .map(|s| Rect::new(0, 0, s.width, s.height))
        .unwrap_or_default();
    let mut state = AppState::new(docs.len(), theme_start, themes.len(), size);
    state.theme_names = themes.iter().map(|t| t.name.clone()).collect();
    let mut mouse_on = state.mouse;
    if let Some(n) = notes.first().or(alias_note.as_ref()) {
        state.message = Some(n.clone());
    }
    // The pins saved for this corpus (what the store reports on opening,
    // such as a corrupt file moved aside, shows in the status bar and `L`).
    state.attach_pins(crossread::pins::PinStore::open(&inputs_of(&cli.paths)));
    let wraps = WrapCache::default();
    let help_lines = ui::help::lines(&keymap).len();
    let mut dirty = true;
    let mut first_frame: Option<Duration> = None;
    // What `update` reads, from the loop's current documents and indexes.
    macro_rules! ctx {
        () => {
            Ctx {
                docs: &docs,
                issues: &issues,
                wraps: &wraps,
                help_lines,
                index: index.as_deref(),
                search: search.as_ref(),
                finder: finder.as_ref(),
            }
        };
    }
    let result: std::io::Result<()> = (|| {
        loop {
            if loading && let Ok(mut loaded) = load_rx.try_recv() {
                loading = false;
                if loaded.documents.is_empty() {
                    // Read once, gone since: keep the one shown.
                    loaded.documents = docs.to_vec();
                }
                issues = loaded.issues;
                issues.extend(own_issues.iter().cloned());
                docs = std::sync::Arc::new(loaded.documents);
                if let Some((aliases, tx, finder_tx, search_tx)) = background.take() {
                    spawn_background(&docs, aliases, tx, finder_tx, search_tx);
                }
                analysis_started = Instant::now();
                let ctx = ctx!();
                state.update(Input::Loaded, &ctx);
                dirty = true;
            }
            if index.is_none()
                && let Ok(ix) = rx.try_recv()
            {
                index = Some(ix);
                let ctx = ctx!();
                state.update(Input::Analysed, &ctx);
                dirty = true;
            }
            if finder.is_none()
                && let Ok(f) = finder_rx.try_recv()
            {
                finder = Some(f);
                let ctx = ctx!();
                state.update(Input::FinderReady, &ctx);
                dirty = true;
            }
            if search.is_none()
                && let Ok(s) = search_rx.try_recv()
            {
                search = Some(s);
                let ctx = ctx!();
                state.update(Input::Indexed, &ctx);
                dirty = true;
            }
            if dirty {
                let progress = if loading {
                    Some(format!(
                        "reading {file_count} files… {:.1} s",
                        started.elapsed().as_secs_f64()
                    ))
                } else {
                    index.is_none().then(|| {
                        format!(
                            "analysing {} articles… {:.1} s",
                            docs.len(),
                            analysis_started.elapsed().as_secs_f64()
                        )
                    })
                };
                let view = View {
                    docs: &docs,
                    issues: &issues,
                    wraps: &wraps,
                    theme: &themes[state.theme],
                    keymap: &keymap,
                    progress: progress.as_deref(),
                    index: index.as_deref(),
                    search: search.as_ref(),
                    finder: finder.as_ref(),
                };
                terminal.draw(|f| ui::draw(f, &state, &view))?;
                dirty = false;
                first_frame.get_or_insert(started.elapsed());
                if cli.first_frame_exit {
                    state.quit = true;
                }
            }
            if state.quit {
                return Ok(());
            }
            // While the analysis runs, wake up to show its progress.
            let wait = if loading {
                Duration::from_millis(20)
            } else if index.is_none() || search.is_none() {
                Duration::from_millis(100)
            } else {
                Duration::from_millis(500)
            };
            if !event::poll(wait)? {
                dirty |= index.is_none() || loading;
                continue;
            }
            // Take every pending event before drawing again, so that a storm
            // of resizes or wheel events costs one frame.
            loop {
                let ev = event::read()?;
                if let Some(input) = translate(ev, &state, &keymap) {
                    let ctx = ctx!();
                    state.update(input, &ctx);
                    dirty = true;
                }
                if state.mouse != mouse_on {
                    crossread::terminal::set_mouse(state.mouse)?;
                    mouse_on = state.mouse;
                }
                if let Some(seq) = state.clipboard.take() {
                    use std::io::Write;
                    let mut out = std::io::stdout();
                    out.write_all(seq.as_bytes())?;
                    out.flush()?;
                }
                if std::mem::take(&mut state.suspend) {
                    crossread::terminal::suspend(&mut terminal)?;
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    })();
    crossread::terminal::restore();
    if cli.first_frame_exit {
        eprintln!(
            "first frame after {:.1} ms ({} documents)",
            first_frame.unwrap_or_default().as_secs_f64() * 1000.0,
            docs.len()
        );
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crossread: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Turn a terminal event into an input for `update`, asking the keymap.
fn translate(ev: Event, state: &AppState, keymap: &Keymap) -> Option<Input> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            crossread::app::keys::translate_key(state, keymap, k)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Input::Wheel {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Input::Wheel {
                x: m.column,
                y: m.row,
                down: false,
            }),
            MouseEventKind::Down(_) => Some(Input::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Input::Resize {
            width: w,
            height: h,
        }),
        _ => None,
    }
}
