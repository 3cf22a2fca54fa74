//! Printed text read from a photo by Tesseract, prepared the way card scanners prepare it: the
//! card found on the table and its perspective flattened, the light evened out, and enough
//! pixels for small print.
//!
//! Tesseract is a program of its own (Debian's `tesseract-ocr` and its language packs), run
//! when an image needs it, so that rolo builds with nothing extra. `ROLO_TESSERACT` names
//! another executable.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use image::{GrayImage, Luma};

/// One line of text as Tesseract read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Tesseract's confidence in the line's words, 0 to 100: the lowest of its words.
    pub confidence: f32,
    /// The height of the line's letters in pixels, from the median word box: the name is
    /// printed larger than the address.
    pub height: u32,
    pub top: u32,
    pub left: u32,
}

/// The text read from one image.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub lines: Vec<Line>,
    /// Whether a card's edges were found and its perspective flattened.
    pub flattened: bool,
    /// The Tesseract languages read with (`eng+deu`).
    pub languages: String,
}

impl Page {
    /// The mean confidence of the lines, weighted by their length.
    pub fn confidence(&self) -> f32 {
        let chars: usize = self.lines.iter().map(|l| l.text.len()).sum();
        let sum: f32 = self
            .lines
            .iter()
            .map(|l| l.confidence.max(0.0) * l.text.len() as f32)
            .sum();
        if chars == 0 { 0.0 } else { sum / chars as f32 }
    }

    /// The whole text, line by line.
    pub fn text(&self) -> String {
        let lines: Vec<&str> = self.lines.iter().map(|l| l.text.as_str()).collect();
        lines.join("\n")
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum OcrError {
    #[error("Tesseract is not installed: printed text cannot be read")]
    Missing,
    #[error("Tesseract failed: {0}")]
    Failed(String),
}

/// The Tesseract executable.
fn program() -> String {
    std::env::var("ROLO_TESSERACT")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "tesseract".into())
}

/// Why Tesseract could not be started: not there (or not runnable), or another failure.
fn not_started(e: std::io::Error) -> OcrError {
    match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => OcrError::Missing,
        _ => OcrError::Failed(e.to_string()),
    }
}

/// The languages Tesseract has installed (`eng`, `deu`...), asked once.
pub fn installed_languages() -> Result<&'static [String], OcrError> {
    static LANGS: OnceLock<Result<Vec<String>, OcrError>> = OnceLock::new();
    LANGS
        .get_or_init(|| {
            let out = Command::new(program())
                .arg("--list-langs")
                .stdin(Stdio::null())
                .output()
                .map_err(not_started)?;
            // Tesseract 3 printed the list on stderr.
            let text = format!(
                "{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            Ok(text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.contains(' ') && !l.contains(':'))
                .filter(|l| *l != "osd")
                .map(String::from)
                .collect())
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// Tesseract's code of a language given as an ISO 639-1 code (`de`) or as Tesseract's own.
pub fn tesseract_language(code: &str) -> String {
    let code = code.trim().to_ascii_lowercase();
    let code = code.split('.').next().unwrap_or_default();
    // A locale (`fr_FR`, `pt-BR`) names its language first; `chi_sim` is Tesseract's own.
    let code = match code.split_once(['_', '-']) {
        Some((lang, _)) if lang.len() == 2 => lang,
        _ => code,
    };
    const ISO: &[(&str, &str)] = &[
        ("en", "eng"),
        ("de", "deu"),
        ("fr", "fra"),
        ("es", "spa"),
        ("it", "ita"),
        ("nl", "nld"),
        ("pt", "por"),
        ("sv", "swe"),
        ("da", "dan"),
        ("nb", "nor"),
        ("no", "nor"),
        ("fi", "fin"),
        ("pl", "pol"),
        ("cs", "ces"),
        ("ru", "rus"),
        ("uk", "ukr"),
        ("el", "ell"),
        ("tr", "tur"),
        ("ja", "jpn"),
        ("ko", "kor"),
        ("zh", "chi_sim"),
        ("ar", "ara"),
    ];
    ISO.iter()
        .find(|(iso, _)| *iso == code)
        .map_or(code.to_string(), |(_, t)| t.to_string())
}

/// The languages to read with: those asked for (`--ocr-lang de,en` or `deu+eng`), else English
/// and the locale's language. Languages Tesseract lacks are left out, each with a note.
pub fn languages(asked: Option<&str>, notes: &mut Vec<String>) -> Result<String, OcrError> {
    let installed = installed_languages()?;
    let wanted: Vec<String> = match asked {
        Some(list) => list
            .split([',', '+', ' '])
            .filter(|l| !l.trim().is_empty())
            .map(tesseract_language)
            .collect(),
        None => {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty() && v != "C" && v != "POSIX");
            let mut langs = vec!["eng".to_string()];
            langs.extend(locale.as_deref().map(tesseract_language));
            langs
        }
    };
    let mut chosen: Vec<String> = Vec::new();
    for lang in wanted {
        if chosen.contains(&lang) {
            continue;
        }
        if installed.contains(&lang) {
            chosen.push(lang);
        } else if asked.is_some() {
            notes.push(format!(
                "Tesseract has no \"{lang}\" language: install it (Debian: apt install tesseract-ocr-{lang})"
            ));
        }
    }
    if chosen.is_empty() {
        chosen.extend(installed.iter().find(|l| *l == "eng").cloned());
    }
    if chosen.is_empty() {
        chosen.extend(installed.first().cloned());
    }
    if chosen.is_empty() {
        return Err(OcrError::Failed(
            "Tesseract has no language installed (Debian: apt install tesseract-ocr-eng)".into(),
        ));
    }
    Ok(chosen.join("+"))
}

/// Reads the printed text of a photo.
pub fn read(image: &GrayImage, languages: &str) -> Result<Page, OcrError> {
    let (prepared, flattened) = prepare(image);
    recognize(&prepared, flattened, languages)
}

/// Reads the printed text of an image [`prepare`]d already.
pub fn recognize(prepared: &GrayImage, flattened: bool, languages: &str) -> Result<Page, OcrError> {
    let mut png = Vec::new();
    prepared
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| OcrError::Failed(e.to_string()))?;
    let tsv = tesseract(&png, languages)?;
    Ok(Page {
        lines: lines(&tsv),
        flattened,
        languages: languages.to_string(),
    })
}

/// Runs Tesseract on a PNG, for its TSV output.
fn tesseract(png: &[u8], languages: &str) -> Result<String, OcrError> {
    let mut child = Command::new(program())
        .args(["stdin", "stdout", "-l", languages, "--psm", "11", "tsv"])
        // One image is one thread: files are read in parallel already.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(not_started)?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let png = png.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&png));
    let out = child
        .wait_with_output()
        .map_err(|e| OcrError::Failed(e.to_string()))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(OcrError::Failed(format!(
            "{} ({})",
            last.trim(),
            out.status
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The lines of Tesseract's TSV output: words grouped by block, paragraph and line.
fn lines(tsv: &str) -> Vec<Line> {
    struct Word<'a> {
        text: &'a str,
        conf: f32,
        left: u32,
        top: u32,
        height: u32,
    }
    let mut groups: Vec<((u32, u32, u32), Vec<Word>)> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<f32>().unwrap_or(0.0);
        let text = cols[11].trim();
        if text.is_empty() {
            continue;
        }
        let key = (num(2) as u32, num(3) as u32, num(4) as u32);
        let word = Word {
            text,
            conf: num(10),
            left: num(6) as u32,
            top: num(7) as u32,
            height: num(9) as u32,
        };
        match groups.last_mut() {
            Some((k, words)) if *k == key => words.push(word),
            _ => groups.push((key, vec![word])),
        }
    }
    groups
        .into_iter()
        .map(|(_, words)| {
            let mut heights: Vec<u32> = words.iter().map(|w| w.height).collect();
            heights.sort_unstable();
            Line {
                text: words.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
                confidence: words.iter().map(|w| w.conf).fold(100.0, f32::min),
                height: heights[heights.len() / 2],
                top: words.iter().map(|w| w.top).min().unwrap_or(0),
                left: words.iter().map(|w| w.left).min().unwrap_or(0),
            }
        })
        .collect()
}

/// The width a card is read at: about 500 dpi for a card of 89 mm, so that 6-point print has
/// letters 25 pixels high, as Tesseract reads best.
const CARD_WIDTH: f32 = 1800.0;

/// The image as Tesseract should see it: the card flattened where its edges are found, the
/// light evened out. The second value says whether a card was found.
pub fn prepare(image: &GrayImage) -> (GrayImage, bool) {
    let (card, flattened) = match find_card(image) {
        Some(corners) => (flatten(image, corners), true),
        None => (scaled(&deskewed(image)), false),
    };
    (even_light(&card), flattened)
}

/// The image scaled so that its longer side is about [`CARD_WIDTH`], where it is smaller or
/// much larger.
fn scaled(image: &GrayImage) -> GrayImage {
    let (w, h) = image.dimensions();
    let long = w.max(h) as f32;
    if (long - CARD_WIDTH).abs() < CARD_WIDTH * 0.25 {
        return image.clone();
    }
    let f = CARD_WIDTH / long;
    image::imageops::resize(
        image,
        ((w as f32 * f) as u32).max(1),
        ((h as f32 * f) as u32).max(1),
        image::imageops::FilterType::Triangle,
    )
}

/// The angle, in degrees, the lines of print are turned by: the one of -20 to 20 degrees at
/// which the dark pixels fall into the fewest, fullest rows (the projection profile of
/// document scanners). Pixels darker than 55% of the median are print; the grain of a table
/// and a shadow are not.
pub fn skew_angle(image: &GrayImage) -> f32 {
    let (w, h) = image.dimensions();
    if w < 50 || h < 50 {
        return 0.0;
    }
    let (small, _) = shrunk(image, 600.0);
    let mut histogram = [0u32; 256];
    for p in small.pixels() {
        histogram[p[0] as usize] += 1;
    }
    let half = small.pixels().len() as u32 / 2;
    let mut seen = 0;
    let median = histogram
        .iter()
        .position(|&n| {
            seen += n;
            seen > half
        })
        .unwrap_or(128) as f32;
    let ink: Vec<(f32, f32)> = small
        .enumerate_pixels()
        .filter(|(_, _, p)| f32::from(p[0]) < median * 0.55)
        .map(|(x, y, _)| (x as f32, y as f32))
        .collect();
    if ink.len() < 200 {
        return 0.0;
    }
    let rows = (small.width() + small.height()) as usize * 2;
    let offset = small.width() as f32 + 1.0;
    let score = |degrees: f32| {
        let (sin, cos) = degrees.to_radians().sin_cos();
        let mut bins = vec![0u32; rows];
        for &(x, y) in &ink {
            let row = (y * cos - x * sin + offset) as usize;
            if let Some(b) = bins.get_mut(row) {
                *b += 1;
            }
        }
        bins.iter()
            .map(|&n| u64::from(n) * u64::from(n))
            .sum::<u64>()
    };
    let mut best = (0.0f32, score(0.0));
    let mut degrees = -20.0f32;
    while degrees <= 20.0 {
        let s = score(degrees);
        if s > best.1 {
            best = (degrees, s);
        }
        degrees += 0.5;
    }
    best.0
}

/// The image turned so that its lines of print are level, where they are turned by a degree
/// or more.
fn deskewed(image: &GrayImage) -> GrayImage {
    use imageproc::geometric_transformations::{Border, Interpolation, rotate_about_center};
    let angle = skew_angle(image);
    if angle.abs() < 1.0 {
        return image.clone();
    }
    rotate_about_center(
        image,
        -angle.to_radians(),
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    )
}

/// A copy of the image whose longer side is `side` pixels, and the factor it was scaled by.
fn shrunk(image: &GrayImage, side: f32) -> (GrayImage, f32) {
    let (w, h) = image.dimensions();
    let f = side / w.max(h) as f32;
    let small = image::imageops::resize(
        image,
        ((w as f32 * f) as u32).max(1),
        ((h as f32 * f) as u32).max(1),
        image::imageops::FilterType::Triangle,
    );
    (small, f)
}

/// The corners of a card lying on a darker table (top left, top right, bottom right, bottom
/// left), or `None` when no card stands out: the image is then a scan or a crop already.
pub fn find_card(image: &GrayImage) -> Option<[(f32, f32); 4]> {
    use imageproc::region_labelling::{Connectivity, connected_components};
    let (w, h) = image.dimensions();
    if w < 50 || h < 50 {
        return None;
    }
    // Found on a small copy: the outline of a card needs no detail.
    let (small, f) = shrunk(image, 400.0);
    let level = imageproc::contrast::otsu_level(&small);
    let mut bright =
        imageproc::contrast::threshold(&small, level, imageproc::contrast::ThresholdType::Binary);
    // Dark print splits a card into pieces: close it up.
    imageproc::morphology::close_mut(&mut bright, imageproc::distance_transform::Norm::LInf, 3);
    let labels = connected_components(&bright, Connectivity::Eight, Luma([0u8]));
    let mut areas: Vec<u32> = Vec::new();
    for p in labels.pixels() {
        let l = p[0] as usize;
        if l > 0 {
            if areas.len() <= l {
                areas.resize(l + 1, 0);
            }
            areas[l] += 1;
        }
    }
    let (label, &area) = areas.iter().enumerate().max_by_key(|&(_, a)| *a)?;
    let (sw, sh) = small.dimensions();
    let total = (sw * sh) as f32;
    // A card that fills the frame or a speck is no card on a table.
    if (area as f32) < total * 0.12 || (area as f32) > total * 0.93 {
        return None;
    }
    let mut corners = [(0.0f32, 0.0f32); 4];
    let mut best = [f32::MIN; 4];
    let mut touches_edge = 0;
    for (x, y, p) in labels.enumerate_pixels() {
        if p[0] as usize != label {
            continue;
        }
        if x == 0 || y == 0 || x == sw - 1 || y == sh - 1 {
            touches_edge += 1;
        }
        let (x, y) = (x as f32, y as f32);
        // Top left is least x + y, top right most x - y, bottom right most x + y, bottom
        // left most y - x: true for a card turned by less than 45 degrees.
        for (i, score) in [-(x + y), x - y, x + y, y - x].into_iter().enumerate() {
            if score > best[i] {
                best[i] = score;
                corners[i] = (x, y);
            }
        }
    }
    // A shape cut by the frame is not a whole card.
    if touches_edge as f32 > (sw + sh) as f32 * 0.3 {
        return None;
    }
    // The four corners must hold the shape: a quadrilateral about as large as its area.
    let quad = shoelace(&corners);
    if quad < area as f32 * 0.85 || quad > area as f32 * 1.2 {
        return None;
    }
    Some(corners.map(|(x, y)| ((x + 0.5) / f, (y + 0.5) / f)))
}

fn shoelace(p: &[(f32, f32); 4]) -> f32 {
    let mut sum = 0.0;
    for i in 0..4 {
        let (x1, y1) = p[i];
        let (x2, y2) = p[(i + 1) % 4];
        sum += x1 * y2 - x2 * y1;
    }
    sum.abs() / 2.0
}

/// The card cut out and seen from straight above, [`CARD_WIDTH`] pixels across its longer side.
fn flatten(image: &GrayImage, c: [(f32, f32); 4]) -> GrayImage {
    use imageproc::geometric_transformations::{Interpolation, Projection, warp_into};
    let dist = |a: (f32, f32), b: (f32, f32)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
    let width = (dist(c[0], c[1]) + dist(c[3], c[2])) / 2.0;
    let height = (dist(c[0], c[3]) + dist(c[1], c[2])) / 2.0;
    let f = CARD_WIDTH / width.max(height);
    let (ow, oh) = ((width * f).max(1.0), (height * f).max(1.0));
    // A little inside the edges: the table must not show at the border.
    let m = 4.0;
    let to = [(-m, -m), (ow + m, -m), (ow + m, oh + m), (-m, oh + m)];
    let Some(projection) = Projection::from_control_points(c, to) else {
        return scaled(image);
    };
    let mut out = GrayImage::new(ow as u32, oh as u32);
    warp_into(
        image,
        projection,
        Interpolation::Bilinear,
        imageproc::geometric_transformations::Border::Constant(Luma([255])),
        &mut out,
    );
    out
}

/// Uneven light evened out: each pixel divided by the paper's brightness around it (the
/// brightest of a coarse grid, smoothed), so that a shadow across the card is not read as
/// print.
fn even_light(image: &GrayImage) -> GrayImage {
    let (w, h) = image.dimensions();
    const CELL: u32 = 48;
    let (gw, gh) = (w.div_ceil(CELL), h.div_ceil(CELL));
    let mut grid = vec![0u8; (gw * gh) as usize];
    for (x, y, p) in image.enumerate_pixels() {
        let i = ((y / CELL) * gw + x / CELL) as usize;
        grid[i] = grid[i].max(p[0]);
    }
    // A cell all print has no paper in it: it takes its neighbours' brightest.
    let at = |g: &[u8], x: i64, y: i64| {
        let x = x.clamp(0, gw as i64 - 1) as u32;
        let y = y.clamp(0, gh as i64 - 1) as u32;
        g[(y * gw + x) as usize]
    };
    let spread: Vec<u8> = (0..gh as i64)
        .flat_map(|y| (0..gw as i64).map(move |x| (x, y)))
        .map(|(x, y)| {
            let mut m = 0;
            for dy in -1..=1 {
                for dx in -1..=1 {
                    m = m.max(at(&grid, x + dx, y + dy));
                }
            }
            m
        })
        .collect();
    let background = GrayImage::from_raw(gw, gh, spread).expect("grid size");
    let background =
        image::imageops::resize(&background, w, h, image::imageops::FilterType::Triangle);
    let mut out = GrayImage::new(w, h);
    for ((o, p), b) in out
        .pixels_mut()
        .zip(image.pixels())
        .zip(background.pixels())
    {
        let paper = u32::from(b[0].max(32));
        o[0] = (u32::from(p[0]) * 245 / paper).min(255) as u8;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(tesseract_language("de"), "deu");
        assert_eq!(tesseract_language("fr_FR.UTF-8"), "fra");
        assert_eq!(tesseract_language("deu"), "deu");
        assert_eq!(tesseract_language("chi_sim"), "chi_sim");
    }

    #[test]
    fn tsv_words_become_lines() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            5\t1\t1\t1\t1\t1\t100\t50\t200\t60\t96.5\tStefan\n\
            5\t1\t1\t1\t1\t2\t320\t52\t300\t58\t91.0\tSchröder\n\
            4\t1\t2\t1\t1\t0\t100\t200\t500\t30\t-1\t\n\
            5\t1\t2\t1\t1\t1\t100\t200\t500\t30\t88.0\tsschroder@sonnenfeld.de\n";
        let lines = lines(tsv);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "Stefan Schröder");
        assert_eq!(lines[0].confidence, 91.0);
        assert_eq!(lines[0].height, 60);
        assert_eq!(lines[1].text, "sschroder@sonnenfeld.de");
    }

    #[test]
    fn a_card_on_a_table_is_found_and_flattened() {
        // A white card, turned a little, on a dark table.
        let mut img = GrayImage::from_pixel(800, 600, Luma([70]));
        let corners = [
            (150.0, 120.0),
            (650.0, 100.0),
            (660.0, 420.0),
            (160.0, 450.0),
        ];
        let inside = |x: f32, y: f32| {
            (0..4).all(|i| {
                let (x1, y1) = corners[i];
                let (x2, y2) = corners[(i + 1) % 4];
                (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) >= 0.0
            })
        };
        for (x, y, p) in img.enumerate_pixels_mut() {
            if inside(x as f32, y as f32) {
                p[0] = 235;
            }
        }
        let found = find_card(&img).expect("a card");
        for (f, c) in found.iter().zip(corners) {
            assert!(
                (f.0 - c.0).abs() < 8.0 && (f.1 - c.1).abs() < 8.0,
                "{f:?} vs {c:?}"
            );
        }
        let (card, flattened) = prepare(&img);
        assert!(flattened);
        assert_eq!(card.width(), 1800);
        // Flattened, the card is paper to its edges: no table left.
        let dark = card.pixels().filter(|p| p[0] < 150).count();
        assert!(
            dark * 100 < (card.width() * card.height()) as usize,
            "{dark}"
        );
    }

    #[test]
    fn the_skew_of_lines_of_print() {
        // Bars of print turned by 7 degrees on white paper.
        let mut img = GrayImage::from_pixel(900, 600, Luma([240]));
        let (sin, cos) = 7f32.to_radians().sin_cos();
        for line in 0..6 {
            let y0 = 120.0 + line as f32 * 70.0;
            for t in 0..600 {
                for dy in 0..14 {
                    let (x, y) = (150.0 + t as f32, y0 + dy as f32);
                    let (rx, ry) = (
                        450.0 + (x - 450.0) * cos - (y - 300.0) * sin,
                        300.0 + (x - 450.0) * sin + (y - 300.0) * cos,
                    );
                    if (t / 9) % 3 != 2
                        && rx >= 0.0
                        && ry >= 0.0
                        && (rx as u32) < 900
                        && (ry as u32) < 600
                    {
                        img.put_pixel(rx as u32, ry as u32, Luma([30]));
                    }
                }
            }
        }
        let angle = skew_angle(&img);
        assert!((angle - 7.0).abs() <= 0.5, "{angle}");
        let level = deskewed(&img);
        assert!(skew_angle(&level).abs() <= 0.5);
    }

    #[test]
    fn a_scan_without_a_table_is_left_as_it_is() {
        let img = GrayImage::from_pixel(1800, 1000, Luma([240]));
        assert!(find_card(&img).is_none());
    }
}
