// Checks Result and `?`: custom error enums with Display, From conversions, Box<dyn Error>, source chains, Option `?` and combinators.
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum ConfigError {
    Missing(String),
    BadNumber { key: String, source: ParseIntError },
    OutOfRange(i64),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ConfigError::Missing(k) => write!(f, "missing key '{}'", k),
            ConfigError::BadNumber { key, .. } => write!(f, "key '{}' is not a number", key),
            ConfigError::OutOfRange(v) => write!(f, "value {} out of range", v),
        }
    }
}

impl Error for ConfigError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ConfigError::BadNumber { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn lookup<'a>(pairs: &'a [(&str, &str)], key: &str) -> Result<&'a str, ConfigError> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v).ok_or_else(|| ConfigError::Missing(key.to_string()))
}

fn get_port(pairs: &[(&str, &str)]) -> Result<u16, ConfigError> {
    let raw = lookup(pairs, "port")?;
    let n: i64 = raw.trim().parse().map_err(|e| ConfigError::BadNumber { key: "port".into(), source: e })?;
    if !(1..=65535).contains(&n) {
        return Err(ConfigError::OutOfRange(n));
    }
    Ok(n as u16)
}

#[derive(Debug)]
struct AppError(String);

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "app error: {}", self.0)
    }
}

impl Error for AppError {}

impl From<ParseIntError> for AppError {
    fn from(e: ParseIntError) -> Self {
        AppError(format!("parse failed ({})", e))
    }
}

fn sum_csv(s: &str) -> Result<i32, AppError> {
    let mut total = 0;
    for part in s.split(',') {
        total += part.parse::<i32>()?;
    }
    Ok(total)
}

fn run(input: &str) -> Result<String, Box<dyn Error>> {
    let total = sum_csv(input)?;
    if total < 0 {
        return Err("negative total".into());
    }
    let pairs = [("port", "8080")];
    let port = get_port(&pairs)?;
    let ratio: f64 = format!("{}.5", total).parse()?;
    Ok(format!("total={} port={} ratio={}", total, port, ratio))
}

fn first_even_doubled(v: &[i32]) -> Option<i32> {
    let first = v.iter().find(|x| *x % 2 == 0)?;
    Some(first.checked_mul(2)?)
}

fn report(e: &dyn Error) -> String {
    let mut msg = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        msg.push_str(&format!(" <- caused by: {}", s));
        cur = s.source();
    }
    msg
}

fn main() {
    let configs: [&[(&str, &str)]; 4] = [&[("port", " 443 ")], &[("host", "x")], &[("port", "eighty")], &[("port", "70000")]];
    for c in configs {
        match get_port(c) {
            Ok(p) => println!("port {}", p),
            Err(e) => println!("error: {} | debug: {:?} | chain: {}", e, e, report(&e)),
        }
    }
    println!("{:?}", sum_csv("1,2,3"));
    match sum_csv("1,two,3") {
        Ok(v) => println!("unexpected {}", v),
        Err(e) => println!("{}", e),
    }
    for input in ["10,20", "-5,1", "1,x"] {
        match run(input) {
            Ok(s) => println!("ok: {}", s),
            Err(e) => println!("err: {}", e),
        }
    }
    println!("{:?} {:?} {:?}", first_even_doubled(&[1, 3, 4]), first_even_doubled(&[1, 3]), first_even_doubled(&[i32::MAX - 1]));
    let r: Result<i32, String> = Err("bad".into());
    println!("{} {:?} {:?}", r.clone().unwrap_or(-1), r.clone().map(|x| x + 1), r.clone().or_else(|e| if e == "bad" { Ok::<i32, String>(0) } else { Err(e) }));
    let ok: Result<i32, String> = Ok(3);
    println!("{:?} {:?} {} {}", ok.as_ref().map(|x| x * 2), ok.clone().and_then(|x| if x > 5 { Ok(x) } else { Err("small".to_string()) }), ok.is_ok(), ok.clone().is_ok_and(|x| x == 3));
    println!("{:?} {:?}", ok.clone().ok(), r.clone().err());
    let results = vec![Ok(1), Err("e1"), Ok(3), Err("e2")];
    let (oks, errs): (Vec<_>, Vec<_>) = results.into_iter().partition(|r| r.is_ok());
    println!("{:?} {:?}", oks.into_iter().map(Result::unwrap).collect::<Vec<i32>>(), errs.into_iter().map(|e| e.unwrap_err()).collect::<Vec<&str>>());
    let boxed: Box<dyn Error> = Box::new(AppError("boxed".into()));
    println!("{} / is AppError: {}", boxed, boxed.downcast_ref::<AppError>().is_some());
    let from_str: Box<dyn Error + Send + Sync> = From::from("plain message");
    println!("{} / {:?}", from_str, from_str.to_string());
}
