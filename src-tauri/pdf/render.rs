//! Turns laid-out pages into a PDF with printpdf 0.12: one `Vec<Op>` per
//! page, shapes first then one text section, both fonts embedded as subsets.
//! The only file of the application that speaks printpdf's drawing API.

use chrono::NaiveTime;
use printpdf::{
    Color, FontId, Line as PdfLine, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

use super::document::{Colour, Metadata};
use super::fonts::{Fonts, Weight};
use super::layout::{Item, LaidOutDocument, PAGE_HEIGHT};
use super::PdfError;

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb {
        r: f32::from(c.r) / 255.0,
        g: f32::from(c.g) / 255.0,
        b: f32::from(c.b) / 255.0,
        icc_profile: None,
    })
}

/// Flips a top-down y to PDF's bottom-up y.
fn flip(y: f32) -> Pt {
    Pt(PAGE_HEIGHT - y)
}

pub(crate) fn render(
    laid: &LaidOutDocument,
    meta: &Metadata,
    fonts: &Fonts,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    // Dates of the file: the printing date given by the caller (no clock).
    let stamp = meta
        .printed_on
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp();
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(stamp) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.author = meta.section.clone();
    doc.metadata.info.creator = "Guichet".to_string();
    doc.metadata.info.producer = "Guichet (printpdf)".to_string();
    doc.metadata.info.identifier = meta.reference.clone();

    let regular = doc.add_font(&fonts.regular.parsed);
    let bold = doc.add_font(&fonts.bold.parsed);

    let pages = laid
        .pages
        .iter()
        .map(|page| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(&page.items, &regular, &bold)))
        .collect();
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let bytes = doc.save(&PdfSaveOptions::default(), &mut warnings);
    if bytes.is_empty() {
        return Err(PdfError::Ecriture);
    }
    Ok(bytes)
}

fn page_ops(items: &[Item], regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 4);
    // Shapes, in order (backgrounds before the rules drawn over them).
    let mut fill: Option<Colour> = None;
    for item in items {
        match item {
            Item::Rect {
                x,
                top,
                width,
                height,
                fill: c,
            } => {
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: colour(*c) });
                    fill = Some(*c);
                }
                let mut rect = Rect::from_xywh(Pt(*x), flip(top + height), Pt(*width), Pt(*height));
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                colour: c,
            } => {
                ops.push(Op::SetOutlineColor { col: colour(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawLine {
                    line: PdfLine {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(*x1),
                                    y: flip(*y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(*x2),
                                    y: flip(*y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Text(_) => {}
        }
    }
    // Text on top, in one text section, each run placed absolutely (Tm).
    ops.push(Op::StartTextSection);
    let mut font: Option<(Weight, f32)> = None;
    let mut text_fill: Option<Colour> = None;
    for item in items {
        if let Item::Text(t) = item {
            if font != Some((t.weight, t.size)) {
                let id = match t.weight {
                    Weight::Regular => regular,
                    Weight::Bold => bold,
                };
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(t.size),
                });
                font = Some((t.weight, t.size));
            }
            if text_fill != Some(t.colour) {
                ops.push(Op::SetFillColor {
                    col: colour(t.colour),
                });
                text_fill = Some(t.colour);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(t.x), flip(t.baseline)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(t.text.clone())],
            });
        }
    }
    ops.push(Op::EndTextSection);
    ops
}
