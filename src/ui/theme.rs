//! Themes in the style of helix: a `[palette]` of named colours and dotted
//! scopes (`reader.claim.linked`) whose lookup falls back along the dots.
//! Widgets ask for semantic scopes and never name colours.

use ratatui::style::{Color, Modifier, Style};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Built-in themes, embedded so the binary works without the folder.
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    styles: HashMap<String, Style>,
}

/// A theme file that could not be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError {
    pub source: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ThemeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "theme {}:{l}: {}", self.source, self.message),
            None => write!(f, "theme {}: {}", self.source, self.message),
        }
    }
}

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

/// Where `key` is written in `src`, for error messages.
fn line_of_key(src: &str, key: &str) -> Option<usize> {
    src.find(&format!("\"{key}\""))
        .or_else(|| src.find(key))
        .map(|o| line_of(src, o))
}

fn parse_color(s: &str, palette: &HashMap<String, Color>) -> Result<Color, String> {
    if let Some(c) = palette.get(s) {
        return Ok(*c);
    }
    let named = match s {
        "default" | "reset" => Some(Color::Reset),
        "black" => Some(Color::Black),
        "red" => Some(Color::Red),
        "green" => Some(Color::Green),
        "yellow" => Some(Color::Yellow),
        "blue" => Some(Color::Blue),
        "magenta" => Some(Color::Magenta),
        "cyan" => Some(Color::Cyan),
        "gray" | "grey" => Some(Color::Gray),
        "dark-gray" | "dark-grey" => Some(Color::DarkGray),
        "light-red" => Some(Color::LightRed),
        "light-green" => Some(Color::LightGreen),
        "light-yellow" => Some(Color::LightYellow),
        "light-blue" => Some(Color::LightBlue),
        "light-magenta" => Some(Color::LightMagenta),
        "light-cyan" => Some(Color::LightCyan),
        "white" => Some(Color::White),
        _ => None,
    };
    if let Some(c) = named {
        return Ok(c);
    }
    if s.starts_with('#') && s.len() == 7 {
        return Color::from_str(s).map_err(|_| format!("bad colour {s:?}"));
    }
    Err(format!(
        "unknown colour {s:?} (not in the palette, not a #rrggbb value, not an ANSI name)"
    ))
}

fn parse_modifier(s: &str) -> Result<Modifier, String> {
    Ok(match s {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        "slow_blink" => Modifier::SLOW_BLINK,
        "hidden" => Modifier::HIDDEN,
        _ => return Err(format!("unknown modifier {s:?}")),
    })
}

fn parse_style(v: &toml::Value, palette: &HashMap<String, Color>) -> Result<Style, String> {
    match v {
        toml::Value::String(s) => Ok(Style::default().fg(parse_color(s, palette)?)),
        toml::Value::Table(t) => {
            let mut style = Style::default();
            for (k, v) in t {
                match (k.as_str(), v) {
                    ("fg", toml::Value::String(s)) => style = style.fg(parse_color(s, palette)?),
                    ("bg", toml::Value::String(s)) => style = style.bg(parse_color(s, palette)?),
                    ("modifiers", toml::Value::Array(a)) => {
                        for m in a {
                            let m = m.as_str().ok_or("modifiers must be strings")?;
                            style = style.add_modifier(parse_modifier(m)?);
                        }
                    }
                    _ => {
                        return Err(format!(
                            "unexpected key {k:?} in a style (expected fg, bg, modifiers)"
                        ));
                    }
                }
            }
            Ok(style)
        }
        _ => Err("a style is a colour name or a table { fg, bg, modifiers }".into()),
    }
}

fn is_style_table(t: &toml::Table) -> bool {
    t.keys()
        .all(|k| matches!(k.as_str(), "fg" | "bg" | "modifiers"))
}

/// Flatten nested tables (`[reader.claim]`) into dotted scope names.
fn flatten(prefix: &str, t: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (k, v) in t {
        let name = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(inner) if !is_style_table(inner) => flatten(&name, inner, out),
            _ => out.push((name, v.clone())),
        }
    }
}

impl Theme {
    /// The built-in default theme (cannot fail: tested).
    pub fn default_theme() -> Theme {
        Theme::builtin("default").expect("built-in default theme parses")
    }

    pub fn builtin(name: &str) -> Option<Theme> {
        let (_, src) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Theme::parse(name, src, name, None).ok()
    }

    /// Parse a theme. `origin` names the file in errors; `dir` is where a
    /// parent named by `inherits` may be found besides the built-ins.
    pub fn parse(
        name: &str,
        src: &str,
        origin: &str,
        dir: Option<&Path>,
    ) -> Result<Theme, ThemeError> {
        Self::parse_depth(name, src, origin, dir, 0)
    }

    fn parse_depth(
        name: &str,
        src: &str,
        origin: &str,
        dir: Option<&Path>,
        depth: usize,
    ) -> Result<Theme, ThemeError> {
        let err = |line, message: String| ThemeError {
            source: origin.to_string(),
            line,
            message,
        };
        let table: toml::Table = toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| line_of(src, s.start));
            err(line, e.message().to_string())
        })?;
        let mut theme = match table.get("inherits") {
            None => Theme {
                name: name.to_string(),
                styles: HashMap::new(),
            },
            Some(toml::Value::String(parent)) => {
                if depth > 8 {
                    return Err(err(
                        line_of_key(src, "inherits"),
                        "themes inherit in a loop".into(),
                    ));
                }
                let from_dir = dir
                    .map(|d| d.join(format!("{parent}.toml")))
                    .filter(|p| p.is_file());
                let parent_theme = match from_dir {
                    Some(p)
                        if p.file_stem().and_then(|s| s.to_str()) != Some(name) || depth > 0 =>
                    {
                        let s = std::fs::read_to_string(&p)
                            .map_err(|e| err(None, format!("{}: {e}", p.display())))?;
                        Theme::parse_depth(parent, &s, &p.display().to_string(), dir, depth + 1)?
                    }
                    _ => match BUILTIN.iter().find(|(n, _)| n == parent) {
                        Some((_, s)) => Theme::parse_depth(parent, s, parent, None, depth + 1)?,
                        None => {
                            return Err(err(
                                line_of_key(src, "inherits"),
                                format!("inherits unknown theme {parent:?}"),
                            ));
                        }
                    },
                };
                Theme {
                    name: name.to_string(),
                    styles: parent_theme.styles,
                }
            }
            Some(_) => {
                return Err(err(
                    line_of_key(src, "inherits"),
                    "inherits must be a theme name".into(),
                ));
            }
        };
        let mut palette = HashMap::new();
        if let Some(p) = table.get("palette") {
            let p = p.as_table().ok_or_else(|| {
                err(
                    line_of_key(src, "palette"),
                    "palette must be a table".into(),
                )
            })?;
            for (k, v) in p {
                let s = v.as_str().ok_or_else(|| {
                    err(
                        line_of_key(src, k),
                        format!("palette colour {k:?} must be a string"),
                    )
                })?;
                let c = parse_color(s, &HashMap::new()).map_err(|m| err(line_of_key(src, k), m))?;
                palette.insert(k.clone(), c);
            }
        }
        let mut scopes = Vec::new();
        let rest: toml::Table = table
            .into_iter()
            .filter(|(k, _)| k != "palette" && k != "inherits")
            .collect();
        flatten("", &rest, &mut scopes);
        for (scope, v) in scopes {
            let style = parse_style(&v, &palette)
                .map_err(|m| err(line_of_key(src, &scope), format!("{scope}: {m}")))?;
            theme.styles.insert(scope, style);
        }
        Ok(theme)
    }

    /// Load a theme by built-in name, by name in `dir`, or from a path.
    pub fn load(name_or_path: &str, dir: Option<&Path>) -> Result<Theme, ThemeError> {
        let as_path = PathBuf::from(name_or_path);
        let file = if name_or_path.ends_with(".toml") || name_or_path.contains('/') {
            Some(as_path)
        } else {
            dir.map(|d| d.join(format!("{name_or_path}.toml")))
                .filter(|p| p.is_file())
        };
        match file {
            Some(p) => {
                let src = std::fs::read_to_string(&p).map_err(|e| ThemeError {
                    source: p.display().to_string(),
                    line: None,
                    message: e.to_string(),
                })?;
                let name = p
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or(name_or_path)
                    .to_string();
                Theme::parse(&name, &src, &p.display().to_string(), p.parent().or(dir))
            }
            None => Theme::builtin(name_or_path).ok_or_else(|| ThemeError {
                source: name_or_path.to_string(),
                line: None,
                message: format!(
                    "no such theme (built-in themes: {})",
                    BUILTIN
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
        }
    }

    /// The style of a scope, falling back along the dots
    /// (`reader.claim.linked` → `reader.claim` → `reader` → default).
    pub fn get(&self, scope: &str) -> Style {
        let mut s = scope;
        loop {
            if let Some(st) = self.styles.get(s) {
                return *st;
            }
            match s.rfind('.') {
                Some(i) => s = &s[..i],
                None => return Style::default(),
            }
        }
    }

    /// `get` patched over the base text style.
    pub fn text(&self, scope: &str) -> Style {
        self.get("ui.text").patch(self.get(scope))
    }

    /// The same theme with every colour removed (for `NO_COLOR`). Each scope
    /// keeps the modifiers the default theme gives it (that theme is built to
    /// read through modifiers), else its own; a style that was only a
    /// background becomes reversed so that it stays visible.
    pub fn without_color(mut self) -> Theme {
        let base = Theme::default_theme();
        for (scope, style) in self.styles.iter_mut() {
            let from_base = base.get(scope).add_modifier;
            let had_bg = matches!(style.bg, Some(c) if c != Color::Reset);
            let mut m = if from_base.is_empty() {
                style.add_modifier
            } else {
                from_base
            };
            if had_bg && m.is_empty() {
                m = Modifier::REVERSED;
            }
            *style = Style::default().add_modifier(m);
        }
        self.name.push_str(" (no colour)");
        self
    }

    pub fn has_scope(&self, scope: &str) -> bool {
        self.styles.contains_key(scope)
    }
}

/// The themes `t` cycles through: the built-ins, plus the one chosen with
/// `--theme` if it is not one of them. `start` is the index to begin at.
pub fn theme_set(chosen: Option<Theme>, no_color: bool) -> (Vec<Theme>, usize) {
    let mut themes: Vec<Theme> = BUILTIN
        .iter()
        .filter_map(|(n, _)| Theme::builtin(n))
        .collect();
    let start = match chosen {
        Some(t) => match themes.iter().position(|x| x.name == t.name) {
            Some(i) => {
                themes[i] = t;
                i
            }
            None => {
                themes.push(t);
                themes.len() - 1
            }
        },
        None => 0,
    };
    if no_color {
        themes = themes.into_iter().map(Theme::without_color).collect();
    }
    (themes, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parses_and_defines_the_core_scopes() {
        for (name, src) in BUILTIN {
            let t = Theme::parse(name, src, name, None).unwrap_or_else(|e| panic!("{e}"));
            for scope in [
                "ui.text",
                "ui.border.focused",
                "ui.selection",
                "ui.statusline",
                "reader.claim.linked",
            ] {
                assert!(t.has_scope(scope), "{name} lacks {scope}");
            }
        }
    }

    #[test]
    fn every_theme_gives_sources_a_palette_apart_from_entity_kinds() {
        use crate::ui::legend::{CELLS, ENTITY_KINDS, SOURCES};
        for (name, _) in BUILTIN {
            let t = Theme::builtin(name).unwrap();
            let kinds: Vec<Option<Color>> = ENTITY_KINDS
                .iter()
                .map(|k| t.get(k.2).fg)
                .filter(|c| c.is_some())
                .collect();
            let mut seen = Vec::new();
            for s in SOURCES {
                assert!(t.has_scope(s), "{name} lacks {s}");
                let c = t.get(s).fg;
                assert!(c.is_some(), "{name}: {s} has a colour");
                assert!(!kinds.contains(&c), "{name}: {s} looks like an entity kind");
                assert!(!seen.contains(&c), "{name}: {s} repeats a source colour");
                seen.push(c);
            }
            for (_, scope, _) in CELLS {
                assert!(t.get(scope) != Style::default(), "{name} lacks {scope}");
            }
            // Claims are not underlined by default (conflicts are).
            if *name == "default" {
                for k in ["reader.claim", "reader.claim.linked", "reader.claim.quote"] {
                    assert!(!t.get(k).add_modifier.contains(Modifier::UNDERLINED), "{k}");
                }
            }
        }
    }

    #[test]
    fn lookup_falls_back_along_dots() {
        let t = Theme::parse(
            "t",
            "\"reader.claim\" = \"red\"\n\"reader\" = \"blue\"\n",
            "t",
            None,
        )
        .unwrap();
        assert_eq!(t.get("reader.claim.linked").fg, Some(Color::Red));
        assert_eq!(t.get("reader.other").fg, Some(Color::Blue));
        assert_eq!(t.get("nothing.here"), Style::default());
    }

    #[test]
    fn palette_modifiers_and_inheritance() {
        let src = "inherits = \"dark\"\n\"ui.text\" = { fg = \"mine\", modifiers = [\"bold\"] }\n[palette]\nmine = \"#102030\"\n";
        let t = Theme::parse("x", src, "x.toml", None).unwrap();
        assert_eq!(t.get("ui.text").fg, Some(Color::Rgb(0x10, 0x20, 0x30)));
        assert!(t.get("ui.text").add_modifier.contains(Modifier::BOLD));
        // Inherited from dark:
        assert_eq!(
            t.get("reader.date"),
            Theme::builtin("dark").unwrap().get("reader.date")
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = Theme::parse(
            "x",
            "\"ui.text\" = \"red\"\n\"ui.border\" = \"nocolour\"\n",
            "themes/x.toml",
            None,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().starts_with("theme themes/x.toml:2:"), "{e}");
        let e = Theme::parse("x", "a = 1\nb = [\n", "bad.toml", None).unwrap_err();
        assert!(e.line.is_some(), "{e}");
        let e = Theme::parse("x", "inherits = \"nope\"\n", "x.toml", None).unwrap_err();
        assert!(e.message.contains("nope"));
    }

    #[test]
    fn no_color_keeps_modifiers_only() {
        let t = Theme::builtin("dark").unwrap().without_color();
        let s = t.get("ui.selection");
        assert_eq!((s.fg, s.bg), (None, None));
        assert!(
            s.add_modifier.contains(Modifier::REVERSED),
            "selection stays visible"
        );
        let claim = t.get("reader.claim.conflict");
        assert_eq!((claim.fg, claim.bg), (None, None));
        assert!(
            claim.add_modifier.contains(Modifier::UNDERLINED),
            "conflicts stay visible without colour"
        );
        let t = Theme::parse("x", "\"x.y\" = { bg = \"red\" }\n", "x", None)
            .unwrap()
            .without_color();
        assert!(
            t.get("x.y").add_modifier.contains(Modifier::REVERSED),
            "bg-only style becomes reversed"
        );
    }
}
