//! The reader: its first frame, the background reading, analysis and
//! indexing, and the event loop that turns terminal events into inputs
//! for the app state and draws it.

use super::{Cli, config_dir, inputs_of, nothing_readable, themes_dir};
use crossread::app::{AppState, Ctx, Input, Keymap};
use crossread::corpus;
use crossread::text::wrap::WrapCache;
use crossread::ui::{
    self, View,
    theme::{self, Theme},
};
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

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

pub fn run(cli: Cli) -> ExitCode {
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
