//! Figures end to end: the scripts in tests/plot/ run through the `tl` binary. SVG output
//! is compared as text with the snapshots beside them (TL_BLESS=1 rewrites them) and must
//! be the same on every run; PNG output is decoded and checked for what must be true:
//! its size, the plotted lines' pixels where the data puts them, and drawn text.

use std::path::{Path, PathBuf};
use std::process::Command;
use tiny_skia::Pixmap;

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plot")
}

/// Runs tests/plot/`script` with the output path as its argument; the bytes written.
fn render(script: &str, extension: &str) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!("tl-plot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join(format!("{script}.{extension}"));
    let status = Command::new(env!("CARGO_BIN_EXE_tl"))
        .arg(scripts().join(format!("{script}.tl")))
        .arg(&out)
        .status()
        .expect("run tl");
    assert!(status.success(), "{script}.tl failed");
    std::fs::read(&out).expect("figure written")
}

#[test]
fn svg_output_matches_its_snapshots_and_is_deterministic() {
    let bless = std::env::var_os("TL_BLESS").is_some();
    for script in ["lines", "histogram"] {
        let svg = String::from_utf8(render(script, "svg")).expect("utf-8 svg");
        assert_eq!(svg, String::from_utf8(render(script, "svg")).unwrap(), "{script}: two runs differ");
        let snapshot = scripts().join(format!("{script}.svg"));
        if bless {
            std::fs::write(&snapshot, &svg).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
        assert!(svg == expected, "{script}.svg differs from tests/plot/{script}.svg (TL_BLESS=1 to update)");
    }
}

/// Whether a pixel is close to a colour.
fn near(pixmap: &Pixmap, x: u32, y: u32, rgb: (u8, u8, u8), tolerance: i32) -> bool {
    let p = pixmap.pixel(x, y).expect("inside the image").demultiply();
    [(p.red(), rgb.0), (p.green(), rgb.1), (p.blue(), rgb.2)]
        .iter()
        .all(|&(a, b)| (a as i32 - b as i32).abs() <= tolerance)
}

fn dark_pixels(pixmap: &Pixmap, xs: std::ops::Range<u32>, ys: std::ops::Range<u32>) -> usize {
    ys.flat_map(|y| xs.clone().map(move |x| (x, y)))
        .filter(|&(x, y)| near(pixmap, x, y, (0, 0, 0), 150))
        .count()
}

#[test]
fn png_output_puts_lines_where_the_data_does_and_draws_text() {
    let pixmap = Pixmap::decode_png(&render("probe", "png")).expect("a PNG");
    // 6.4 x 4.8 inches at 100 dpi.
    assert_eq!((pixmap.width(), pixmap.height()), (640, 480));
    // The axes span x 80..576 and y 57.6..427.2 (matplotlib's subplot parameters), and
    // the limits are the unit square: y = 0.5 is at row 242.4.
    let blue = (0x1f, 0x77, 0xb4);
    for x in (100..560).step_by(20) {
        assert!((241..=243).any(|y| near(&pixmap, x, y, blue, 40)), "the horizontal line at column {x}");
        assert!(near(&pixmap, x, 232, (255, 255, 255), 0) || near(&pixmap, x, 232, (255, 0, 0), 60));
    }
    // The diagonal y = x: at x = 0.25 the red line is at column 204, row 334.8.
    for (fx, fy) in [(0.25, 0.25), (0.75, 0.75)] {
        let (x, y) = (80.0 + fx * 496.0, 427.2 - fy * 369.6);
        let hit = (-2..=2).any(|d| near(&pixmap, x as u32, (y + d as f64) as u32, (255, 0, 0), 60));
        assert!(hit, "the diagonal at ({fx}, {fy})");
    }
    // The spines are black (anti-aliased) lines at the axes' edges.
    assert!(dark_pixels(&pixmap, 300..301, 426..429) > 0 && dark_pixels(&pixmap, 79..82, 200..201) > 0);
    // Text: the title above the axes and the x label below the tick labels are inked;
    // the margin right of the axes is blank.
    assert!(dark_pixels(&pixmap, 280..360, 30..56) > 40, "title drawn");
    assert!(dark_pixels(&pixmap, 300..356, 450..475) > 10, "x label drawn");
    assert!(dark_pixels(&pixmap, 40..76, 198..213) > 20, "y tick label 0.6 drawn");
    assert_eq!(dark_pixels(&pixmap, 40..76, 225..260), 0, "no tick label at 0.5");
    assert_eq!(dark_pixels(&pixmap, 590..640, 100..400), 0, "right margin blank");
}

#[test]
fn dpi_and_figsize_set_the_png_size() {
    let pixmap = Pixmap::decode_png(&render("histogram", "png")).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (800, 400));
}
