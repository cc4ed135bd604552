//! Making text from a gateway (or any outside source) safe to print on a terminal:
//! control characters are shown as escapes, long text is cut with a note of its length.

use std::fmt::Write;

/// The most characters of one piece of outside text shown in an error message.
pub(crate) const MESSAGE_CHARS: usize = 300;

/// The most characters shown in one table cell.
pub(crate) const CELL_CHARS: usize = 100;

/// `text` with every control character (C0, DEL, C1: ESC, BEL, CR, LF, CSI, …) and
/// every bidirectional-override or invisible formatting character written as a visible
/// escape (`\x1b`, `\n`, `\u{202e}`), cut to `max_chars` characters with a note of the
/// total length when longer.
pub(crate) fn terminal_text(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    for (shown, c) in text.chars().enumerate() {
        if shown == max_chars {
            let _ = write!(out, "… ({} characters in all)", text.chars().count());
            return out;
        }
        push_visible(&mut out, c);
    }
    out
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if u32::from(c) < 0x80 && c.is_control() => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c if is_hidden(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Characters that change how a terminal shows what follows, or are invisible: C1
/// controls, bidirectional controls, zero-width and line/paragraph separators.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}'
        )
}

/// A JSON document made safe for a terminal without changing its value: the
/// characters [`terminal_text`] escapes that JSON writers leave raw (C1 controls,
/// bidirectional and invisible characters) become `\uXXXX` escapes. They only occur
/// inside JSON strings, where such an escape means the same character.
pub(crate) fn terminal_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c == '\u{7f}' || (is_hidden(c) && u32::from(c) >= 0x80) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{terminal_json, terminal_text};

    #[test]
    fn control_characters_are_escaped_visibly() {
        let hostile = "a\u{1b}[31mred\u{7}\r\nfake prompt$ \u{9b}2J\u{202e}cba\u{7f}";
        let shown = terminal_text(hostile, 300);
        assert_eq!(
            shown,
            "a\\x1b[31mred\\x07\\r\\nfake prompt$ \\u{9b}2J\\u{202e}cba\\x7f"
        );
        assert!(!shown.chars().any(|c| c.is_control()));
        // Ordinary text, accents included, is unchanged.
        assert_eq!(
            terminal_text("Unknown balance name é 1.5 €", 300),
            "Unknown balance name é 1.5 €"
        );
    }

    #[test]
    fn long_text_is_cut_with_its_length() {
        let long = "9".repeat(5_000_000);
        let shown = terminal_text(&long, 300);
        assert!(shown.starts_with(&"9".repeat(300)));
        assert!(
            shown.ends_with("… (5000000 characters in all)"),
            "{}",
            &shown[290..]
        );
        assert!(shown.len() < 400);
        assert_eq!(terminal_text(&"9".repeat(300), 300), "9".repeat(300));
    }

    #[test]
    fn json_keeps_its_value_and_loses_raw_c1_characters() {
        let value = serde_json::json!({"name": "x\u{9b}y\u{202e}z\u{1b}"});
        let raw = value.to_string();
        assert!(raw.contains('\u{9b}'));
        let safe = terminal_json(&raw);
        assert!(!safe.chars().any(|c| c.is_control() || c == '\u{202e}'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
