// Checks float formatting: Display vs Debug, precision rounding, width, sign and exponent forms.
fn main() {
    println!("{} {:?} {} {:?}", 1.0f64, 1.0f64, 0.5f32, 100f32);
    println!("{} {:?}", 1e21f64, 1e21f64);
    println!("{} {:?}", 1e-7f64, 1e-7f64);
    println!("{:?} {:?} {:?} {:?}", 1e15f64, 1e16f64, 0.0001f64, 0.00001f64);
    println!("{:.2} {:.0} {:.0} {:.0}", 3.14159f64, 2.5f64, 3.5f64, -0.4f64);
    println!("{:.3} {:.1} {:.20}", 1.0005f64, 0.05f64, 0.1f64);
    println!("[{:8.2}] [{:<8.2}] [{:^9.1}] [{:>+8.1}]", 3.14159, 2.0, -1.25, 7.0);
    println!("[{:08.3}] [{:+08.2}] [{:08}]", -3.14159, 2.5, -1.5f32);
    println!("{:e} {:E} {:e} {:e}", 1234.5f64, 0.00012f64, 0.0f64, 1.0f64);
    println!("{:.2e} {:.0e} {:10.3e}|", 123456.0f64, 5.5f64, -0.000123456f64);
    println!("{:e} {:e}", 1e100f64, f64::MAX);
    println!("{} {} {:?} {:.3} {:>6}", f64::NAN, -f64::INFINITY, f64::INFINITY, f64::NAN, f64::INFINITY);
    println!("{:+} {:+} {:?}", 0.0f64, -0.0f64, -0.0f64);
    println!("{:.1$} {:.*} {:w$.p$}", 2.0f64 / 3.0, 3, 1.0f64 / 7.0, 1.41421356, w = 8, p = 2);
    let values = [0.5f64, 12.25, -100.125, 1e6];
    for v in values {
        println!("|{:>12.3}|{:<12e}|{:^12?}|", v, v, v);
    }
    println!("{}", 123456789.123456789f64);
    println!("{}", 0.1f32 as f64 * 3.0);
    println!("{}", format!("{:.3}", 2.0005f64).parse::<f64>().unwrap() * 2.0);
}
