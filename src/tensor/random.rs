//! The one random generator every sampling function draws from, and the samplers.
//! ChaCha8 is portable (the same stream on every machine and build), so a seeded
//! program prints the same numbers everywhere. The streams differ from PyTorch's
//! Mersenne twister: seeded outputs are reproducible in tl, not equal to torch's.

use super::{check_allocation, Tensor, TensorError, TensorResult};
use crate::storage::dtype::DType;
use ndarray::Array1;
use ndarray_rand::rand::seq::SliceRandom;
use ndarray_rand::rand::{Rng, SeedableRng};
use ndarray_rand::rand_distr::{Binomial, Distribution, Gamma, Poisson, StandardNormal, Uniform};
use ndarray_rand::RandomExt;
use rand_chacha::ChaCha8Rng;
use std::cell::RefCell;

/// PyTorch's default seed, so an unseeded run is reproducible too.
const DEFAULT_SEED: u64 = 67280421310721;

thread_local! {
    static GENERATOR: RefCell<ChaCha8Rng> = RefCell::new(ChaCha8Rng::seed_from_u64(DEFAULT_SEED));
}

/// `seed(n)` / `manual_seed(n)`: restarts the stream.
pub fn seed(n: u64) {
    GENERATOR.with(|g| *g.borrow_mut() = ChaCha8Rng::seed_from_u64(n));
}

fn with_generator<R>(f: impl FnOnce(&mut ChaCha8Rng) -> R) -> R {
    GENERATOR.with(|g| f(&mut g.borrow_mut()))
}

/// `n` draws of `distribution`, through ndarray-rand.
fn draws<D: Distribution<f64>>(n: usize, distribution: D) -> Vec<f64> {
    with_generator(|rng| Array1::random_using(n, distribution, rng).into_raw_vec_and_offset().0)
}

fn float_dtype(dtype: DType, what: &str) -> TensorResult<()> {
    if dtype.is_float() {
        Ok(())
    } else {
        Err(TensorError::no_kernel(what, dtype))
    }
}

/// Uniform on `[low, high)`: `rand`, `uniform_`.
pub fn uniform(shape: &[usize], low: f64, high: f64, dtype: DType) -> TensorResult<Tensor> {
    float_dtype(dtype, "check_uniform_bounds")?;
    if low > high {
        return Err(TensorError::runtime(format!(
            "uniform_ expects to return a [from, to) range, but found from={low} > to={high}"
        )));
    }
    check_allocation(shape, dtype)?;
    let n = shape.iter().product();
    let values = if low == high { vec![low; n] } else { draws(n, Uniform::new(low, high)) };
    Ok(Tensor::from_vec(values, shape).to_dtype(dtype))
}

/// Normal with the given mean and standard deviation: `randn`, `normal`, `normal_`.
pub fn normal(shape: &[usize], mean: f64, std: f64, dtype: DType) -> TensorResult<Tensor> {
    float_dtype(dtype, "normal_kernel_cpu")?;
    if std < 0.0 {
        return Err(TensorError::runtime(format!("normal expects std >= 0.0, but found std {std}")));
    }
    check_allocation(shape, dtype)?;
    let values = draws(shape.iter().product(), StandardNormal).into_iter().map(|z| mean + std * z).collect();
    Ok(Tensor::from_vec(values, shape).to_dtype(dtype))
}

/// Integers uniform on `[low, high)`: `randint`.
pub fn randint(low: i64, high: i64, shape: &[usize], dtype: DType) -> TensorResult<Tensor> {
    if low >= high {
        return Err(TensorError::runtime(format!(
            "random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
        )));
    }
    check_allocation(shape, DType::I64)?;
    let n: usize = shape.iter().product();
    let values: Vec<i64> = with_generator(|rng| (0..n).map(|_| rng.gen_range(low..high)).collect());
    Ok(Tensor::from_vec(values, shape).to_dtype(dtype))
}

/// A random permutation of `0..n`.
pub fn randperm(n: usize, dtype: DType) -> TensorResult<Tensor> {
    check_allocation(&[n], DType::I64)?;
    let mut values: Vec<i64> = (0..n as i64).collect();
    with_generator(|rng| values.shuffle(rng));
    Ok(Tensor::from_vec(values, &[n]).to_dtype(dtype))
}

/// One 0/1 draw per element of `p`, with that element as its probability.
pub fn bernoulli(p: &Tensor) -> TensorResult<Tensor> {
    float_dtype(p.dtype(), "bernoulli_tensor_cpu_p_")?;
    let probs = p.to_f64_vec();
    if let Some(bad) = probs.iter().find(|q| !(0.0..=1.0).contains(*q)) {
        return Err(TensorError::runtime(format!(
            "Expected p_in >= 0 && p_in <= 1 to be true, but got false. (p = {bad})"
        )));
    }
    let values =
        with_generator(|rng| probs.iter().map(|&q| f64::from(u8::from(rng.gen::<f64>() < q))).collect());
    Ok(Tensor::from_vec::<f64>(values, p.shape()).to_dtype(p.dtype()))
}

/// `multinomial(probs, n, replacement)`: for each row of (unnormalised, non-negative)
/// weights, `n` category indices.
pub fn multinomial(weights: &Tensor, samples: usize, replacement: bool) -> TensorResult<Tensor> {
    if !(1..=2).contains(&weights.ndim()) {
        return Err(TensorError::runtime("prob_dist must be 1 or 2 dim"));
    }
    float_dtype(weights.dtype(), "multinomial")?;
    let categories = *weights.shape().last().unwrap_or(&0);
    let rows = if weights.ndim() == 2 { weights.shape()[0] } else { 1 };
    check_allocation(&[rows, samples], DType::I64)?;
    if categories == 0 {
        return Err(TensorError::runtime("multinomial(): number of categories cannot be zero"));
    }
    if !replacement && samples > categories {
        return Err(TensorError::runtime(
            "cannot sample n_sample > prob_dist.size(-1) samples without replacement",
        ));
    }
    let values = weights.to_f64_vec();
    let mut out = Vec::new();
    for row in values.chunks(categories) {
        if row.iter().any(|w| !w.is_finite() || *w < 0.0) {
            return Err(TensorError::runtime(
                "probability tensor contains either `inf`, `nan` or element < 0",
            ));
        }
        let mut row = row.to_vec();
        if row.iter().sum::<f64>() <= 0.0 {
            return Err(TensorError::runtime("invalid multinomial distribution (sum of probabilities <= 0)"));
        }
        for _ in 0..samples {
            let total: f64 = row.iter().sum();
            let mut target = with_generator(|rng| rng.gen::<f64>()) * total;
            // The last category with weight absorbs rounding at the top of the range.
            let mut pick = row.iter().rposition(|&w| w > 0.0).unwrap_or(0);
            for (i, &w) in row.iter().enumerate() {
                if w > 0.0 && target < w {
                    pick = i;
                    break;
                }
                target -= w;
            }
            out.push(pick as i64);
            if !replacement {
                row[pick] = 0.0;
            }
        }
    }
    let mut shape = weights.shape().to_vec();
    *shape.last_mut().expect("1 or 2 dims") = samples;
    Ok(Tensor::from_vec(out, &shape))
}

/// One Poisson draw per element of `rates` (`torch.poisson`), in the rates' dtype.
pub fn poisson(rates: &Tensor) -> TensorResult<Tensor> {
    float_dtype(rates.dtype(), "poisson_cpu")?;
    let lambdas = rates.to_f64_vec();
    if lambdas.iter().any(|l| !(l.is_finite() && *l >= 0.0)) {
        return Err(TensorError::runtime("invalid Poisson rate, expected rate to be non-negative"));
    }
    let values = with_generator(|rng| {
        lambdas
            .iter()
            .map(|&l| match Poisson::new(l) {
                Ok(d) => d.sample(rng),
                Err(_) => 0.0, // rate 0: always 0
            })
            .collect()
    });
    Ok(Tensor::from_vec::<f64>(values, rates.shape()).to_dtype(rates.dtype()))
}

/// Binomial draws with `count` trials and success probability `prob`, broadcast
/// together (`torch.binomial`), in the probabilities' dtype.
pub fn binomial(count: &Tensor, prob: &Tensor) -> TensorResult<Tensor> {
    float_dtype(prob.dtype(), "binomial_cpu")?;
    let shape = super::ops::binary::broadcast(count.shape(), prob.shape())?;
    let sizes: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
    let counts = super::ops::shape::expand(count, &sizes)?.to_f64_vec();
    let probs = super::ops::shape::expand(prob, &sizes)?.to_f64_vec();
    if counts.iter().any(|n| !(n.is_finite() && *n >= 0.0)) || probs.iter().any(|p| !(0.0..=1.0).contains(p))
    {
        return Err(TensorError::runtime("binomial expects count >= 0 and 0 <= prob <= 1 (and both finite)"));
    }
    let values = with_generator(|rng| {
        counts
            .iter()
            .zip(&probs)
            .map(|(&n, &p)| Binomial::new(n as u64, p).map_or(0.0, |d| d.sample(rng) as f64))
            .collect()
    });
    Ok(Tensor::from_vec::<f64>(values, &shape).to_dtype(prob.dtype()))
}

/// One Gamma(alpha, 1) draw per element of `alpha` (`torch._standard_gamma`); draws
/// that underflow are the dtype's smallest positive number, as in PyTorch, so their
/// logarithm stays finite.
pub fn standard_gamma(alpha: &Tensor) -> TensorResult<Tensor> {
    float_dtype(alpha.dtype(), "_standard_gamma_cpu")?;
    let shapes = alpha.to_f64_vec();
    if shapes.iter().any(|a| !(a.is_finite() && *a > 0.0)) {
        return Err(TensorError::runtime("_standard_gamma expects every alpha to be positive and finite"));
    }
    let tiny = if alpha.dtype() == DType::F64 { f64::MIN_POSITIVE } else { f64::from(f32::MIN_POSITIVE) };
    let values = with_generator(|rng| {
        shapes.iter().map(|&a| Gamma::new(a, 1.0).map_or(f64::NAN, |d| d.sample(rng)).max(tiny)).collect()
    });
    Ok(Tensor::from_vec::<f64>(values, alpha.shape()).to_dtype(alpha.dtype()))
}
