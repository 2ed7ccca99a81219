//! Copying out of the reader: the current claim with its citation, as an
//! OSC 52 sequence the terminal puts on the clipboard (when it allows it).

use super::state::{AppState, Ctx};
use base64::Engine;

/// Control characters (line breaks, tabs, escapes) become spaces and runs
/// of spaces one: what is copied is one clean line.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `“claim” — Outlet, “Title”, date, path`, cleaned of control characters.
pub fn claim_citation(claim: &str, citation: &str) -> String {
    format!("“{}” {}", clean(claim), clean(citation))
}

/// The OSC 52 sequence that sets the clipboard to `text` (base64, ended by
/// BEL, which more terminals accept than ST).
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
    )
}

impl AppState {
    /// `y`: the current claim with its citation to the clipboard.
    pub(super) fn copy_claim(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else {
            self.message = Some("claims appear when the analysis is done".into());
            return;
        };
        let Some(c) = self
            .reader
            .claim
            .filter(|&c| index.claims[c].doc == self.reader.doc)
        else {
            self.message = Some("no claim selected: } or a click selects one, then y".into());
            return;
        };
        let claim = &index.claims[c];
        let text = claim_citation(
            &ctx.docs[claim.doc].text[claim.range.clone()],
            &crate::label::citation(ctx.docs, ctx.index, claim.doc),
        );
        self.clipboard = Some(osc52(&text));
        self.message =
            Some("copied the claim and its citation (OSC 52: the terminal must allow it)".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_cleaned_citation_in_base64() {
        let text = claim_citation(
            "The port\treopened\n on Monday.\x1b[31m",
            "— Daily Wire, “Port news”, 2021-03-08, news/a.txt",
        );
        assert_eq!(
            text,
            "“The port reopened on Monday. [31m” — Daily Wire, “Port news”, 2021-03-08, news/a.txt"
        );
        assert!(!text.chars().any(char::is_control));
        let seq = osc52(&text);
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .expect("an OSC 52 sequence");
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), text);
        // Nothing but base64 between the introducer and the terminator.
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }
}
