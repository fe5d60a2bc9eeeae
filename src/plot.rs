//! Figures, for the `plt` namespace (stdlib/plt.tl records what a program plots, in
//! pyplot's terms; src/builtins/plot.rs reads that record into a `Figure`). Here a figure
//! is laid out and drawn as matplotlib draws it, to PNG or SVG.
//!
//! figure (what is drawn) → render (layout: grid, limits, ticks, labels; legend) →
//! canvas (primitives) → raster (PNG, tiny-skia) or svg (text).

pub mod canvas;
pub mod color;
pub mod figure;
pub mod inline;
mod legend;
pub mod raster;
pub mod render;
mod simplify;
pub mod svg;
pub mod text;
pub mod ticks;

use figure::Figure;

/// The figure encoded as the file format its path's extension names.
pub fn encode(figure: &Figure, path: &str) -> Result<Vec<u8>, String> {
    let extension = std::path::Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "png" => png(figure),
        "svg" => Ok(svg(figure).into_bytes()),
        other => Err(format!("Format '{other}' is not supported (supported formats: png, svg)")),
    }
}

pub fn png(figure: &Figure) -> Result<Vec<u8>, String> {
    let (width, height) = render::pixel_size(figure);
    // matplotlib's limit per side, and a total that keeps the image under 256 MiB.
    if width >= 65536.0 || height >= 65536.0 || width * height > (1u64 << 26) as f64 {
        return Err(format!(
            "Image size of {width}x{height} pixels is too large. It must be less than 2^16 in each direction \
             and at most 2^26 pixels in all."
        ));
    }
    if width < 1.0 || height < 1.0 {
        return Err(format!(
            "Image size of {width}x{height} pixels is too small: a side is less than a pixel."
        ));
    }
    let mut canvas = raster::Raster::new(width as u32, height as u32)
        .ok_or_else(|| format!("cannot allocate a {width}x{height} image"))?;
    render::draw(figure, &mut canvas);
    canvas.png()
}

pub fn svg(figure: &Figure) -> String {
    let (width, height) = render::pixel_size(figure);
    let mut canvas = svg::Svg::new(width, height);
    render::draw(figure, &mut canvas);
    canvas.finish()
}
