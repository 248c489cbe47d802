// Checks format specs: width, precision, alignment, fill characters, sign, `#`, `0`, and runtime width/precision arguments.
fn main() {
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}]", 42, 42, 42, 42);
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}]", "ab", "ab", "ab", "ab");
    println!("[{:*^9}] [{:->6}] [{:_<4}] [{:#>3}]", "mid", 7, 'c', "long text");
    println!("[{:+}] [{:+}] [{:+05}] [{:05}]", 5, -5, 5, -5);
    println!("[{:.3}] [{:8.3}] [{:<8.3}] [{:^8.2}]", "truncate", "truncate", "abcdef", "xyz");
    println!("[{:.0}] [{:.5}]", "gone", "");
    println!("[{:>width$}] [{:<width$}] [{:^width$.prec$}]", 1, 2, 3.14159, width = 7, prec = 2);
    let w = 10;
    let p = 3;
    println!("[{:w$}] [{:>w$.p$}] [{:3$}] [{:.*}]", "x", 2.0f64 / 3.0, 6, 2, 1.23456);
    println!("[{:0>4}] [{:0<4}] [{:04}]", 7, 7, -7);
    println!("[{:#06x}] [{:#6x}] [{:<#6x}] [{:^#8b}]", 255, 255, 255, 5);
    println!("[{:+.2}] [{:+08.2}] [{:e}]", 1.005f64, -3.14159f64, 1500);
    // derived/compound Debug passes the spec on to each field; str's Debug ignores width
    println!("[{:10?}] [{:<10?}] [{:>12?}]", Some(1), "dbg", (1, 2));
    println!("[{:5}] [{:<5}] [{:>3}]", true, false, 'é');
    // width counts chars, not bytes
    println!("[{:^7}] [{:>4}]", "日本", "ü");
    let name = "pos";
    let value = 3;
    println!("{name}={value} {value:>4} {name:?} {0} {0:?}", name);
    println!("{{literal}} {{{}}}", 5);
    let items = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 12.0, 1)];
    println!("{:<12}|{:>8}|{:>5}", "item", "price", "qty");
    println!("{:-<12}+{:->8}+{:->5}", "", "", "");
    for (item, price, qty) in items {
        println!("{:<12}|{:>8.2}|{:>5}", item, price, qty);
    }
    let total: f64 = items.iter().map(|(_, p, q)| p * *q as f64).sum();
    println!("{:>12}|{:>8.2}|", "total", total);
    println!("[{:>+9.3e}] [{:<12E}]", 123456.789f64, 0.000321f64);
    println!("[{:08.3}] [{:+.0}] [{:.1}]", -0.5f64, 2.5f64, 0.25f64);
}
