//! Line breaking: cuts styled text into lines no wider than a given width,
//! measured with the real glyph advances.
//!
//! Breaks happen at ordinary spaces only, and not at those French typography
//! binds (inside "1 234,56", before "€", "%", ":", ";", "!", "?", "»", after
//! "«"); no-break spaces (U+00A0, U+202F) never break; a `\n` forces a break; a word wider than the
//! whole line is split between characters rather than cut or overflowing.
//! Every character of the input comes out in exactly one line (runs of
//! spaces at a break are dropped, like any typesetter does).

use super::fonts::{Fonts, Weight};

/// Slack for float rounding when comparing widths, in points.
const EPS: f32 = 0.001;

/// A piece of one line in one weight, at `x` from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub weight: Weight,
    pub x: f32,
    pub width: f32,
}

/// One line of wrapped text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

impl Line {
    /// The line's text, runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn push(&mut self, fonts: &Fonts, text: &str, weight: Weight, size: f32) {
        if text.is_empty() {
            return;
        }
        let width = fonts.width(text, weight, size);
        match self.runs.last_mut() {
            Some(last) if last.weight == weight => {
                last.text.push_str(text);
                last.width += width;
            }
            _ => self.runs.push(Run {
                text: text.to_string(),
                weight,
                x: self.width,
                width,
            }),
        }
        self.width += width;
    }
}

/// A word: pieces of text in their weights.
type Word = Vec<(String, Weight)>;

enum Token {
    /// A word: pieces of text in their weights, no breakable space inside.
    Word(Word),
    /// One or more breakable spaces, in the weight of the first one.
    Space(Weight),
    /// A forced line break.
    Break,
}

/// Whether an ordinary space between `prev` and `next` must not be a line
/// break, by French typographic usage: inside a number written in groups
/// ("1 234,56"), before a unit or a high punctuation mark ("12 €", "30 %",
/// "soins :", "« oui »"), and after an opening guillemet.
fn glued(prev: Option<char>, next: Option<char>) -> bool {
    match (prev, next) {
        (Some(p), Some(n)) if p.is_ascii_digit() && n.is_ascii_digit() => true,
        (Some(_), Some('€' | '%' | ':' | ';' | '!' | '?' | '»')) => true,
        (Some('«'), Some(_)) => true,
        _ => false,
    }
}

fn tokenize(spans: &[(&str, Weight)]) -> Vec<Token> {
    let chars: Vec<(char, Weight)> = spans
        .iter()
        .flat_map(|&(text, weight)| text.chars().map(move |c| (c, weight)))
        .collect();
    let mut tokens = Vec::new();
    let mut word: Word = Vec::new();
    fn flush(word: &mut Word, tokens: &mut Vec<Token>) {
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(word)));
        }
    }
    fn push_char(word: &mut Word, c: char, weight: Weight) {
        match word.last_mut() {
            Some((s, w)) if *w == weight => s.push(c),
            _ => word.push((c.to_string(), weight)),
        }
    }
    for (i, &(c, weight)) in chars.iter().enumerate() {
        match c {
            ' ' | '\t' => {
                let prev = i.checked_sub(1).map(|j| chars[j].0);
                let next = chars.get(i + 1).map(|x| x.0);
                if !word.is_empty() && glued(prev, next) {
                    push_char(&mut word, ' ', weight);
                    continue;
                }
                flush(&mut word, &mut tokens);
                if !matches!(tokens.last(), Some(Token::Space(_))) {
                    tokens.push(Token::Space(weight));
                }
            }
            '\n' => {
                flush(&mut word, &mut tokens);
                tokens.push(Token::Break);
            }
            _ => push_char(&mut word, c, weight),
        }
    }
    flush(&mut word, &mut tokens);
    tokens
}

struct Wrapper<'f> {
    fonts: &'f Fonts,
    size: f32,
    max_width: f32,
    lines: Vec<Line>,
    line: Line,
}

impl Wrapper<'_> {
    fn width(&self, pieces: &[(String, Weight)]) -> f32 {
        pieces
            .iter()
            .map(|(t, w)| self.fonts.width(t, *w, self.size))
            .sum()
    }

    /// Places a word after an optional breakable space.
    fn place(&mut self, pieces: &[(String, Weight)], space: Option<Weight>) {
        let word_width = self.width(pieces);
        if !self.line.runs.is_empty() {
            let space_width = space
                .map(|w| self.fonts.width(" ", w, self.size))
                .unwrap_or(0.0);
            if self.line.width + space_width + word_width <= self.max_width + EPS {
                if let Some(w) = space {
                    self.line.push(self.fonts, " ", w, self.size);
                }
                for (t, w) in pieces {
                    self.line.push(self.fonts, t, *w, self.size);
                }
                return;
            }
            self.lines.push(std::mem::take(&mut self.line));
        }
        if word_width <= self.max_width + EPS {
            for (t, w) in pieces {
                self.line.push(self.fonts, t, *w, self.size);
            }
            return;
        }
        // Wider than a whole line. First give up the spaces typography had
        // bound ("1 234 567 890 €" in a very narrow column)…
        let parts = split_at_spaces(pieces);
        if parts.len() > 1 {
            for (part, space) in parts {
                self.place(&part, space);
            }
            return;
        }
        // …then split between characters: nothing is cut, nothing overflows.
        for (t, w) in pieces {
            for c in t.chars() {
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf);
                let cw = self.fonts.width(s, *w, self.size);
                if !self.line.runs.is_empty() && self.line.width + cw > self.max_width + EPS {
                    self.lines.push(std::mem::take(&mut self.line));
                }
                self.line.push(self.fonts, s, *w, self.size);
            }
        }
    }
}

/// Splits a word at its bound spaces: the parts, each with the weight of
/// the space before it.
fn split_at_spaces(pieces: &[(String, Weight)]) -> Vec<(Word, Option<Weight>)> {
    let mut parts: Vec<(Word, Option<Weight>)> = vec![(Vec::new(), None)];
    for (t, w) in pieces {
        for (i, chunk) in t.split(' ').enumerate() {
            if i > 0 {
                parts.push((Vec::new(), Some(*w)));
            }
            if !chunk.is_empty() {
                if let Some((part, _)) = parts.last_mut() {
                    part.push((chunk.to_string(), *w));
                }
            }
        }
    }
    parts.retain(|(p, _)| !p.is_empty());
    parts
}

/// Wraps `spans` (text, weight) at `size` points into lines of at most
/// `max_width` points. An empty input gives no line.
pub fn wrap(fonts: &Fonts, spans: &[(&str, Weight)], size: f32, max_width: f32) -> Vec<Line> {
    let mut wrapper = Wrapper {
        fonts,
        size,
        max_width,
        lines: Vec::new(),
        line: Line::default(),
    };
    let mut pending_space: Option<Weight> = None;
    let mut started = false;
    for token in tokenize(spans) {
        match token {
            Token::Space(weight) => {
                if !wrapper.line.runs.is_empty() {
                    pending_space = Some(weight);
                }
            }
            Token::Break => {
                wrapper.lines.push(std::mem::take(&mut wrapper.line));
                pending_space = None;
                started = true;
            }
            Token::Word(pieces) => {
                started = true;
                wrapper.place(&pieces, pending_space.take());
            }
        }
    }
    let Wrapper {
        mut lines, line, ..
    } = wrapper;
    if !line.runs.is_empty() || (started && lines.is_empty()) {
        lines.push(line);
    }
    lines
}

/// Wraps plain text in one weight.
pub fn wrap_plain(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    max_width: f32,
) -> Vec<Line> {
    wrap(fonts, &[(text, weight)], size, max_width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::fonts;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn breaks_at_spaces_and_never_exceeds_the_width() {
        let f = fonts().unwrap();
        // "a" is 1255/2048 em: at 10 pt, "aaaa" = 24.512 pt and a space
        // (651/2048 em) = 3.179 pt. Two words + space = 52.202 pt: they fit
        // in 53 pt, three words (79.893 pt) do not.
        let lines = wrap_plain(f, "aaaa aaaa aaaa", Weight::Regular, 10.0, 53.0);
        assert_eq!(texts(&lines), vec!["aaaa aaaa", "aaaa"]);
        assert!(lines.iter().all(|l| l.width <= 53.0));
        // At 52 pt the two words no longer fit together.
        let lines = wrap_plain(f, "aaaa aaaa aaaa", Weight::Regular, 10.0, 52.0);
        assert_eq!(texts(&lines), vec!["aaaa", "aaaa", "aaaa"]);
    }

    #[test]
    fn amounts_are_never_split() {
        let f = fonts().unwrap();
        for amount in [
            "1 234,56 €",
            "1\u{202f}234,56\u{202f}€",
            "1\u{a0}234,56\u{a0}€",
        ] {
            let lines = wrap_plain(f, &format!("total {amount}"), Weight::Regular, 10.0, 60.0);
            assert_eq!(texts(&lines), vec!["total".to_string(), amount.to_string()]);
        }
    }

    #[test]
    fn no_line_starts_with_a_high_punctuation_mark() {
        let f = fonts().unwrap();
        // At 10 pt (fontTools advances): "des soins" = 46.54 pt fits in 50 pt,
        // "des soins :" = 53.09 pt does not. The colon must not start the next
        // line: "soins :" (32.20 pt) goes down together.
        let lines = wrap_plain(f, "des soins : 15", Weight::Regular, 10.0, 50.0);
        assert_eq!(texts(&lines), vec!["des", "soins : 15"]);
        // "x « oui" = 33.63 pt fits in 38 pt, "x « oui »" = 42.92 pt does not;
        // "« oui »" (33.83 pt) stays whole on the next line.
        let lines = wrap_plain(f, "x « oui »", Weight::Regular, 10.0, 38.0);
        assert_eq!(texts(&lines), vec!["x", "« oui »"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_not_cut() {
        let f = fonts().unwrap();
        // Twelve "0" = 76.35 pt at 10 pt; in 30 pt, four per line (25.45 pt,
        // five would be 31.8 pt).
        let lines = wrap_plain(f, "000000000000", Weight::Regular, 10.0, 30.0);
        assert_eq!(texts(&lines), vec!["0000", "0000", "0000"]);
    }

    #[test]
    fn a_bound_number_too_wide_for_the_line_breaks_at_its_groups_first() {
        let f = fonts().unwrap();
        // "1 234 567 €" bound into one word is 60.43 pt at 10 pt; in 40 pt
        // it gives way at its spaces: "1 234" (28.63 pt) then "567 €" (28.63 pt).
        let lines = wrap_plain(f, "1 234 567 €", Weight::Regular, 10.0, 40.0);
        assert_eq!(texts(&lines), vec!["1 234", "567 €"]);
    }

    #[test]
    fn forced_breaks_and_mixed_weights() {
        let f = fonts().unwrap();
        let lines = wrap(
            f,
            &[
                ("Total : ", Weight::Regular),
                ("12,00 €", Weight::Bold),
                ("\nfin", Weight::Regular),
            ],
            10.0,
            500.0,
        );
        assert_eq!(texts(&lines), vec!["Total : 12,00 €", "fin"]);
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].runs[1].weight, Weight::Bold);
        assert!((lines[0].runs[1].x - lines[0].runs[0].width).abs() < 1e-3);
    }
}
