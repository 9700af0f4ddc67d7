//! Pagination: turns a [`Document`] into pages of positioned items (text
//! runs, rectangles, lines), before any PDF exists. The total page count is
//! known once the content is laid out; only then are the header and the
//! "page i/N" footer added to every page.
//!
//! Coordinates are points (1/72 in) from the top-left corner of an A4 page
//! (595.28 × 841.89 pt); the renderer flips them to PDF's bottom-left origin.
//!
//! Page geometry (the figures tests compute page counts from):
//! - side margins 48 pt: content from x = 48 to x = 547.28 (499.28 pt wide);
//! - header text baseline at 32 pt, rule at 42 pt; content from y = 60 pt;
//! - content down to y = 790 pt (730 pt per page); footer rule at 800 pt,
//!   footer baseline at 814 pt;
//! - page 1 opens with the title block: 24 pt per title line (18 pt bold),
//!   14 pt per identity line (9 pt), then 14 pt of space — 52 pt for a
//!   one-line title and a one-line identity, so page 1's content starts at
//!   y = 112 pt;
//! - blocks are separated by 10 pt (none at the top of a page);
//! - tables: 9 pt text on 12 pt lines, 4 pt padding above and below, 5 pt
//!   left and right — a one-line row is 20 pt high, a two-line row 32 pt;
//!   the header row is repeated at the top of every page the table
//!   continues on and is never left alone at the bottom of a page.

use super::chart;
use super::document::*;
use super::fonts::{fonts, Fonts, Weight};
use super::format;
use super::wrap::{wrap, wrap_plain, Line};
use super::PdfError;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_X: f32 = 48.0;
pub const CONTENT_LEFT: f32 = MARGIN_X;
pub const CONTENT_RIGHT: f32 = PAGE_WIDTH - MARGIN_X;
pub const CONTENT_WIDTH: f32 = CONTENT_RIGHT - CONTENT_LEFT;
pub const CONTENT_TOP: f32 = 60.0;
pub const CONTENT_BOTTOM: f32 = 790.0;

const HEADER_BASELINE: f32 = 32.0;
const HEADER_RULE: f32 = 42.0;
const FOOTER_RULE: f32 = 800.0;
const FOOTER_BASELINE: f32 = 814.0;
const RUNNING_SIZE: f32 = 8.0;

const TITLE_SIZE: f32 = 18.0;
const TITLE_LINE: f32 = 24.0;
const IDENTITY_SIZE: f32 = 9.0;
const IDENTITY_LINE: f32 = 14.0;
const TITLE_GAP: f32 = 14.0;

pub(crate) const BLOCK_GAP: f32 = 10.0;

const BODY_SIZE: f32 = 10.0;
const BODY_LINE: f32 = 14.0;
const SMALL_SIZE: f32 = 8.5;
const SMALL_LINE: f32 = 11.5;

const H1_SIZE: f32 = 13.0;
const H1_LINE: f32 = 17.0;
const H1_BEFORE: f32 = 6.0;
const H1_AFTER: f32 = 6.0;
const H2_SIZE: f32 = 11.0;
const H2_LINE: f32 = 15.0;
const H2_AFTER: f32 = 3.0;

pub(crate) const TABLE_SIZE: f32 = 9.0;
pub(crate) const TABLE_LINE: f32 = 12.0;
const CELL_PAD_Y: f32 = 4.0;
const CELL_PAD_X: f32 = 5.0;
/// Narrowest text width a column may leave for its cells.
const MIN_CELL_TEXT: f32 = 14.0;

const NOTICE_SIZE: f32 = 9.5;
const NOTICE_LINE: f32 = 13.0;
const NOTICE_PAD: f32 = 8.0;
const NOTICE_BAR: f32 = 3.0;

const KV_SIZE: f32 = 10.0;
const KV_LINE: f32 = 14.0;
const KV_GAP: f32 = 12.0;

/// Tolerance when checking that something fits, in points.
const FIT_EPS: f32 = 0.01;

pub(crate) mod palette {
    use super::Colour;
    pub const TEXT: Colour = Colour::rgb(0x1a, 0x1a, 0x1a);
    pub const MUTED: Colour = Colour::rgb(0x4a, 0x55, 0x63);
    pub const RULE: Colour = Colour::rgb(0xc5, 0xcc, 0xd6);
    pub const ROW_RULE: Colour = Colour::rgb(0xdd, 0xe2, 0xe8);
    pub const HEADING: Colour = Colour::DARK_BLUE;
    pub const TABLE_HEAD_BG: Colour = Colour::rgb(0xe4, 0xec, 0xf5);
    pub const HIGHLIGHT_BG: Colour = Colour::rgb(0xf0, 0xf6, 0xfc);
    pub const HIGHLIGHT_HEAD_BG: Colour = Colour::rgb(0xcf, 0xe0, 0xf2);
    pub const TOTAL_BG: Colour = Colour::rgb(0xf1, 0xf3, 0xf5);
    pub const INFO_BG: Colour = Colour::rgb(0xea, 0xf2, 0xfb);
    pub const INFO_BAR: Colour = Colour::BLUE;
    pub const WARNING_BG: Colour = Colour::rgb(0xfd, 0xf3, 0xe1);
    pub const WARNING_BAR: Colour = Colour::rgb(0xb8, 0x6e, 0x00);
    pub const WARNING_TEXT: Colour = Colour::rgb(0x6b, 0x3a, 0x00);
}

/// A document cut into pages.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidOutDocument {
    pub pages: Vec<Page>,
}

/// One page: what to draw, in drawing order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The text runs of the page.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// Something drawn on a page (top-left coordinates, points).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A filled rectangle; `top` is its upper edge.
    Rect {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Colour,
    },
    /// A straight stroke.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Colour,
    },
}

/// A run of text on one baseline, in one weight, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub text: String,
    pub weight: Weight,
    pub size: f32,
    pub colour: Colour,
    /// Printed width, from the glyph advances.
    pub width: f32,
}

/// Lays the document out (validating it first).
pub fn layout(doc: &Document) -> Result<LaidOutDocument, PdfError> {
    let fonts = fonts()?;
    super::validate::validate(doc, fonts)?;
    let mut flow = Flow::new(fonts);
    flow.title_block(&doc.meta);
    for (i, block) in doc.blocks.iter().enumerate() {
        let next = doc.blocks.get(i + 1);
        match block {
            Block::Heading(h) => flow.heading(h, next),
            Block::Paragraph(p) => flow.paragraph(p),
            Block::KeyValues(kv) => flow.key_values(kv),
            Block::Notice(n) => flow.notice(n),
            Block::Table(t) => flow.table(t),
            Block::Chart(c) => chart::layout_chart(&mut flow, c),
            Block::PageBreak => {
                if !flow.page_is_empty() {
                    flow.new_page();
                }
            }
        }
    }
    let mut pages = flow.finish();
    add_running_texts(fonts, &doc.meta, &mut pages);
    Ok(LaidOutDocument { pages })
}

/// The flow of content down the pages.
pub(crate) struct Flow<'f> {
    pub(crate) fonts: &'f Fonts,
    pages: Vec<Page>,
    pub(crate) page: Page,
    /// Current position (top of the next thing), from the page top.
    pub(crate) y: f32,
    /// Where content starts on the current page.
    top: f32,
    /// Whether something was placed since the last block gap.
    gap_pending: bool,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            pages: Vec::new(),
            page: Page::default(),
            y: CONTENT_TOP,
            top: CONTENT_TOP,
            gap_pending: false,
        }
    }

    fn finish(mut self) -> Vec<Page> {
        self.pages.push(std::mem::take(&mut self.page));
        self.pages
    }

    pub(crate) fn page_is_empty(&self) -> bool {
        self.y <= self.top + FIT_EPS
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = CONTENT_TOP;
        self.top = CONTENT_TOP;
        self.gap_pending = false;
    }

    /// Height left on the current page.
    pub(crate) fn remaining(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// Height of an empty page.
    pub(crate) fn full_page() -> f32 {
        CONTENT_BOTTOM - CONTENT_TOP
    }

    /// Opens a block: applies the gap after the previous block, then moves
    /// to a new page unless `first` points fit (a block's first unbreakable
    /// part).
    pub(crate) fn begin_block(&mut self, first: f32) {
        if self.gap_pending && !self.page_is_empty() {
            self.y += BLOCK_GAP;
        }
        self.gap_pending = false;
        self.ensure(first);
    }

    pub(crate) fn end_block(&mut self) {
        self.gap_pending = true;
    }

    /// Starts a new page unless `height` fits in what is left (an empty
    /// page always takes it: what cannot fit anywhere is split by callers).
    pub(crate) fn ensure(&mut self, height: f32) {
        if height > self.remaining() + FIT_EPS && !self.page_is_empty() {
            self.new_page();
        }
    }

    pub(crate) fn fits(&self, height: f32) -> bool {
        height <= self.remaining() + FIT_EPS
    }

    pub(crate) fn text(&mut self, run: TextRun) {
        self.page.items.push(Item::Text(run));
    }

    /// Draws a wrapped line whose line box starts at `top`, left edge `x`.
    pub(crate) fn line_at(
        &mut self,
        line: &Line,
        x: f32,
        top: f32,
        line_height: f32,
        size: f32,
        colour: Colour,
    ) {
        let baseline = baseline_in(top, line_height, size);
        for run in &line.runs {
            self.text(TextRun {
                x: x + run.x,
                baseline,
                text: run.text.clone(),
                weight: run.weight,
                size,
                colour,
                width: run.width,
            });
        }
    }

    pub(crate) fn rect(&mut self, x: f32, top: f32, width: f32, height: f32, fill: Colour) {
        self.page.items.push(Item::Rect {
            x,
            top,
            width,
            height,
            fill,
        });
    }

    pub(crate) fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, colour: Colour) {
        self.page.items.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            colour,
        });
    }

    fn title_block(&mut self, meta: &Metadata) {
        let fonts = self.fonts;
        for line in wrap_plain(fonts, &meta.title, Weight::Bold, TITLE_SIZE, CONTENT_WIDTH) {
            let y = self.y;
            self.line_at(
                &line,
                CONTENT_LEFT,
                y,
                TITLE_LINE,
                TITLE_SIZE,
                palette::HEADING,
            );
            self.y += TITLE_LINE;
        }
        let identity = identity_line(meta);
        for line in wrap_plain(
            fonts,
            &identity,
            Weight::Regular,
            IDENTITY_SIZE,
            CONTENT_WIDTH,
        ) {
            let y = self.y;
            self.line_at(
                &line,
                CONTENT_LEFT,
                y,
                IDENTITY_LINE,
                IDENTITY_SIZE,
                palette::MUTED,
            );
            self.y += IDENTITY_LINE;
        }
        self.y += TITLE_GAP;
        self.top = self.y;
    }

    fn heading_lines(&self, h: &Heading) -> (Vec<Line>, f32, f32, f32, f32) {
        let (size, line, before, after) = match h.level {
            HeadingLevel::Section => (H1_SIZE, H1_LINE, H1_BEFORE, H1_AFTER),
            HeadingLevel::Sub => (H2_SIZE, H2_LINE, 0.0, H2_AFTER),
        };
        let lines = wrap_plain(self.fonts, &h.text, Weight::Bold, size, CONTENT_WIDTH);
        (lines, size, line, before, after)
    }

    fn heading(&mut self, h: &Heading, next: Option<&Block>) {
        let (lines, size, line_h, before, after) = self.heading_lines(h);
        let own = lines.len() as f32 * line_h + after;
        // Keep the heading with the first unbreakable part of what follows.
        let follow = next.map(|b| self.first_unit(b)).unwrap_or(0.0);
        let spaced_before = if self.page_is_empty() { 0.0 } else { before };
        self.begin_block(spaced_before + own + follow);
        if !self.page_is_empty() {
            self.y += before;
        }
        for line in &lines {
            let y = self.y;
            self.line_at(line, CONTENT_LEFT, y, line_h, size, palette::HEADING);
            self.y += line_h;
        }
        if h.level == HeadingLevel::Section {
            let y = self.y + 1.0;
            self.hline(CONTENT_LEFT, CONTENT_RIGHT, y, 0.6, palette::RULE);
        }
        self.y += after;
        // The next block follows the heading closely: no block gap.
        self.gap_pending = false;
    }

    /// Height of the first part of `block` that cannot be split, so that a
    /// heading is not left alone at the bottom of a page.
    fn first_unit(&self, block: &Block) -> f32 {
        match block {
            Block::Paragraph(p) => {
                let (lines, lh, _) = self.paragraph_lines(p);
                lines.len().min(2) as f32 * lh
            }
            Block::KeyValues(kv) => self.kv_rows(kv).first().map(|r| r.height).unwrap_or(0.0),
            Block::Notice(n) => {
                self.notice_lines(n).len().min(3) as f32 * NOTICE_LINE + 2.0 * NOTICE_PAD
            }
            Block::Table(t) => {
                let cols = column_widths(t);
                let head = self.header_cells(t, &cols);
                let first = t
                    .rows
                    .first()
                    .map(|r| self.row_cells(r, &cols).1)
                    .unwrap_or(0.0);
                head.1 + first
            }
            Block::Chart(c) => chart::first_unit(self, c),
            Block::Heading(h) => {
                let (lines, _, line_h, _, after) = self.heading_lines(h);
                lines.len() as f32 * line_h + after
            }
            Block::PageBreak => 0.0,
        }
    }

    fn paragraph_lines(&self, p: &Paragraph) -> (Vec<Line>, f32, f32) {
        let (size, line_h) = match p.size {
            TextSize::Normal => (BODY_SIZE, BODY_LINE),
            TextSize::Small => (SMALL_SIZE, SMALL_LINE),
        };
        let spans: Vec<(&str, Weight)> = p
            .spans
            .iter()
            .map(|s| {
                (
                    s.text.as_str(),
                    if s.bold {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    },
                )
            })
            .collect();
        (wrap(self.fonts, &spans, size, CONTENT_WIDTH), line_h, size)
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let (lines, line_h, size) = self.paragraph_lines(p);
        let colour = match p.size {
            TextSize::Normal => palette::TEXT,
            TextSize::Small => palette::MUTED,
        };
        // At least two lines together at the bottom of a page.
        self.begin_block(lines.len().min(2) as f32 * line_h);
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            // Do not leave the last line alone on the next page.
            let need = if i + 2 == count { 2.0 * line_h } else { line_h };
            if !self.fits(need) && i > 0 {
                self.new_page();
            }
            let y = self.y;
            self.line_at(line, CONTENT_LEFT, y, line_h, size, colour);
            self.y += line_h;
        }
        self.end_block();
    }

    fn kv_rows(&self, kv: &KeyValues) -> Vec<KvRow> {
        let label_w = kv
            .items
            .iter()
            .map(|(k, _)| self.fonts.width(k, Weight::Regular, KV_SIZE))
            .fold(0.0_f32, f32::max)
            .min(CONTENT_WIDTH * 0.4);
        let value_w = CONTENT_WIDTH - label_w - KV_GAP;
        kv.items
            .iter()
            .map(|(k, v)| {
                let label = wrap_plain(self.fonts, k, Weight::Regular, KV_SIZE, label_w);
                let value = wrap_plain(self.fonts, v, Weight::Regular, KV_SIZE, value_w);
                let height = label.len().max(value.len()).max(1) as f32 * KV_LINE + 2.0;
                KvRow {
                    label,
                    value,
                    height,
                    value_x: CONTENT_LEFT + label_w + KV_GAP,
                }
            })
            .collect()
    }

    fn key_values(&mut self, kv: &KeyValues) {
        let rows = self.kv_rows(kv);
        self.begin_block(rows.first().map(|r| r.height).unwrap_or(0.0));
        for row in rows {
            self.ensure(row.height);
            let top = self.y;
            for (i, line) in row.label.iter().enumerate() {
                let t = top + i as f32 * KV_LINE;
                self.line_at(line, CONTENT_LEFT, t, KV_LINE, KV_SIZE, palette::MUTED);
            }
            for (i, line) in row.value.iter().enumerate() {
                let t = top + i as f32 * KV_LINE;
                self.line_at(line, row.value_x, t, KV_LINE, KV_SIZE, palette::TEXT);
            }
            self.y += row.height;
        }
        self.end_block();
    }

    fn notice_lines(&self, n: &Notice) -> Vec<Line> {
        let width = CONTENT_WIDTH - NOTICE_BAR - 2.0 * NOTICE_PAD;
        let mut lines = Vec::new();
        if let Some(title) = &n.title {
            lines.extend(wrap_plain(
                self.fonts,
                title,
                Weight::Bold,
                NOTICE_SIZE,
                width,
            ));
        }
        lines.extend(wrap_plain(
            self.fonts,
            &n.text,
            Weight::Regular,
            NOTICE_SIZE,
            width,
        ));
        lines
    }

    fn notice(&mut self, n: &Notice) {
        let lines = self.notice_lines(n);
        let (bg, bar, colour) = match n.tone {
            Tone::Info => (palette::INFO_BG, palette::INFO_BAR, palette::TEXT),
            Tone::Warning => (
                palette::WARNING_BG,
                palette::WARNING_BAR,
                palette::WARNING_TEXT,
            ),
        };
        let whole = lines.len() as f32 * NOTICE_LINE + 2.0 * NOTICE_PAD;
        // Kept whole when it fits on a page; otherwise split between lines,
        // each part in its own box.
        let first = if whole <= Flow::full_page() {
            whole
        } else {
            NOTICE_LINE + 2.0 * NOTICE_PAD
        };
        self.begin_block(first);
        let mut rest: &[Line] = &lines;
        while !rest.is_empty() {
            let room = ((self.remaining() - 2.0 * NOTICE_PAD) / NOTICE_LINE).floor();
            let take = (room.max(1.0) as usize).min(rest.len());
            let (part, tail) = rest.split_at(take);
            let height = part.len() as f32 * NOTICE_LINE + 2.0 * NOTICE_PAD;
            let top = self.y;
            self.rect(CONTENT_LEFT, top, CONTENT_WIDTH, height, bg);
            self.rect(CONTENT_LEFT, top, NOTICE_BAR, height, bar);
            let x = CONTENT_LEFT + NOTICE_BAR + NOTICE_PAD;
            for (i, line) in part.iter().enumerate() {
                let t = top + NOTICE_PAD + i as f32 * NOTICE_LINE;
                self.line_at(line, x, t, NOTICE_LINE, NOTICE_SIZE, colour);
            }
            self.y += height;
            rest = tail;
            if !rest.is_empty() {
                self.new_page();
            }
        }
        self.end_block();
    }

    fn header_cells(&self, t: &Table, cols: &[ColumnBox]) -> (Vec<Vec<Line>>, f32) {
        let cells: Vec<Vec<Line>> = t
            .columns
            .iter()
            .zip(cols)
            .map(|(c, b)| {
                wrap_plain(
                    self.fonts,
                    &c.header,
                    Weight::Bold,
                    TABLE_SIZE,
                    b.text_width(),
                )
            })
            .collect();
        let height = row_height(&cells);
        (cells, height)
    }

    fn row_cells(&self, row: &Row, cols: &[ColumnBox]) -> (Vec<Vec<Line>>, f32) {
        let weight = match row.kind {
            RowKind::Normal => Weight::Regular,
            RowKind::Total => Weight::Bold,
        };
        let cells: Vec<Vec<Line>> = row
            .cells
            .iter()
            .zip(cols)
            .map(|(text, b)| wrap_plain(self.fonts, text, weight, TABLE_SIZE, b.text_width()))
            .collect();
        let height = row_height(&cells);
        (cells, height)
    }

    fn table(&mut self, t: &Table) {
        let cols = column_widths(t);
        let (head, head_h) = self.header_cells(t, &cols);
        let rows: Vec<(Vec<Vec<Line>>, f32, RowKind)> = t
            .rows
            .iter()
            .map(|r| {
                let (cells, h) = self.row_cells(r, &cols);
                (cells, h, r.kind)
            })
            .collect();
        let first_row = rows.first().map(|r| r.1).unwrap_or(0.0);
        // The header never stands alone: it starts a page with its first row.
        self.begin_block(head_h + first_row.min(Flow::full_page() - head_h));
        self.table_header(t, &cols, &head, head_h);
        for (cells, height, kind) in &rows {
            if !self.fits(*height) {
                let whole_page = Flow::full_page() - head_h;
                if *height <= whole_page + FIT_EPS
                    || self.remaining() < TABLE_LINE + 2.0 * CELL_PAD_Y
                {
                    self.new_page();
                    self.table_header(t, &cols, &head, head_h);
                }
            }
            if self.fits(*height) {
                self.table_row(t, &cols, cells, 0..max_lines(cells), *height, *kind);
                continue;
            }
            // A row taller than a whole page: split it between lines.
            let total_lines = max_lines(cells);
            let mut from = 0;
            while from < total_lines {
                let room = ((self.remaining() - 2.0 * CELL_PAD_Y) / TABLE_LINE).floor() as usize;
                let take = room.max(1).min(total_lines - from);
                let h = take as f32 * TABLE_LINE + 2.0 * CELL_PAD_Y;
                self.table_row(t, &cols, cells, from..from + take, h, *kind);
                from += take;
                if from < total_lines {
                    self.new_page();
                    self.table_header(t, &cols, &head, head_h);
                }
            }
        }
        self.end_block();
    }

    fn table_header(&mut self, t: &Table, cols: &[ColumnBox], head: &[Vec<Line>], height: f32) {
        let top = self.y;
        self.rect(
            CONTENT_LEFT,
            top,
            CONTENT_WIDTH,
            height,
            palette::TABLE_HEAD_BG,
        );
        if let Some(h) = t.highlight {
            let b = &cols[h];
            self.rect(b.x, top, b.width, height, palette::HIGHLIGHT_HEAD_BG);
        }
        // Header cells sit on the bottom of the header row, next to the data.
        let rows = max_lines(head);
        for ((col, b), lines) in t.columns.iter().zip(cols).zip(head) {
            let offset = (rows - lines.len()) as f32 * TABLE_LINE;
            self.cell_lines(lines, b, col.align, top + offset, palette::HEADING);
        }
        self.y += height;
        let y = self.y;
        self.hline(CONTENT_LEFT, CONTENT_RIGHT, y, 0.9, Colour::BLUE);
    }

    /// Draws the lines `shown` of a table row (all of them, or the part of
    /// a row taller than a page that fits here).
    fn table_row(
        &mut self,
        t: &Table,
        cols: &[ColumnBox],
        cells: &[Vec<Line>],
        shown: std::ops::Range<usize>,
        height: f32,
        kind: RowKind,
    ) {
        let top = self.y;
        if kind == RowKind::Total {
            self.rect(CONTENT_LEFT, top, CONTENT_WIDTH, height, palette::TOTAL_BG);
        }
        if let Some(h) = t.highlight {
            let b = &cols[h];
            let bg = if kind == RowKind::Total {
                palette::HIGHLIGHT_HEAD_BG
            } else {
                palette::HIGHLIGHT_BG
            };
            self.rect(b.x, top, b.width, height, bg);
        }
        if kind == RowKind::Total {
            self.hline(CONTENT_LEFT, CONTENT_RIGHT, top, 0.9, palette::MUTED);
        }
        for ((col, b), lines) in t.columns.iter().zip(cols).zip(cells) {
            let to = shown.end.min(lines.len());
            let from = shown.start.min(to);
            self.cell_lines(&lines[from..to], b, col.align, top, palette::TEXT);
        }
        self.y += height;
        let y = self.y;
        self.hline(CONTENT_LEFT, CONTENT_RIGHT, y, 0.4, palette::ROW_RULE);
    }

    /// Draws a cell's lines in its column box, aligned, from `top`.
    fn cell_lines(
        &mut self,
        lines: &[Line],
        b: &ColumnBox,
        align: Align,
        top: f32,
        colour: Colour,
    ) {
        for (i, line) in lines.iter().enumerate() {
            let x = match align {
                Align::Left => b.x + CELL_PAD_X,
                Align::Right => b.x + b.width - CELL_PAD_X - line.width,
                Align::Center => b.x + (b.width - line.width) / 2.0,
            };
            let t = top + CELL_PAD_Y + i as f32 * TABLE_LINE;
            self.line_at(line, x, t, TABLE_LINE, TABLE_SIZE, colour);
        }
    }
}

struct KvRow {
    label: Vec<Line>,
    value: Vec<Line>,
    height: f32,
    value_x: f32,
}

/// A column's horizontal extent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ColumnBox {
    pub(crate) x: f32,
    pub(crate) width: f32,
}

impl ColumnBox {
    fn text_width(&self) -> f32 {
        self.width - 2.0 * CELL_PAD_X
    }
}

/// Splits the content width between the columns by their shares.
pub(crate) fn column_widths(t: &Table) -> Vec<ColumnBox> {
    let total: f32 = t.columns.iter().map(|c| f32::from(c.share)).sum();
    let mut x = CONTENT_LEFT;
    t.columns
        .iter()
        .map(|c| {
            let width = CONTENT_WIDTH * f32::from(c.share) / total;
            let b = ColumnBox { x, width };
            x += width;
            b
        })
        .collect()
}

/// Narrowest width a column may have (its text width must hold a glyph).
pub(crate) fn min_column_width() -> f32 {
    MIN_CELL_TEXT + 2.0 * CELL_PAD_X
}

fn max_lines(cells: &[Vec<Line>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

fn row_height(cells: &[Vec<Line>]) -> f32 {
    max_lines(cells) as f32 * TABLE_LINE + 2.0 * CELL_PAD_Y
}

/// Height of DejaVu Sans capitals and digits, in em (1493 / 2048 units).
const CAP_HEIGHT: f32 = 0.729;

/// Baseline of text of `size` centred in a line box of `line_height`
/// starting at `top`: the room left by the cap height is split evenly above
/// and below, so digits and capitals sit visually centred.
pub(crate) fn baseline_in(top: f32, line_height: f32, size: f32) -> f32 {
    let cap = CAP_HEIGHT * size;
    top + (line_height - cap) / 2.0 + cap
}

fn identity_line(meta: &Metadata) -> String {
    let mut parts = vec![
        meta.section.clone(),
        format!("Imprimé le {}", format::date(meta.printed_on)),
        format!("Réf. {}", meta.reference),
    ];
    if let Some(initials) = &meta.adviser_initials {
        parts.push(format!("Conseiller : {initials}"));
    }
    parts.join("  ·  ")
}

/// Adds the running header (title left, section right) and the footer
/// (reference and date left, "page i/N" right) to every page.
fn add_running_texts(fonts: &Fonts, meta: &Metadata, pages: &mut [Page]) {
    let count = pages.len();
    let footer_left = {
        let mut s = format!(
            "Réf. {}  ·  imprimé le {}",
            meta.reference,
            format::date(meta.printed_on)
        );
        if let Some(initials) = &meta.adviser_initials {
            s.push_str(&format!("  ·  conseiller {initials}"));
        }
        s
    };
    for (i, page) in pages.iter_mut().enumerate() {
        let mut items = Vec::new();
        let mut put = |x: f32, baseline: f32, text: &str, weight: Weight, align_right: bool| {
            let width = fonts.width(text, weight, RUNNING_SIZE);
            let x = if align_right { x - width } else { x };
            items.push(Item::Text(TextRun {
                x,
                baseline,
                text: text.to_string(),
                weight,
                size: RUNNING_SIZE,
                colour: palette::MUTED,
                width,
            }));
        };
        // Header: title and section share one line when they fit, else the
        // section goes on a second line (both are checked to fit one line).
        let title_w = fonts.width(&meta.title, Weight::Bold, RUNNING_SIZE);
        let section_w = fonts.width(&meta.section, Weight::Regular, RUNNING_SIZE);
        let title_baseline = if title_w + section_w + 24.0 <= CONTENT_WIDTH {
            HEADER_BASELINE
        } else {
            HEADER_BASELINE - RUNNING_SIZE - 3.0
        };
        put(
            CONTENT_LEFT,
            title_baseline,
            &meta.title,
            Weight::Bold,
            false,
        );
        put(
            CONTENT_RIGHT,
            HEADER_BASELINE,
            &meta.section,
            Weight::Regular,
            true,
        );
        let page_text = format!("page {}/{}", i + 1, count);
        let page_w = fonts.width(&page_text, Weight::Regular, RUNNING_SIZE);
        // The footer's left text wraps before the page number if needed.
        let left_lines = wrap_plain(
            fonts,
            &footer_left,
            Weight::Regular,
            RUNNING_SIZE,
            CONTENT_WIDTH - page_w - 24.0,
        );
        for (k, line) in left_lines.iter().enumerate() {
            put(
                CONTENT_LEFT,
                FOOTER_BASELINE + k as f32 * (RUNNING_SIZE + 3.0),
                &line.text(),
                Weight::Regular,
                false,
            );
        }
        put(
            CONTENT_RIGHT,
            FOOTER_BASELINE,
            &page_text,
            Weight::Regular,
            true,
        );
        items.push(Item::Line {
            x1: CONTENT_LEFT,
            y1: HEADER_RULE,
            x2: CONTENT_RIGHT,
            y2: HEADER_RULE,
            width: 0.5,
            colour: palette::RULE,
        });
        items.push(Item::Line {
            x1: CONTENT_LEFT,
            y1: FOOTER_RULE,
            x2: CONTENT_RIGHT,
            y2: FOOTER_RULE,
            width: 0.5,
            colour: palette::RULE,
        });
        page.items.extend(items);
    }
}
