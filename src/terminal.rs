//! Taking over the terminal and giving it back, whatever happens: a normal
//! quit, a panic in any thread, a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT),
//! or a suspend with `Ctrl-z` and a return with `fg`. As less and helix do,
//! the user's shell is never left in raw mode on the alternate screen with
//! mouse reporting on.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is ours at the moment (raw mode, alternate screen),
/// so that a signal or a panic knows whether there is anything to give back.
static TAKEN: AtomicBool = AtomicBool::new(false);
/// Whether mouse reporting is on, so that a suspend can turn it back on.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// The signals that end the program; each leaves the terminal restored and
/// exits with the conventional status, 128 + the signal's number.
const ENDING: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

fn enter(mouse: bool) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    TAKEN.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    Ok(())
}

/// Give the terminal back: mouse reporting off, main screen, cursor shown,
/// raw mode off. Safe to call more than once and from any thread.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = crossterm::execute!(
        out,
        crossterm::event::DisableMouseCapture,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Take over the terminal for the reader, with mouse reporting on or off,
/// and make sure it is given back: a panic in any thread restores it, prints
/// the message and ends the program (a background thread that dies would
/// otherwise leave the reader waiting forever); an ending signal restores it
/// and exits with 128 + its number.
pub fn init(mouse: bool) -> io::Result<ratatui::DefaultTerminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
        std::process::exit(101);
    }));
    let mut signals = signal_hook::iterator::Signals::new(ENDING)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    enter(mouse)?;
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    ratatui::Terminal::new(backend)
}

/// Turn mouse reporting on or off (off lets the terminal select text).
pub fn set_mouse(on: bool) -> io::Result<()> {
    if on {
        crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
    } else {
        crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture)?;
    }
    MOUSE.store(on, Ordering::SeqCst);
    Ok(())
}

/// `Ctrl-z`: give the terminal back and stop, as a shell job does; on `fg`
/// take it again and clear it so that the next frame draws everything.
pub fn suspend(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    let mouse = MOUSE.load(Ordering::SeqCst);
    restore();
    // SIGTSTP's default action stops the process; it carries on here after
    // SIGCONT.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)?;
    terminal.clear()
}
