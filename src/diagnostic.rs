//! Errors in a file, with path, line and column, shown with the line and a caret.

use std::fmt;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// A file's name (as shown to the reader) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    /// Borrowed from the binary for a shipped playbook.
    pub text: std::borrow::Cow<'static, str>,
}

/// One problem at one place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    /// The text of the line, for the caret display.
    pub line_text: String,
    /// How many display columns to underline.
    pub width: usize,
    /// Display columns before the caret.
    pub indent: usize,
}

impl Diagnostic {
    /// A diagnostic at the byte range `span` of `file`.
    pub(crate) fn at(
        file: &SourceFile,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let text = &file.text;
        let start = floor_char(text, span.start.min(text.len()));
        let end = floor_char(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let before = &text[line_start..start];
        let marked = &text[start..end.min(line_end)];
        Diagnostic {
            path: file.name.clone(),
            line,
            column: before.chars().count() + 1,
            message: message.into(),
            line_text: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
            width: marked.width().max(1),
            indent: before.width(),
        }
    }

    /// A diagnostic about a whole file (no position).
    pub(crate) fn file(path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            line_text: String::new(),
            width: 0,
            indent: 0,
        }
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Diagnostic {
    /// Where it is, the line and the caret, after a first line of the caller's:
    /// ` --> file:2:26`, ` |`, `2 | …`, ` |     ^^^`.
    pub(crate) fn snippet(&self) -> String {
        if self.line == 0 {
            return format!("  --> {}", self.path);
        }
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        format!(
            "{pad}--> {}:{}:{}\n{pad} |\n{num} | {}\n{pad} | {}{}",
            self.path,
            self.line,
            self.column,
            self.line_text,
            " ".repeat(self.indent),
            "^".repeat(self.width)
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        write!(f, "{}", self.snippet())
    }
}

impl crate::lang::Say for Diagnostic {
    /// As shown, with `error:` in the interface language.
    fn say(&self, lang: crate::lang::Lang) -> String {
        let error = lang.pick("错误：", "error: ");
        format!("{error}{}\n{}", self.message, self.snippet())
    }
}

/// Several diagnostics, shown one after another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_line_column_and_caret_under_cjk() {
        let file = SourceFile {
            name: "regions/x.toml".into(),
            text: "id = \"x\"\ntitle = \"出生\" requires = [\"bad\"]\n".into(),
        };
        let start = file.text.find("\"bad\"").unwrap();
        let d = Diagnostic::at(&file, start..start + 5, "unknown prerequisite `bad`");
        assert_eq!((d.line, d.column), (2, 26));
        assert_eq!(
            d.to_string(),
            "error: unknown prerequisite `bad`\n --> regions/x.toml:2:26\n  |\n2 | title = \"出生\" requires = [\"bad\"]\n  |                            ^^^^^"
        );
    }
}
