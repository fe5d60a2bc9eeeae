//! Axis limits and ticks as matplotlib chooses them: autoscaling with 5% margins that
//! stop at sticky edges (a histogram's zero), `MaxNLocator`'s steps of 1, 2, 2.5, 5 and
//! 10, and `ScalarFormatter`'s labels (as few decimals as tell the ticks apart, a
//! Unicode minus, a `1e6`-style multiplier for very large or small numbers).

/// Data limits widened by `margin` of their span on each side, except past a sticky
/// value (matplotlib's `autoscale_view`); a zero span is first opened up (`nonsingular`).
pub fn autoscale(lo: f64, hi: f64, margin: f64, sticky: &[f64]) -> (f64, f64) {
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let (lo, hi) = nonsingular(lo, hi);
    let delta = (hi - lo) * margin;
    let floor = sticky.iter().copied().filter(|&s| s <= lo).fold(f64::NEG_INFINITY, f64::max);
    let ceiling = sticky.iter().copied().filter(|&s| s >= hi).fold(f64::INFINITY, f64::min);
    ((lo - delta).max(floor), (hi + delta).min(ceiling))
}

fn nonsingular(lo: f64, hi: f64) -> (f64, f64) {
    const EXPANDER: f64 = 0.05;
    if hi - lo > 1e-12 * lo.abs().max(hi.abs()).max(1e-300) {
        return (lo, hi);
    }
    if lo == 0.0 && hi == 0.0 {
        return (-EXPANDER, EXPANDER);
    }
    (lo - EXPANDER * lo.abs(), hi + EXPANDER * hi.abs())
}

/// How many intervals fit along an axis `length_pt` long with labels of `font_pt`
/// (x labels need three em, y labels two), as matplotlib's `get_tick_space`.
pub fn bins_for(length_pt: f64, font_pt: f64, horizontal: bool) -> usize {
    let per_tick = font_pt * if horizontal { 3.0 } else { 2.0 };
    ((length_pt / per_tick).floor() as usize).clamp(1, 9)
}

/// The tick positions within `[lo, hi]` (`MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10])`).
pub fn locate(lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if !(hi - lo).is_finite() || hi - lo <= 0.0 {
        return vec![lo];
    }
    let (scale, offset) = scale_range(lo, hi, bins as f64);
    let (vmin, vmax) = (lo - offset, hi - offset);
    let raw_step = (vmax - vmin) / bins as f64;
    let steps: Vec<f64> =
        [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0].iter().map(|s| s * scale).collect();
    let first_large = steps.iter().position(|&s| s >= raw_step).unwrap_or(steps.len() - 1);
    let mut ticks = Vec::new();
    for &step in steps[..=first_large].iter().rev() {
        let best_vmin = (vmin / step).floor() * step;
        let edge = Edge { step, offset };
        let (low, high) = (edge.le(vmin - best_vmin), edge.ge(vmax - best_vmin));
        ticks = (low as i64..=high as i64).map(|i| i as f64 * step + best_vmin).collect();
        let shown = ticks.iter().filter(|&&t| t >= vmin && t <= vmax).count();
        if shown >= 2 {
            break;
        }
    }
    let tolerance = (hi - lo) * 1e-10;
    ticks.into_iter().map(|t| t + offset).filter(|&t| t >= lo - tolerance && t <= hi + tolerance).collect()
}

fn scale_range(lo: f64, hi: f64, n: f64) -> (f64, f64) {
    let span = hi - lo;
    let mean = (hi + lo) / 2.0;
    let offset =
        if mean.abs() / span < 100.0 { 0.0 } else { 10f64.powf(mean.abs().log10().floor()).copysign(mean) };
    (10f64.powf((span / n).log10().floor()), offset)
}

/// Which multiple of `step` a value falls on, forgiving the rounding of a large offset.
struct Edge {
    step: f64,
    offset: f64,
}

impl Edge {
    fn close_to(&self, fraction: f64, edge: f64) -> bool {
        let tolerance = if self.offset > 0.0 {
            let digits = (self.offset / self.step).log10();
            10f64.powf(digits - 12.0).clamp(1e-10, 0.4999)
        } else {
            1e-10
        };
        (fraction - edge).abs() < tolerance
    }

    fn le(&self, x: f64) -> f64 {
        let (d, m) = divmod(x, self.step);
        if self.close_to(m / self.step, 1.0) {
            d + 1.0
        } else {
            d
        }
    }

    fn ge(&self, x: f64) -> f64 {
        let (d, m) = divmod(x, self.step);
        if self.close_to(m / self.step, 0.0) {
            d
        } else {
            d + 1.0
        }
    }
}

/// Python's `divmod` on floats: the floor quotient and a remainder with the divisor's sign.
fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut d = (x - m) / y;
    if m != 0.0 && (y < 0.0) != (m < 0.0) {
        m += y;
        d -= 1.0;
    }
    let floor = d.floor();
    (if d - floor > 0.5 { floor + 1.0 } else { floor }, m)
}

/// Tick labels and the multiplier written at the axis end ("1e6"), if any.
pub fn labels(ticks: &[f64], view: (f64, f64)) -> (Vec<String>, Option<String>) {
    let largest = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
    let magnitude = if largest == 0.0 { 0 } else { largest.log10().floor() as i32 };
    let order = if !(-5..6).contains(&magnitude) { magnitude } else { 0 };
    let scaled: Vec<f64> = ticks.iter().map(|t| t / 10f64.powi(order)).collect();
    let mut range_source = scaled.clone();
    if ticks.len() < 2 {
        range_source.extend([view.0 / 10f64.powi(order), view.1 / 10f64.powi(order)]);
    }
    let max = range_source.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = range_source.iter().copied().fold(f64::INFINITY, f64::min);
    let mut range = max - min;
    if range == 0.0 {
        range = range_source.iter().fold(0.0f64, |m, t| m.max(t.abs()));
    }
    if range == 0.0 {
        range = 1.0;
    }
    let range_order = range.log10().floor() as i32;
    let threshold = 1e-3 * 10f64.powi(range_order);
    let mut decimals = (3 - range_order).max(0);
    while decimals >= 0 {
        let worst = scaled.iter().map(|t| (t - round_to(*t, decimals)).abs()).fold(0.0, f64::max);
        if worst < threshold {
            decimals -= 1;
        } else {
            break;
        }
    }
    let decimals = (decimals + 1) as usize;
    let texts = scaled.iter().map(|t| with_minus(&format!("{t:.decimals$}"))).collect();
    (texts, (order != 0).then(|| with_minus(&format!("1e{order}"))))
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (x * factor).round() / factor
}

/// matplotlib writes negative numbers with U+2212, and never "-0".
fn with_minus(text: &str) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => format!("\u{2212}{rest}"),
        Some(rest) => rest.to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are matplotlib 3.11's (AutoLocator / ScalarFormatter), printed by
    // `ax.get_xticks()` and the tick labels for the same limits and axis lengths.
    #[test]
    fn ticks_match_matplotlib() {
        assert_eq!(
            locate(-0.05, 1.05, 9),
            vec![0.0, 0.2, 0.4000000000000001, 0.6000000000000001, 0.8, 1.0000000000000002]
        );
        assert_eq!(locate(-0.95, 19.95, 9), vec![0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0, 17.5]);
        assert_eq!(locate(-6.45, 3.45, 9), vec![-6.0, -4.0, -2.0, 0.0, 2.0]);
        assert_eq!(locate(0.0, 0.1, 9), vec![0.0, 0.02, 0.04, 0.06, 0.08, 0.1]);
        assert_eq!(
            locate(-3400.0, -2800.0, 9),
            vec![-3400.0, -3300.0, -3200.0, -3100.0, -3000.0, -2900.0, -2800.0]
        );
    }

    #[test]
    fn labels_match_matplotlib() {
        let (texts, multiplier) = labels(&[0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0], (-0.05, 1.05));
        assert_eq!(texts, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        assert_eq!(multiplier, None);
        assert_eq!(labels(&[-6.0, -4.0, 0.0, 2.0], (-6.5, 3.5)).0, ["−6", "−4", "0", "2"]);
        assert_eq!(labels(&[0.0, 2.5, 5.0], (0.0, 5.0)).0, ["0.0", "2.5", "5.0"]);
        assert_eq!(labels(&[0.0, 0.02, 0.04], (0.0, 0.04)).0, ["0.00", "0.02", "0.04"]);
        let (texts, multiplier) = labels(&[0.0, 1e6, 2e6], (0.0, 2e6));
        assert_eq!((texts, multiplier), (vec!["0".into(), "1".into(), "2".into()], Some("1e6".into())));
    }

    #[test]
    fn autoscale_adds_margins_but_stops_at_sticky_edges() {
        assert_eq!(autoscale(0.0, 10.0, 0.05, &[]), (-0.5, 10.5));
        assert_eq!(autoscale(0.0, 10.0, 0.05, &[0.0]), (0.0, 10.5));
        let (lo, hi) = autoscale(2.0, 2.0, 0.05, &[]);
        assert!((lo - 1.89).abs() < 1e-12 && (hi - 2.11).abs() < 1e-12, "{lo} {hi}");
    }
}
