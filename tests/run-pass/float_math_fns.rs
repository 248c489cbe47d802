// Checks f64/f32 math functions (sqrt, powi, powf, trig, exp/ln, floor family), printed rounded.
use std::f64::consts::{E, PI};

fn main() {
    println!("sqrt: {} {} {} {}", 2.0f64.sqrt(), 144.0f64.sqrt(), (-1.0f64).sqrt().is_nan(), 0.25f32.sqrt());
    println!("powi: {} {} {:.6}", 2.0f64.powi(10), 2.0f64.powi(-2), 1.1f64.powi(7));
    println!("powf: {:.6} {:.6} {}", 2.0f64.powf(0.5), 10.0f64.powf(-1.5), 4.0f64.powf(0.0));
    println!("sin/cos: {:.6} {:.6} {:.6}", (PI / 6.0).sin(), PI.cos(), (PI / 4.0).tan());
    println!("inverse: {:.6} {:.6} {:.6}", 1.0f64.asin(), 0.0f64.acos(), 1.0f64.atan2(-1.0));
    println!("exp/ln: {:.6} {:.6} {:.6} {:.6}", 1.0f64.exp(), E.ln(), 1000.0f64.log10(), 8.0f64.log2());
    println!("exp_m1/ln_1p: {:.8} {:.8}", 1e-10f64.exp_m1() * 1e10, 1e-10f64.ln_1p() * 1e10);
    println!("hyperbolic: {:.6} {:.6} {:.6}", 1.0f64.sinh(), 1.0f64.cosh(), 0.5f64.tanh());
    println!("cbrt: {:.6} {:.6}", 27.0f64.cbrt(), (-8.0f64).cbrt());
    println!("floor: {} {} {} {}", 2.5f64.floor(), (-2.5f64).floor(), 2.0000001f64.ceil(), (-0.5f64).ceil());
    println!("f32: {:.4} {:.4} {:.4} {}", 1.0f32.exp(), 2.0f32.ln(), 0.5f32.sin(), 9.0f32.sqrt());
    println!("f32 powf: {:.4} {}", 2.0f32.powf(1.5), 3.0f32.powi(3));
    println!("degrees: {:.6} {:.6}", PI.to_degrees(), 90.0f64.to_radians());
    println!("clamp: {} {} {}", 5.5f64.clamp(0.0, 1.0), (-3.0f64).clamp(-1.0, 1.0), 0.3f64.clamp(0.0, 1.0));
    // Newton's method for sqrt(2) settles one ulp below the correctly rounded sqrt
    let mut x = 1.0f64;
    for _ in 0..6 {
        x = 0.5 * (x + 2.0 / x);
    }
    println!("newton: {} diff: {:e}", x, 2.0f64.sqrt() - x);
    // Numerical integral of sin over [0, pi] with Simpson's rule
    let n = 100;
    let h = PI / n as f64;
    let mut s = (0.0f64).sin() + PI.sin();
    for i in 1..n {
        let coef = if i % 2 == 1 { 4.0 } else { 2.0 };
        s += coef * (i as f64 * h).sin();
    }
    println!("simpson: {:.8}", s * h / 3.0);
    let dist = |(x1, y1): (f64, f64), (x2, y2): (f64, f64)| ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
    println!("dist: {}", dist((1.0, 2.0), (4.0, 6.0)));
}
