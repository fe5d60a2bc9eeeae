//! Path simplification as matplotlib does it (`path.simplify`, the `PathSimplifier` of
//! its `src/path_converters.h`): along a dense line, consecutive points that stay within
//! a fraction of a pixel of the direction being extended are merged into one segment,
//! which keeps the farthest points reached forwards and backwards along it. A 200 000
//! point line then draws as a few thousand segments and looks the same.

use super::canvas::Point;

/// matplotlib's `path.simplify_threshold`: how far, in pixels, a point may stray from
/// the direction being extended and still be merged into it.
pub const THRESHOLD: f64 = 1.0 / 9.0;

/// Lines with fewer points are drawn point for point, as matplotlib's
/// `Path.should_simplify` leaves them.
pub const MIN_POINTS: usize = 128;

/// The points of a polyline (pixel coordinates, all finite) that draw it to within
/// `threshold` pixels.
pub fn simplify(points: &[Point], threshold: f64) -> Vec<Point> {
    let Some((&first, rest)) = points.split_first() else { return Vec::new() };
    let mut out = vec![first];
    let mut run: Option<Run> = None;
    let mut last = first;
    for &p in rest {
        match &mut run {
            None => run = Run::starting(last, p),
            Some(r) => {
                if !r.absorbs(p, threshold) {
                    r.finish(last, &mut out);
                    run = Run::starting(last, p);
                }
            }
        }
        last = p;
    }
    if let Some(r) = &run {
        out.push(r.forward);
        if r.backward_reach > 0.0 {
            out.push(r.backward);
        }
    }
    if out.last() != Some(&last) {
        out.push(last);
    }
    out
}

/// Points merged along one direction: from `start` along `direction`, the farthest
/// point reached each way (squared distances along it), and whether the point merged
/// last was one of them.
struct Run {
    start: Point,
    direction: Point,
    length2: f64,
    forward: Point,
    forward_reach: f64,
    backward: Point,
    backward_reach: f64,
    last_is_forward: bool,
    last_is_backward: bool,
}

impl Run {
    /// The run from `start` through `next`; `None` while they coincide, since there is
    /// no direction yet.
    fn starting(start: Point, next: Point) -> Option<Run> {
        let direction = (next.0 - start.0, next.1 - start.1);
        let length2 = direction.0 * direction.0 + direction.1 * direction.1;
        (length2 > 0.0).then_some(Run {
            start,
            direction,
            length2,
            forward: next,
            forward_reach: length2,
            backward: start,
            backward_reach: 0.0,
            last_is_forward: true,
            last_is_backward: false,
        })
    }

    /// Merges `p` if it lies within `threshold` of the run's line.
    fn absorbs(&mut self, p: Point, threshold: f64) -> bool {
        let v = (p.0 - self.start.0, p.1 - self.start.1);
        let dot = self.direction.0 * v.0 + self.direction.1 * v.1;
        let along = (dot * self.direction.0 / self.length2, dot * self.direction.1 / self.length2);
        let across = (v.0 - along.0, v.1 - along.1);
        if across.0 * across.0 + across.1 * across.1 >= threshold * threshold {
            return false;
        }
        let reach = along.0 * along.0 + along.1 * along.1;
        self.last_is_forward = dot > 0.0 && reach > self.forward_reach;
        self.last_is_backward = dot <= 0.0 && reach > self.backward_reach;
        if self.last_is_forward {
            (self.forward, self.forward_reach) = (p, reach);
        }
        if self.last_is_backward {
            (self.backward, self.backward_reach) = (p, reach);
        }
        true
    }

    /// Writes the run's extremes, in the order the line visited them last, then the
    /// point the next run starts from (`last`) if it is not one of them.
    fn finish(&self, last: Point, out: &mut Vec<Point>) {
        if self.backward_reach > 0.0 {
            if self.last_is_forward {
                out.extend([self.backward, self.forward]);
            } else {
                out.extend([self.forward, self.backward]);
            }
        } else {
            out.push(self.forward);
        }
        if !self.last_is_forward && !self.last_is_backward {
            out.push(last);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance from `p` to the nearest segment of `line`.
    fn distance(p: Point, line: &[Point]) -> f64 {
        line.windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let d = (b.0 - a.0, b.1 - a.1);
                let len2 = d.0 * d.0 + d.1 * d.1;
                let t = if len2 == 0.0 {
                    0.0
                } else {
                    (((p.0 - a.0) * d.0 + (p.1 - a.1) * d.1) / len2).clamp(0.0, 1.0)
                };
                ((p.0 - a.0 - t * d.0).powi(2) + (p.1 - a.1 - t * d.1).powi(2)).sqrt()
            })
            .fold(f64::INFINITY, f64::min)
    }

    #[test]
    fn a_straight_line_keeps_its_ends() {
        let points: Vec<Point> = (0..1000).map(|i| (i as f64 * 0.5, 10.0 + i as f64 * 0.25)).collect();
        assert_eq!(simplify(&points, THRESHOLD), vec![points[0], points[999]]);
    }

    #[test]
    fn a_line_that_doubles_back_keeps_where_it_turned() {
        let points = [(0.0, 0.0), (5.0, 0.0), (10.0, 0.0), (3.0, 0.0), (-2.0, 0.0), (1.0, 0.0)];
        assert_eq!(simplify(&points, THRESHOLD), vec![(0.0, 0.0), (10.0, 0.0), (-2.0, 0.0), (1.0, 0.0)]);
    }

    #[test]
    fn a_dense_curve_shrinks_and_stays_within_the_threshold() {
        // 200 000 samples of 16 sine periods across 500 pixels, as `plot(x, sin(x))`.
        let points: Vec<Point> = (0..200_000)
            .map(|i| {
                let x = i as f64 / 199_999.0 * 100.0;
                (80.0 + x * 5.0, 240.0 - 180.0 * x.sin())
            })
            .collect();
        let simple = simplify(&points, THRESHOLD);
        assert!(simple.len() < 20_000, "{} points", simple.len());
        assert_eq!((simple[0], simple[simple.len() - 1]), (points[0], points[points.len() - 1]));
        let worst = points.iter().step_by(7).map(|&p| distance(p, &simple)).fold(0.0, f64::max);
        assert!(worst <= 2.0 * THRESHOLD, "a point is {worst} px from the simplified line");
    }

    #[test]
    fn repeated_points_and_short_lines_survive() {
        assert_eq!(simplify(&[], THRESHOLD), vec![]);
        assert_eq!(simplify(&[(1.0, 2.0)], THRESHOLD), vec![(1.0, 2.0)]);
        assert_eq!(simplify(&[(1.0, 2.0), (1.0, 2.0), (3.0, 2.0)], THRESHOLD), vec![(1.0, 2.0), (3.0, 2.0)]);
        let zigzag = [(0.0, 0.0), (1.0, 1.0), (2.0, 0.0), (3.0, 1.0)];
        assert_eq!(simplify(&zigzag, THRESHOLD), zigzag.to_vec());
    }
}
