//! Horizontal stacked bars drawn as vector rectangles: one bar per item on a
//! scale common to all bars (the longest total spans the bar area), a legend
//! above, each segment's value printed inside it when it fits, otherwise on a
//! line under the bar next to a colour swatch, and the bar's total after it.
//!
//! A zero segment has no width and no printed value (the tables beside the
//! chart give every amount). The chart is kept on one page when it fits on
//! one; otherwise the legend is repeated when the bars continue on the next.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::document::{Colour, StackedBarChart};
use super::fonts::Weight;
use super::layout::{
    baseline_in, palette, Flow, TextRun, CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH,
};
use super::wrap::{wrap_plain, Line};

const LEGEND_SIZE: f32 = 9.0;
const LEGEND_LINE: f32 = 14.0;
const LEGEND_AFTER: f32 = 6.0;
const SWATCH: f32 = 9.0;
const SWATCH_GAP: f32 = 4.0;
const ENTRY_GAP: f32 = 18.0;

const LABEL_SIZE: f32 = 9.0;
const LABEL_LINE: f32 = 12.0;
const LABEL_GAP: f32 = 10.0;
const BAR_HEIGHT: f32 = 18.0;
const VALUE_SIZE: f32 = 8.5;
const VALUE_PAD: f32 = 4.0;
const OVERFLOW_LINE: f32 = 13.0;
const OVERFLOW_SWATCH: f32 = 7.0;
const TOTAL_GAP: f32 = 8.0;
const ROW_GAP: f32 = 10.0;

/// What one bar row needs, measured.
struct BarRow {
    label: Vec<Line>,
    /// (x from the bar area's left, width, colour, text, text width, inside)
    segments: Vec<(f32, f32, Colour, String, f32, bool)>,
    /// Lines of overflow entries: (x, colour, text, width).
    overflow: Vec<Vec<(f32, Colour, String, f32)>>,
    total: Option<(String, f32)>,
    height: f32,
}

struct ChartGeometry {
    label_width: f32,
    bar_left: f32,
    bar_width: f32,
}

fn geometry(flow: &Flow, chart: &StackedBarChart) -> ChartGeometry {
    let fonts = flow.fonts;
    let label_width = chart
        .bars
        .iter()
        .map(|b| fonts.width(&b.label, Weight::Bold, LABEL_SIZE))
        .fold(0.0_f32, f32::max)
        .min(CONTENT_WIDTH * 0.3);
    let total_width = chart
        .bars
        .iter()
        .filter_map(|b| b.total_text.as_ref())
        .map(|t| fonts.width(t, Weight::Bold, LABEL_SIZE))
        .fold(0.0_f32, f32::max);
    let total_space = if total_width > 0.0 {
        total_width + TOTAL_GAP
    } else {
        0.0
    };
    let bar_left = CONTENT_LEFT + label_width + LABEL_GAP;
    ChartGeometry {
        label_width,
        bar_left,
        bar_width: CONTENT_RIGHT - total_space - bar_left,
    }
}

/// Legend lines: each entry (x, colour, label line, width).
fn legend(flow: &Flow, chart: &StackedBarChart) -> Vec<Vec<(f32, Colour, Line)>> {
    let fonts = flow.fonts;
    let mut lines: Vec<Vec<(f32, Colour, Line)>> = vec![Vec::new()];
    let mut x = 0.0;
    let text_max = CONTENT_WIDTH - SWATCH - SWATCH_GAP;
    for s in &chart.series {
        for piece in wrap_plain(fonts, &s.label, Weight::Regular, LEGEND_SIZE, text_max) {
            let w = SWATCH + SWATCH_GAP + piece.width;
            if x > 0.0 && x + w > CONTENT_WIDTH {
                lines.push(Vec::new());
                x = 0.0;
            }
            if let Some(line) = lines.last_mut() {
                line.push((x, s.colour, piece));
            }
            x += w + ENTRY_GAP;
        }
    }
    lines
}

fn legend_height(lines: &[Vec<(f32, Colour, Line)>]) -> f32 {
    lines.len() as f32 * LEGEND_LINE + LEGEND_AFTER
}

fn scale(chart: &StackedBarChart) -> Decimal {
    chart
        .bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.value).sum::<Decimal>())
        .max()
        .unwrap_or(Decimal::ZERO)
}

fn rows(flow: &Flow, chart: &StackedBarChart, g: &ChartGeometry) -> Vec<BarRow> {
    let fonts = flow.fonts;
    let max = scale(chart);
    let mut rows: Vec<BarRow> = chart
        .bars
        .iter()
        .map(|bar| {
            let label = wrap_plain(fonts, &bar.label, Weight::Bold, LABEL_SIZE, g.label_width);
            let mut x = 0.0;
            let mut segments = Vec::new();
            let mut overflow_entries = Vec::new();
            for (seg, series) in bar.segments.iter().zip(&chart.series) {
                // Geometry only: the share of the bar is a ratio of amounts.
                let ratio = if max > Decimal::ZERO {
                    (seg.value / max).to_f32().unwrap_or(0.0)
                } else {
                    0.0
                };
                let width = g.bar_width * ratio;
                let text_w = fonts.width(&seg.text, Weight::Bold, VALUE_SIZE);
                let inside = text_w + 2.0 * VALUE_PAD <= width;
                if !inside && seg.value > Decimal::ZERO {
                    overflow_entries.push((x + width, series.colour, seg.text.clone(), text_w));
                }
                segments.push((x, width, series.colour, seg.text.clone(), text_w, inside));
                x += width;
            }
            // A value that does not fit in its segment goes under the bar,
            // right-aligned on the segment's end, pushed right (then to a
            // new line) rather than overlapping its neighbour.
            let mut overflow: Vec<Vec<(f32, Colour, String, f32)>> = Vec::new();
            let avail = CONTENT_RIGHT - g.bar_left;
            let mut next_free = f32::INFINITY;
            for (seg_end, colour, text, w) in overflow_entries {
                let entry = OVERFLOW_SWATCH + SWATCH_GAP + w;
                let wanted = (seg_end - entry).max(0.0);
                let mut x = wanted.max(if next_free.is_finite() {
                    next_free
                } else {
                    0.0
                });
                if overflow.is_empty() || x + entry > avail {
                    overflow.push(Vec::new());
                    x = wanted.min((avail - entry).max(0.0));
                }
                if let Some(line) = overflow.last_mut() {
                    line.push((x, colour, text, w));
                }
                next_free = x + entry + ENTRY_GAP;
            }
            let total = bar
                .total_text
                .as_ref()
                .map(|t| (t.clone(), fonts.width(t, Weight::Bold, LABEL_SIZE)));
            let body = BAR_HEIGHT.max(label.len() as f32 * LABEL_LINE);
            let height = body + overflow.len() as f32 * OVERFLOW_LINE + ROW_GAP;
            BarRow {
                label,
                segments,
                overflow,
                total,
                height,
            }
        })
        .collect();
    // Same height for every row, so the bars keep an even rhythm.
    let tallest = rows.iter().map(|r| r.height).fold(0.0_f32, f32::max);
    for r in &mut rows {
        r.height = tallest;
    }
    rows
}

/// What must start together on a page: the whole chart when it fits on
/// one page, else the legend and the first bar.
fn unbreakable(legend_h: f32, rows: &[BarRow]) -> f32 {
    let whole = legend_h + rows.iter().map(|r| r.height).sum::<f32>();
    if whole <= Flow::full_page() {
        whole
    } else {
        legend_h + rows.first().map(|r| r.height).unwrap_or(0.0)
    }
}

/// See [`unbreakable`].
pub(crate) fn first_unit(flow: &Flow, chart: &StackedBarChart) -> f32 {
    let g = geometry(flow, chart);
    let legend_h = legend_height(&legend(flow, chart));
    unbreakable(legend_h, &rows(flow, chart, &g))
}

pub(crate) fn layout_chart(flow: &mut Flow, chart: &StackedBarChart) {
    let g = geometry(flow, chart);
    let legend_lines = legend(flow, chart);
    let legend_h = legend_height(&legend_lines);
    let rows = rows(flow, chart, &g);
    flow.begin_block(unbreakable(legend_h, &rows));
    draw_legend(flow, &legend_lines);
    for row in &rows {
        if !flow.fits(row.height) {
            flow.new_page();
            draw_legend(flow, &legend_lines);
        }
        draw_row(flow, &g, row);
    }
    flow.end_block();
}

fn draw_legend(flow: &mut Flow, lines: &[Vec<(f32, Colour, Line)>]) {
    for line in lines {
        let top = flow.y;
        for (x, colour, text) in line {
            let sx = CONTENT_LEFT + x;
            flow.rect(
                sx,
                top + (LEGEND_LINE - SWATCH) / 2.0,
                SWATCH,
                SWATCH,
                *colour,
            );
            let tx = sx + SWATCH + SWATCH_GAP;
            flow.line_at(text, tx, top, LEGEND_LINE, LEGEND_SIZE, palette::TEXT);
        }
        flow.y += LEGEND_LINE;
    }
    flow.y += LEGEND_AFTER;
}

fn draw_row(flow: &mut Flow, g: &ChartGeometry, row: &BarRow) {
    let top = flow.y;
    let body = BAR_HEIGHT.max(row.label.len() as f32 * LABEL_LINE);
    // Label, vertically centred on the bar when it is one line.
    let label_top = top + (body - row.label.len() as f32 * LABEL_LINE) / 2.0;
    for (i, line) in row.label.iter().enumerate() {
        let t = label_top + i as f32 * LABEL_LINE;
        flow.line_at(line, CONTENT_LEFT, t, LABEL_LINE, LABEL_SIZE, palette::TEXT);
    }
    let bar_top = top + (body - BAR_HEIGHT) / 2.0;
    // A faint track shows the full scale behind every bar.
    flow.rect(
        g.bar_left,
        bar_top,
        g.bar_width,
        BAR_HEIGHT,
        palette::TOTAL_BG,
    );
    for (x, width, colour, text, text_w, inside) in &row.segments {
        if *width <= 0.0 {
            continue;
        }
        let sx = g.bar_left + x;
        flow.rect(sx, bar_top, *width, BAR_HEIGHT, *colour);
        if *inside {
            let text_colour = if colour.luminance() < 0.35 {
                Colour::rgb(0xff, 0xff, 0xff)
            } else {
                palette::TEXT
            };
            let baseline = baseline_in(bar_top, BAR_HEIGHT, VALUE_SIZE);
            let tx = sx + (width - text_w) / 2.0;
            flow.text(TextRun {
                x: tx,
                baseline,
                text: text.to_string(),
                weight: Weight::Bold,
                size: VALUE_SIZE,
                colour: text_colour,
                width: *text_w,
            });
        }
    }
    if let Some((text, w)) = &row.total {
        let baseline = baseline_in(bar_top, BAR_HEIGHT, LABEL_SIZE);
        let x = g.bar_left + g.bar_width + TOTAL_GAP;
        flow.text(TextRun {
            x,
            baseline,
            text: text.to_string(),
            weight: Weight::Bold,
            size: LABEL_SIZE,
            colour: palette::TEXT,
            width: *w,
        });
    }
    let mut y = top + body;
    for line in &row.overflow {
        for (x, colour, text, w) in line {
            let sx = g.bar_left + x;
            flow.rect(
                sx,
                y + (OVERFLOW_LINE - OVERFLOW_SWATCH) / 2.0,
                OVERFLOW_SWATCH,
                OVERFLOW_SWATCH,
                *colour,
            );
            let baseline = baseline_in(y, OVERFLOW_LINE, VALUE_SIZE);
            let tx = sx + OVERFLOW_SWATCH + SWATCH_GAP;
            flow.text(TextRun {
                x: tx,
                baseline,
                text: text.to_string(),
                weight: Weight::Bold,
                size: VALUE_SIZE,
                colour: palette::TEXT,
                width: *w,
            });
        }
        y += OVERFLOW_LINE;
    }
    flow.y = top + row.height;
}
