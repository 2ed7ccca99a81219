//! A one-line text field: the search prompt, the finder's query.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    /// Byte offset of the cursor, on a character boundary.
    pub cursor: usize,
}

/// An edit of a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    DeleteWord,
    Clear,
    Left,
    Right,
    Home,
    End,
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    fn prev_boundary(&self, from: usize) -> usize {
        self.text[..from]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    /// Apply `e`; true when the text changed.
    pub fn edit(&mut self, e: Edit) -> bool {
        match e {
            Edit::Insert(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                true
            }
            Edit::Backspace => {
                if self.cursor == 0 {
                    return false;
                }
                let p = self.prev_boundary(self.cursor);
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
                true
            }
            Edit::DeleteWord => {
                let before = &self.text[..self.cursor];
                let trimmed = before.trim_end();
                let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
                    i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
                });
                if start == self.cursor {
                    return false;
                }
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
                true
            }
            Edit::Clear => {
                let changed = !self.text.is_empty();
                self.text.clear();
                self.cursor = 0;
                changed
            }
            Edit::Left => {
                self.cursor = self.prev_boundary(self.cursor);
                false
            }
            Edit::Right => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.text.len();
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        let mut l = LineInput::default();
        for c in "sanctions réliéf".chars() {
            l.edit(Edit::Insert(c));
        }
        assert!(l.edit(Edit::Backspace));
        assert_eq!(l.text, "sanctions rélié");
        l.edit(Edit::Home);
        l.edit(Edit::Right);
        l.edit(Edit::Insert('x'));
        assert_eq!(l.text, "sxanctions rélié");
        l.edit(Edit::End);
        assert!(l.edit(Edit::DeleteWord));
        assert_eq!(l.text, "sxanctions ");
        assert!(l.edit(Edit::DeleteWord));
        assert_eq!(l.text, "");
        assert!(!l.edit(Edit::Backspace));
        l.edit(Edit::Insert('é'));
        l.edit(Edit::Left);
        assert_eq!(l.cursor, 0);
        assert!(l.edit(Edit::Clear));
    }
}
