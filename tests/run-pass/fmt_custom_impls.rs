// Checks hand-written Display/Debug impls (pad, debug builders, alternate), format_args!, write!/writeln! to String and a custom fmt::Write sink.
use std::fmt::{self, Write};

struct Money {
    cents: i64,
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        // build the text first so width/alignment flags apply to the whole value
        let text = format!("{}${}.{:02}", sign, abs / 100, abs % 100);
        f.pad(&text)
    }
}

struct Matrix {
    rows: Vec<Vec<i32>>,
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = f.width().unwrap_or(3);
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "|")?;
            for v in row {
                write!(f, "{:>width$}", v, width = width)?;
            }
            write!(f, " |")?;
        }
        Ok(())
    }
}

struct Secret {
    user: String,
    password: String,
    attempts: u32,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = &self.password;
        f.debug_struct("Secret").field("user", &self.user).field("attempts", &self.attempts).finish_non_exhaustive()
    }
}

struct Pairs(Vec<(&'static str, i32)>);

impl fmt::Debug for Pairs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter().map(|(k, v)| (k, v))).finish()
    }
}

struct Evens(u32);

impl fmt::Debug for Evens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries((0..self.0).map(|i| i * 2)).finish()
    }
}

struct Celsius(f64);

impl fmt::Display for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(f, "{:.1}°F", self.0 * 9.0 / 5.0 + 32.0)
        } else if let Some(p) = f.precision() {
            write!(f, "{:.*}°C", p, self.0)
        } else {
            write!(f, "{}°C", self.0)
        }
    }
}

// Counts characters and lines written through fmt::Write.
struct Counter {
    chars: usize,
    lines: usize,
}

impl Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.chars += s.chars().count();
        self.lines += s.matches('\n').count();
        Ok(())
    }
}

fn log(args: fmt::Arguments) -> String {
    format!("[log] {}", args)
}

fn main() {
    let m = Money { cents: -123456 };
    println!("{} [{:>12}] [{:<12}] [{:^12}] [{:*>12}]", m, m, m, m, Money { cents: 5 });
    println!("{}", m.to_string().len());
    let mat = Matrix { rows: vec![vec![1, -20, 3], vec![400, 5, 60]] };
    println!("{}", mat);
    println!("{:5}", mat);
    let s = Secret { user: "root".into(), password: "hunter2".into(), attempts: 3 };
    println!("{:?}", s);
    println!("{:#?}", s);
    println!("{:?}", Pairs(vec![("a", 1), ("b", -2)]));
    println!("{:?} {:?}", Evens(4), Evens(0));
    let t = Celsius(21.5);
    println!("{} {:#} {:.3}", t, t, t);

    let mut out = String::new();
    write!(out, "{}-{}", 1, 2).unwrap();
    writeln!(out, " and {:?}", "three").unwrap();
    write!(&mut out, "{:>5}", 'x').unwrap();
    println!("{:?}", out);
    let mut c = Counter { chars: 0, lines: 0 };
    writeln!(c, "héllo {}", 42).unwrap();
    write!(c, "{:#?}", vec![1, 2]).unwrap();
    println!("counted {} chars, {} lines", c.chars, c.lines);
    println!("{}", log(format_args!("{} + {} = {}", 2, 3, 2 + 3)));
    let joined = format!("{}", format_args!("{:03}|{:<3}|", 7, "ab"));
    println!("{}", joined);
    let pieces: Vec<String> = (1..=3).map(|i| format!("{i}^2={}", i * i)).collect();
    println!("{}", pieces.join(", "));
    let width = 6;
    println!("{:>width$}|{:^width$}|", Money { cents: 99 }, format!("{}", Celsius(0.0)));
}
