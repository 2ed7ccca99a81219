use super::document::{DocId, Document, Format, MarkupRun, OffsetMap, markup};
use super::markdown;
use crate::text::sanitize::sanitize;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped with a message rather than read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A file that could not be read as an article, or was read with a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIssue {
    pub path: PathBuf,
    pub problem: String,
    /// True when the file was skipped; false when it loaded with a warning.
    pub skipped: bool,
}

impl std::fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = if self.skipped { "skipped" } else { "warning" };
        write!(
            f,
            "{}: {verb}: {}",
            sanitize(&self.path.display().to_string()),
            sanitize(&self.problem)
        )
    }
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub issues: Vec<LoadIssue>,
}

fn is_article(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// Expand the paths given into article files: folders are walked recursively
/// (`.txt`, `.md`), each folder's files sorted by name. Returns each file with
/// the name to show for it. Only regular files are taken: a FIFO, device or
/// socket is skipped with a message (reading one could block forever).
pub fn collect_paths(inputs: &[PathBuf]) -> (Vec<(PathBuf, String)>, Vec<LoadIssue>) {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    let mut seen = HashSet::new();
    for input in inputs {
        match fs::metadata(input) {
            Err(e) => issues.push(LoadIssue {
                path: input.clone(),
                problem: e.to_string(),
                skipped: true,
            }),
            Ok(m) if m.is_dir() => {
                let base = input.parent().unwrap_or(Path::new(""));
                let mut found = walk(input, &mut issues);
                found.sort();
                for f in found {
                    let shown = f.strip_prefix(base).unwrap_or(&f).display().to_string();
                    if seen.insert(f.clone()) {
                        files.push((f, shown));
                    }
                }
            }
            Ok(m) if !m.is_file() => issues.push(not_regular(input.clone(), &m.file_type())),
            Ok(_) => {
                if seen.insert(input.clone()) {
                    files.push((input.clone(), input.display().to_string()));
                }
            }
        }
    }
    (files, issues)
}

fn not_regular(path: PathBuf, t: &fs::FileType) -> LoadIssue {
    use std::os::unix::fs::FileTypeExt;
    let what = if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    };
    LoadIssue {
        path,
        problem: format!("{what}, not a regular file; not read"),
        skipped: true,
    }
}

/// Every article file under `root`, at any depth. The walk keeps its own
/// stack (no recursion limit, so no folder is dropped for being deep) and does
/// not follow links to folders (so it cannot loop).
fn walk(root: &Path, issues: &mut Vec<LoadIssue>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                issues.push(LoadIssue {
                    path: dir,
                    problem: format!("cannot read folder: {e}"),
                    skipped: true,
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(t) if is_article(&p) => {
                    // A link is judged by what it points to.
                    let target = if t.is_symlink() {
                        fs::metadata(&p).map(|m| m.file_type())
                    } else {
                        Ok(t)
                    };
                    match target {
                        Ok(t) if t.is_file() => out.push(p),
                        Ok(t) if t.is_dir() => {}
                        Ok(t) => issues.push(not_regular(p, &t)),
                        Err(e) => issues.push(LoadIssue {
                            path: p,
                            problem: format!("cannot read: {e}"),
                            skipped: true,
                        }),
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Read a regular file, at most [`MAX_FILE_BYTES`]: the limit is enforced on
/// the bytes read, not on the size the file system reports (which is 0 for
/// `/dev/zero` and for files still growing).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    read_limited_to(path, MAX_FILE_BYTES)
}

/// [`read_limited`] with another limit.
pub fn read_limited_to(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(path.to_path_buf(), &meta.file_type()).problem);
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "file is too large (over {} MiB, the limit); not read",
            limit >> 20
        ));
    }
    Ok(bytes)
}

/// Load every article under `inputs`. Files that cannot be read are reported
/// and the rest still load.
pub fn load_paths(inputs: &[PathBuf]) -> Loaded {
    let (files, issues) = collect_paths(inputs);
    load_files(files, issues)
}

/// One file read and converted: the document (its id and slug set later,
/// in corpus order) or the reason it was skipped.
fn read_one(path: &Path, shown: &str) -> Result<Document, String> {
    let bytes = read_limited(path)?;
    document_from_bytes(0, path, shown, bytes)
}

/// Reads the files (in parallel: reading and Markdown conversion are per
/// file), then numbers the documents and makes their slugs unique in the
/// files' order, so that the corpus is the same however the work was
/// shared out.
pub fn load_files(files: Vec<(PathBuf, String)>, mut issues: Vec<LoadIssue>) -> Loaded {
    use rayon::prelude::*;
    let read: Vec<Result<Document, String>> = files
        .par_iter()
        .map(|(path, shown)| read_one(path, shown))
        .collect();
    let mut documents = Vec::with_capacity(files.len());
    let mut slugs = HashSet::new();
    for ((path, _), r) in files.into_iter().zip(read) {
        match r {
            Ok(mut doc) => {
                doc.id = documents.len();
                doc.slug = unique_slug(&doc.slug, &mut slugs);
                for w in &doc.warnings {
                    issues.push(LoadIssue {
                        path: path.clone(),
                        problem: w.clone(),
                        skipped: false,
                    });
                }
                documents.push(doc);
            }
            Err(problem) => issues.push(LoadIssue {
                path,
                problem,
                skipped: true,
            }),
        }
    }
    Loaded { documents, issues }
}

/// The first document of a corpus, read alone so that a reader can show it
/// before the other files are read: the files in corpus order and the first
/// of them that reads as an article (with the problems of those before it).
/// `None` when no file reads.
pub fn load_first(
    inputs: &[PathBuf],
) -> (Vec<(PathBuf, String)>, Vec<LoadIssue>, Option<Document>) {
    let (files, mut issues) = collect_paths(inputs);
    for (path, shown) in &files {
        match read_one(path, shown) {
            Ok(mut doc) => {
                doc.id = 0;
                return (files, issues, Some(doc));
            }
            Err(problem) => issues.push(LoadIssue {
                path: path.clone(),
                problem,
                skipped: true,
            }),
        }
    }
    (files, issues, None)
}

fn unique_slug(base: &str, taken: &mut HashSet<String>) -> String {
    let mut s = base.to_string();
    let mut n = 2;
    while !taken.insert(s.clone()) {
        s = format!("{base}-{n}");
        n += 1;
    }
    s
}

/// Decode and parse one file's bytes. Errors name the problem; the caller
/// adds the path.
pub fn document_from_bytes(
    id: DocId,
    path: &Path,
    shown: &str,
    bytes: Vec<u8>,
) -> Result<Document, String> {
    let mut warnings = Vec::new();
    let mut source = decode(bytes, &mut warnings)?;
    if source.starts_with('\u{feff}') {
        source.drain(..3);
    }
    if source.trim().is_empty() {
        return Err("empty file".into());
    }
    let format = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("md" | "markdown") => Format::Markdown,
        _ => Format::Text,
    };
    let slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("doc{id}"));
    let (text, markup, offsets, front_matter, heading) = match format {
        Format::Markdown => {
            let r = markdown::render(&source);
            (r.text, r.markup, r.offsets, r.front_matter, r.first_heading)
        }
        Format::Text => (
            source.clone(),
            Vec::new(),
            OffsetMap::identity(),
            Vec::new(),
            None,
        ),
    };
    let mut doc = Document {
        id,
        slug,
        display_path: shown.to_string(),
        path: path.to_path_buf(),
        format,
        source,
        text,
        markup,
        offsets,
        title: String::new(),
        front_matter,
        warnings,
    };
    doc.title = title_of(&doc, heading);
    if doc.format == Format::Text {
        mark_plain_title(&mut doc);
    }
    Ok(doc)
}

/// Bytes to text: UTF-16 with a byte-order mark is decoded as such; other
/// text is read as UTF-8, with undecodable bytes replaced and a warning. A
/// file with NUL bytes in its head (and no UTF-16 mark) is binary.
fn decode(bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, String> {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let body = &bytes[2..];
        if body.len() % 2 == 1 {
            warnings.push("UTF-16 file ends in half a character; the last byte is ignored".into());
        }
        let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        let mut bad = 0usize;
        let text: String = char::decode_utf16(units)
            .map(|r| {
                r.unwrap_or_else(|_| {
                    bad += 1;
                    '\u{fffd}'
                })
            })
            .collect();
        if bad > 0 {
            warnings.push(format!(
                "{bad} invalid UTF-16 sequence(s); shown as \u{fffd}"
            ));
        }
        return Ok(text);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "invalid UTF-8 at byte {bad}; undecodable bytes are shown as \u{fffd}"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

/// Title: front matter, else the first heading, else the first line.
fn title_of(doc: &Document, heading: Option<String>) -> String {
    let t = doc
        .front("title")
        .map(str::to_string)
        .or(heading)
        .or_else(|| {
            doc.text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(str::to_string)
        })
        .unwrap_or_else(|| doc.slug.clone());
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = sanitize(&t).into_owned();
    if t.chars().count() > 160 {
        t = t.chars().take(159).collect::<String>() + "…";
    }
    t
}

/// In plain text the first line is shown as the title.
fn mark_plain_title(doc: &mut Document) {
    let start = doc.text.len() - doc.text.trim_start().len();
    let end = doc.text[start..]
        .find('\n')
        .map_or(doc.text.len(), |i| start + i);
    // Only a short first line standing alone reads as a title.
    let line = &doc.text[start..end];
    if !line.trim().is_empty() && line.chars().count() <= 160 {
        doc.markup.push(MarkupRun {
            range: start..end,
            flags: markup::TITLE,
        });
    }
}

/// An alias file that applies to the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasFile {
    pub path: PathBuf,
    /// True when it came with the corpus folder (perhaps from whoever sent
    /// the folder), false for the user's own one in the config folder.
    pub from_corpus: bool,
    /// How many merges (canonical names) it forces, of how many names.
    pub merges: usize,
    pub names: usize,
    /// How many groups of names it keeps apart.
    pub splits: usize,
}

impl AliasFile {
    /// What the file does, in one line (sanitised), e.g. for the status bar.
    pub fn announce(&self) -> String {
        format!(
            "alias file {} ({} merge(s) of {} name(s), {} kept apart): {}",
            if self.from_corpus {
                "from the corpus folder applies"
            } else {
                "applies"
            },
            self.merges,
            self.names,
            self.splits,
            sanitize(&self.path.display().to_string()),
        )
    }
}

/// The alias files found: what they force, the problems met, and each file
/// used.
#[derive(Debug, Default)]
pub struct Aliases {
    pub user: crate::analysis::entities::UserAliases,
    pub issues: Vec<LoadIssue>,
    pub files: Vec<AliasFile>,
}

/// The user's alias files: `aliases.toml` in each folder given and in the
/// config folder. A file that cannot be read or parsed is reported and
/// skipped; it is never written to. A file that comes with the corpus folder
/// (perhaps from whoever sent the folder) is announced with what it does, so
/// that nobody else's merges apply unseen.
pub fn load_aliases(inputs: &[PathBuf], config_dir: Option<&Path>) -> Aliases {
    use crate::analysis::entities::UserAliases;
    let mut out = Aliases::default();
    let mut files: Vec<PathBuf> = config_dir
        .map(|d| d.join("aliases.toml"))
        .into_iter()
        .collect();
    files.extend(
        inputs
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| p.join("aliases.toml")),
    );
    for f in files.into_iter().filter(|f| f.is_file()) {
        match fs::read_to_string(&f)
            .map_err(|e| e.to_string())
            .and_then(|s| UserAliases::parse(&s))
        {
            Ok(u) => {
                let from_corpus = config_dir.is_none_or(|c| !f.starts_with(c));
                let names: usize = u.merge.values().map(Vec::len).sum();
                let file = AliasFile {
                    path: f.clone(),
                    from_corpus,
                    merges: u.merge.len(),
                    names,
                    splits: u.split.len(),
                };
                if from_corpus {
                    out.issues.push(LoadIssue {
                        path: f.clone(),
                        problem: format!(
                            "alias file in the corpus folder applies: {} merge(s) of {names} name(s), {} kept apart",
                            file.merges, file.splits
                        ),
                        skipped: false,
                    });
                }
                out.files.push(file);
                out.user.split.extend(u.split);
                for (k, v) in u.merge {
                    out.user.merge.entry(k).or_default().extend(v);
                }
            }
            Err(e) => out.issues.push(LoadIssue {
                path: f,
                problem: format!("alias file not used: {e}"),
                skipped: true,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, bytes: &[u8]) -> Result<Document, String> {
        document_from_bytes(0, Path::new(name), name, bytes.to_vec())
    }

    #[test]
    fn titles() {
        assert_eq!(
            doc("a.txt", b"\n\n  First line  here\nbody").unwrap().title,
            "First line here"
        );
        assert_eq!(
            doc("a.md", b"intro para\n\n# Heading One\n").unwrap().title,
            "Heading One"
        );
        assert_eq!(
            doc("a.md", b"---\ntitle: \"From FM\"\n---\n# H\n")
                .unwrap()
                .title,
            "From FM"
        );
        assert_eq!(
            doc("a.md", b"no heading at all\n").unwrap().title,
            "no heading at all"
        );
        assert_eq!(
            doc("a.txt", b"evil \x1b[2J title\n").unwrap().title,
            "evil ^[[2J title"
        );
    }

    #[test]
    fn bad_input_is_reported() {
        assert!(doc("a.txt", b"").unwrap_err().contains("empty"));
        assert!(doc("a.txt", b"  \n\t\n").unwrap_err().contains("empty"));
        assert!(doc("a.txt", b"ab\0cd").unwrap_err().contains("binary"));
        let d = doc("a.txt", b"caf\xe9 au lait").unwrap();
        assert_eq!(d.text, "caf\u{fffd} au lait");
        assert!(d.warnings[0].contains("invalid UTF-8 at byte 3"));
    }

    /// The first readable file is read alone (the problems of those before
    /// it reported); the whole read numbers documents in file order and
    /// makes slugs unique in that order, however the reading was shared.
    #[test]
    fn first_document_alone_then_all_in_order() {
        let base = std::env::temp_dir().join(format!("crossread-first-{}", std::process::id()));
        let sub = base.join("b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(base.join("a0.txt"), "").unwrap();
        std::fs::write(base.join("a1.txt"), "First article.\n\nIts text.").unwrap();
        for i in 0..40 {
            std::fs::write(sub.join(format!("n{i:02}.txt")), format!("Article {i}.")).unwrap();
        }
        std::fs::write(sub.join("a1.md"), "# Same stem\n\nText.").unwrap();
        let inputs = vec![base.clone()];
        let (files, issues, first) = load_first(&inputs);
        let first = first.expect("a readable file");
        assert_eq!(first.title, "First article.");
        assert_eq!(first.id, 0);
        assert!(
            issues
                .iter()
                .any(|i| i.path.ends_with("a0.txt") && i.skipped)
        );
        let all = load_files(files, Vec::new());
        assert_eq!(all.documents.len(), 42);
        assert_eq!(all.documents[0].text, first.text);
        for (i, d) in all.documents.iter().enumerate() {
            assert_eq!(d.id, i);
        }
        let slugs: Vec<&str> = all.documents.iter().map(|d| d.slug.as_str()).collect();
        assert_eq!(slugs[0], "a1");
        assert_eq!(slugs[1], "a1-2", "{slugs:?}");
        assert_eq!(slugs[2], "n00");
        let again = load_paths(&inputs);
        let texts = |l: &Loaded| -> Vec<(String, String)> {
            l.documents
                .iter()
                .map(|d| (d.slug.clone(), d.text.clone()))
                .collect()
        };
        assert_eq!(texts(&all), texts(&again));
        std::fs::remove_dir_all(&base).ok();
    }

    #[test]
    fn an_alias_file_in_the_corpus_folder_is_announced() {
        let base = std::env::temp_dir().join(format!("crossread-aliases-{}", std::process::id()));
        let (corpus, config) = (base.join("corpus"), base.join("config"));
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(
            corpus.join("aliases.toml"),
            "split = [\"Lee\"]\n[merge]\n\"Ann Lee\" = [\"Annie Lee\", \"A. Lee\"]\n",
        )
        .unwrap();
        std::fs::write(config.join("aliases.toml"), "split = [\"Park\"]\n").unwrap();
        let loaded = load_aliases(std::slice::from_ref(&corpus), Some(&config));
        let (aliases, issues) = (&loaded.user, &loaded.issues);
        assert_eq!(aliases.merge["Ann Lee"].len(), 2);
        assert_eq!(aliases.split.len(), 2);
        // Only the corpus folder's file is announced; the user's own is not.
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0].path.starts_with(&corpus));
        assert!(!issues[0].skipped);
        assert!(
            issues[0]
                .problem
                .contains("1 merge(s) of 2 name(s), 1 kept apart"),
            "{}",
            issues[0].problem
        );
        // Both files are listed for the export, the corpus one marked so.
        let files: Vec<(bool, usize, usize, usize)> = loaded
            .files
            .iter()
            .map(|f| (f.from_corpus, f.merges, f.names, f.splits))
            .collect();
        assert_eq!(files, vec![(false, 0, 0, 1), (true, 1, 2, 1)]);
        let note = loaded.files[1].announce();
        assert!(note.contains("from the corpus folder applies"), "{note}");
        // A file that does not parse is skipped, with its reason.
        std::fs::write(corpus.join("aliases.toml"), "merge = 3\n").unwrap();
        let loaded = load_aliases(std::slice::from_ref(&corpus), Some(&config));
        assert_eq!(loaded.files.len(), 1);
        assert!(
            loaded
                .issues
                .iter()
                .any(|i| i.skipped && i.problem.starts_with("alias file not used"))
        );
        std::fs::remove_dir_all(base).ok();
    }

    #[test]
    fn plain_text_is_kept_verbatim() {
        let src = "Title\n\n- bullet one\n- bullet two\n\nPara.\n";
        let d = doc("x.txt", src.as_bytes()).unwrap();
        assert_eq!(d.text, src);
        assert_eq!(d.source_range(&(8..14)), 8..14);
    }
}
