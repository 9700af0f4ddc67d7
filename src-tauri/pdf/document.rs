//! The document model: what a caller describes (metadata and a list of
//! blocks), with no notion of pages, coordinates or PDF. The estimate, the
//! checklists and the simulators all build one of these and hand it to
//! [`crate::pdf::render`].
//!
//! Amounts arrive already formatted (see [`crate::pdf::format`]); only the
//! bar chart needs numbers, to size its segments.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A printable document: identity (shown on every page) and content blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Metadata,
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty document with its identity.
    pub fn new(meta: Metadata) -> Self {
        Self {
            meta,
            blocks: Vec::new(),
        }
    }

    /// Appends a block; returns `self` for chaining.
    pub fn push(&mut self, block: impl Into<Block>) -> &mut Self {
        self.blocks.push(block.into());
        self
    }
}

/// Who printed what, when: the title block of page 1, the running header and
/// the footer of every page.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// Document title, e.g. "Estimation de remboursement".
    pub title: String,
    /// Name of the MGEN section (configurable), e.g. "Section MGEN du Rhône".
    pub section: String,
    /// Date printed on the document; given by the caller, never read from the clock.
    pub printed_on: NaiveDate,
    /// Reference number of the document, e.g. "E-2026-000042".
    pub reference: String,
    /// Initials of the adviser, when given.
    pub adviser_initials: Option<String>,
}

/// One unit of content, laid out top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    KeyValues(KeyValues),
    Notice(Notice),
    Table(Table),
    Chart(StackedBarChart),
    /// Starts a new page (ignored at the top of an empty page).
    PageBreak,
}

/// A section title; kept on the same page as the start of what follows.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub text: String,
    pub level: HeadingLevel,
}

impl Heading {
    /// A section title (level 1).
    pub fn section(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            level: HeadingLevel::Section,
        }
    }

    /// A sub-section title (level 2).
    pub fn sub(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            level: HeadingLevel::Sub,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingLevel {
    Section,
    Sub,
}

/// Running text, wrapped to the content width. A `\n` in a span forces a
/// line break.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
    pub size: TextSize,
}

impl Paragraph {
    /// A paragraph of plain text at the normal size.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            spans: vec![Span::plain(text)],
            size: TextSize::Normal,
        }
    }

    /// A paragraph made of several runs (plain and bold).
    pub fn spans(spans: Vec<Span>) -> Self {
        Self {
            spans,
            size: TextSize::Normal,
        }
    }

    /// The same paragraph in the small size (notes, sources).
    pub fn small(mut self) -> Self {
        self.size = TextSize::Small;
        self
    }
}

/// A run of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSize {
    Normal,
    Small,
}

/// Label / value pairs in two aligned columns ("Date des soins : 15/03/2018").
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValues {
    pub items: Vec<(String, String)>,
}

impl KeyValues {
    pub fn new<K: Into<String>, V: Into<String>>(items: impl IntoIterator<Item = (K, V)>) -> Self {
        Self {
            items: items
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}

/// A framed box drawing the eye: "Estimation non contractuelle…", warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    /// Bold first line, when given.
    pub title: Option<String>,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Info,
            title: None,
            text: text.into(),
        }
    }

    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Warning,
            title: None,
            text: text.into(),
        }
    }

    pub fn titled(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neutral information (blue).
    Info,
    /// Something to check or confirm (amber).
    Warning,
}

/// A table: its header row is repeated on every page it continues on; long
/// cells wrap on several lines; a row is never split across pages unless it
/// is taller than a whole page.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Index of a column drawn on a tinted background (e.g. the member's offer).
    pub highlight: Option<usize>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
            highlight: None,
        }
    }

    /// Appends an ordinary row.
    pub fn row<S: Into<String>>(mut self, cells: impl IntoIterator<Item = S>) -> Self {
        self.rows.push(Row::new(cells));
        self
    }

    /// Appends a bold total row, separated from the rows above.
    pub fn total_row<S: Into<String>>(mut self, cells: impl IntoIterator<Item = S>) -> Self {
        let mut row = Row::new(cells);
        row.kind = RowKind::Total;
        self.rows.push(row);
        self
    }

    pub fn highlight(mut self, column: usize) -> Self {
        self.highlight = Some(column);
        self
    }
}

/// A table column: header text, relative width and alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// Share of the content width, relative to the other columns' shares.
    pub share: u16,
    pub align: Align,
}

impl Column {
    /// A left-aligned text column.
    pub fn text(header: impl Into<String>, share: u16) -> Self {
        Self {
            header: header.into(),
            share,
            align: Align::Left,
        }
    }

    /// A right-aligned column for amounts and numbers.
    pub fn amount(header: impl Into<String>, share: u16) -> Self {
        Self {
            header: header.into(),
            share,
            align: Align::Right,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub kind: RowKind,
}

impl Row {
    pub fn new<S: Into<String>>(cells: impl IntoIterator<Item = S>) -> Self {
        Self {
            cells: cells.into_iter().map(Into::into).collect(),
            kind: RowKind::Normal,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Normal,
    Total,
}

/// Horizontal stacked bars on one common scale, one bar per item (e.g. per
/// offer), one segment per series (e.g. AMO / MGEN / reste à charge), with a
/// legend and every value printed.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedBarChart {
    pub series: Vec<Series>,
    pub bars: Vec<Bar>,
}

/// One series: its legend label and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub colour: Colour,
}

/// One bar: its label, one segment per series (same order), and the text
/// printed after the bar (usually the total).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
    pub total_text: Option<String>,
}

impl Bar {
    /// A bar of amounts in euros: each segment's text and the total are
    /// written with [`crate::pdf::format::euros`].
    pub fn euros(label: impl Into<String>, values: &[Decimal]) -> Self {
        let total: Decimal = values.iter().copied().sum();
        Self {
            label: label.into(),
            segments: values
                .iter()
                .map(|v| Segment {
                    value: *v,
                    text: crate::pdf::format::euros(*v),
                })
                .collect(),
            total_text: Some(crate::pdf::format::euros(total)),
        }
    }
}

/// One segment: the value that sizes it (≥ 0) and the text printed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub value: Decimal,
    pub text: String,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// Guichet blue (the UI's `--bleu`, #00539f).
    pub const BLUE: Colour = Colour::rgb(0x00, 0x53, 0x9f);
    /// Dark blue (the UI's `--bleu-fonce`, #003a70).
    pub const DARK_BLUE: Colour = Colour::rgb(0x00, 0x3a, 0x70);
    /// Light sky blue, readable with dark text.
    pub const SKY: Colour = Colour::rgb(0x7f, 0xb8, 0xe6);
    /// Amber, readable with dark text.
    pub const AMBER: Colour = Colour::rgb(0xf2, 0xb1, 0x34);
    /// Slate grey (the UI's `--gris`, #4a5563).
    pub const SLATE: Colour = Colour::rgb(0x4a, 0x55, 0x63);
    /// Green.
    pub const GREEN: Colour = Colour::rgb(0x2e, 0x7d, 0x32);

    /// Relative luminance (0 black … 1 white), to pick a readable text colour.
    pub(crate) fn luminance(self) -> f32 {
        fn lin(c: u8) -> f32 {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }
}

impl From<Heading> for Block {
    fn from(b: Heading) -> Self {
        Block::Heading(b)
    }
}
impl From<Paragraph> for Block {
    fn from(b: Paragraph) -> Self {
        Block::Paragraph(b)
    }
}
impl From<KeyValues> for Block {
    fn from(b: KeyValues) -> Self {
        Block::KeyValues(b)
    }
}
impl From<Notice> for Block {
    fn from(b: Notice) -> Self {
        Block::Notice(b)
    }
}
impl From<Table> for Block {
    fn from(b: Table) -> Self {
        Block::Table(b)
    }
}
impl From<StackedBarChart> for Block {
    fn from(b: StackedBarChart) -> Self {
        Block::Chart(b)
    }
}
