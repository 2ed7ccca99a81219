//! The one place keys are bound. Each binding has a description; the help
//! overlay is drawn from this table, never from a second list. A user file
//! (`keymap.toml`) may rebind any key to any action by its snake_case name.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// Normalise a terminal key event: Shift is part of the character for
    /// printable keys and of BackTab.
    pub fn from_event(ev: KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key {
            code: ev.code,
            mods,
        }
    }
}

/// Parse `j`, `G`, `?`, `<Ctrl-d>`, `<C-d>`, `<PgDn>`, `<S-Tab>`, `<F1>`…
pub fn parse_key(s: &str) -> Result<Key, String> {
    let err = || format!("cannot read key {s:?}");
    if s.chars().count() == 1 {
        let c = s.chars().next().ok_or_else(err)?;
        return Ok(Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        });
    }
    let inner = s
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .ok_or_else(err)?;
    let mut mods = KeyModifiers::NONE;
    let mut parts: Vec<&str> = inner.split('-').collect();
    // `<Ctrl-->` names the minus key.
    if inner.ends_with("--") {
        parts.truncate(parts.len() - 2);
        parts.push("-");
    }
    let name = parts.pop().ok_or_else(err)?;
    for m in parts {
        match m.to_ascii_lowercase().as_str() {
            "c" | "ctrl" | "control" => mods |= KeyModifiers::CONTROL,
            "a" | "alt" | "m" | "meta" => mods |= KeyModifiers::ALT,
            "s" | "shift" => mods |= KeyModifiers::SHIFT,
            _ => return Err(err()),
        }
    }
    let code = match name.to_ascii_lowercase().as_str() {
        "tab" if mods.contains(KeyModifiers::SHIFT) => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "enter" | "ret" | "cr" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "bs" | "backspace" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "pgup" | "pageup" => KeyCode::PageUp,
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        n if n.len() > 1 && n.starts_with('f') && n[1..].parse::<u8>().is_ok() => {
            KeyCode::F(n[1..].parse().map_err(|_| err())?)
        }
        _ if name.chars().count() == 1 => KeyCode::Char(name.chars().next().ok_or_else(err)?),
        _ => return Err(err()),
    };
    // Back-tab is Shift-Tab: a shift written with it adds nothing
    // (`<S-BackTab>` is the key `<BackTab>` the terminal sends).
    if code == KeyCode::BackTab {
        mods.remove(KeyModifiers::SHIFT);
    }
    if let KeyCode::Char(c) = code
        && mods.contains(KeyModifiers::SHIFT)
        && c.is_ascii_alphabetic()
    {
        mods.remove(KeyModifiers::SHIFT);
        return Ok(Key {
            code: KeyCode::Char(c.to_ascii_uppercase()),
            mods,
        });
    }
    Ok(Key { code, mods })
}

/// A key as written in help and in keymap files.
pub fn key_name(k: &Key) -> String {
    let mut m = String::new();
    if k.mods.contains(KeyModifiers::CONTROL) {
        m.push_str("Ctrl-");
    }
    if k.mods.contains(KeyModifiers::ALT) {
        m.push_str("Alt-");
    }
    if k.mods.contains(KeyModifiers::SHIFT) {
        m.push_str("Shift-");
    }
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if m.is_empty() => return c.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => "?".into(),
    };
    format!("<{m}{base}>")
}

pub use super::bindings::{Context, DEFAULTS};

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// A user keymap file: `[global]` / `[help]` tables of `"<key>" = "action"`.
#[derive(Debug, Deserialize)]
struct UserKeymap(BTreeMap<Context, BTreeMap<String, Action>>);

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(context, keys, action, description)| Binding {
                context: *context,
                keys: keys
                    .split(' ')
                    .map(|k| parse_key(k).expect("default keys parse"))
                    .collect(),
                action: *action,
                description: description.to_string(),
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// The first binding of `key` along `contexts`, searched in order.
    pub fn lookup_chain(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|c| self.lookup(*c, key))
    }

    /// The keys bound to `action` in `context`, for hints.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .flat_map(|b| b.keys.iter().map(key_name))
            .collect()
    }

    /// Apply a user keymap file over the defaults. A key the user binds is
    /// taken from whatever action had it. The file applies whole or not at
    /// all: any error (with its line) leaves the keys as they were, and so
    /// does a file that would leave no key to quit or to close.
    pub fn apply_user(&mut self, src: &str) -> Result<(), String> {
        let user: UserKeymap = toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| src[..s.start].matches('\n').count() + 1);
            match line {
                Some(l) => format!("line {l}: {}", e.message()),
                None => e.message().to_string(),
            }
        })?;
        let mut next = self.clone();
        let mut errors = Vec::new();
        for (context, keys) in user.0 {
            for (k, action) in keys {
                match parse_key(&k) {
                    Ok(key) => next.bind(context, key, action),
                    Err(e) => errors.push(match line_of(src, &k) {
                        Some(l) => format!("line {l}: {e}"),
                        None => e,
                    }),
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors.join("; "));
        }
        next.bindings.retain(|b| !b.keys.is_empty());
        for needed in [Action::Quit, Action::Close] {
            if next.keys_for(Context::Global, needed).is_empty() {
                return Err(format!(
                    "the file leaves no key for `{}`",
                    serde_json::to_value(needed)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                ));
            }
        }
        *self = next;
        Ok(())
    }

    fn bind(&mut self, context: Context, key: Key, action: Action) {
        for b in self.bindings.iter_mut().filter(|b| b.context == context) {
            b.keys.retain(|x| *x != key);
        }
        match self
            .bindings
            .iter_mut()
            .find(|b| b.context == context && b.action == action)
        {
            Some(b) => b.keys.push(key),
            None => self.bindings.push(Binding {
                context,
                keys: vec![key],
                action,
                description: format!("{action:?}"),
            }),
        }
    }
}

/// The line of a user keymap file on which `key` is bound (`"<key>" = …`
/// or `key = …`), for error messages.
fn line_of(src: &str, key: &str) -> Option<usize> {
    src.lines()
        .position(|l| {
            let l = l.trim_start();
            let rest = l
                .strip_prefix('"')
                .and_then(|r| r.strip_prefix(key))
                .and_then(|r| r.strip_prefix('"'))
                .or_else(|| {
                    l.strip_prefix('\'')
                        .and_then(|r| r.strip_prefix(key))
                        .and_then(|r| r.strip_prefix('\''))
                })
                .or_else(|| l.strip_prefix(key));
            rest.is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_key_strings() {
        let k = |s| parse_key(s).unwrap();
        assert_eq!(
            k("j"),
            Key {
                code: KeyCode::Char('j'),
                mods: KeyModifiers::NONE
            }
        );
        assert_eq!(
            k("<Ctrl-d>"),
            Key {
                code: KeyCode::Char('d'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(k("<C-d>"), k("<Ctrl-d>"));
        assert_eq!(k("<PgDn>").code, KeyCode::PageDown);
        assert_eq!(
            k("<S-Tab>"),
            Key {
                code: KeyCode::BackTab,
                mods: KeyModifiers::NONE
            }
        );
        assert_eq!(k("<F1>").code, KeyCode::F(1));
        assert_eq!(k("<S-g>"), k("G"));
        assert_eq!(
            k("<Ctrl-->"),
            Key {
                code: KeyCode::Char('-'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert!(parse_key("<Hyper-x>").is_err());
        assert!(parse_key("jj").is_err());
        assert!(parse_key("<Nope>").is_err());
    }

    #[test]
    fn names_round_trip() {
        for s in [
            "j",
            "<Ctrl-d>",
            "<PgDn>",
            "<Shift-Tab>",
            "<F1>",
            "<Enter>",
            "G",
            "?",
        ] {
            let k = parse_key(s).unwrap();
            assert_eq!(parse_key(&key_name(&k)).unwrap(), k, "{s}");
        }
    }

    #[test]
    fn terminal_events_match_bindings() {
        let km = Keymap::default();
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            km.lookup(Context::Global, Key::from_event(shift_g)),
            Some(Action::Bottom)
        );
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            km.lookup(Context::Global, Key::from_event(backtab)),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        let km = Keymap::default();
        let mut seen = std::collections::HashSet::new();
        for b in &km.bindings {
            for k in &b.keys {
                assert!(seen.insert((b.context, *k)), "{} bound twice", key_name(k));
            }
        }
    }

    #[test]
    fn user_file_rebinds() {
        let mut km = Keymap::default();
        km.apply_user("[global]\n\"<Ctrl-n>\" = \"next_document\"\n\"j\" = \"quit\"\n")
            .unwrap();
        assert_eq!(
            km.lookup(Context::Global, parse_key("<Ctrl-n>").unwrap()),
            Some(Action::NextDocument)
        );
        assert_eq!(
            km.lookup(Context::Global, parse_key("j").unwrap()),
            Some(Action::Quit)
        );
        assert_eq!(
            km.lookup(Context::Global, parse_key("<Down>").unwrap()),
            Some(Action::Down)
        );
        let e = km.apply_user("[global]\n\"x\" = \"fly\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn a_user_file_applies_whole_or_not_at_all() {
        let before = Keymap::default();
        let mut km = Keymap::default();
        // The first line is good, the second names no key: nothing applies,
        // and the error names the line.
        let e = km
            .apply_user("[global]\n\"x\" = \"quit\"\n\"<Hyper-q>\" = \"down\"\n")
            .unwrap_err();
        assert!(e.contains("line 3"), "{e}");
        let x = parse_key("x").unwrap();
        assert_eq!(
            km.lookup(Context::Global, x),
            before.lookup(Context::Global, x)
        );
        assert_eq!(km.bindings.len(), before.bindings.len());
        // A file that takes every key from quit (or close) is refused.
        let e = km.apply_user("[global]\n\"q\" = \"down\"\n").unwrap_err();
        assert!(e.contains("quit"), "{e}");
        assert_eq!(
            km.lookup(Context::Global, parse_key("q").unwrap()),
            Some(Action::Quit)
        );
        let e = km
            .apply_user("[global]\n\"<Esc>\" = \"down\"\n")
            .unwrap_err();
        assert!(e.contains("close"), "{e}");
    }
}
