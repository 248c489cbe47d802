// Checks a small interpreter end to end: tokenizer, recursive-descent parser, AST and tree-walking evaluator with variables, loops and errors.
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(i64),
    Ident(String),
    Str(String),
    Op(&'static str),
    LParen,
    RParen,
    LBrace,
    RBrace,
    Semi,
}

fn tokenize(src: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    const OPS: [&str; 14] = ["==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "="];
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            out.push(Tok::Num(s.parse().map_err(|e| format!("bad number {}: {}", s, e))?));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(chars[start..i].iter().collect()));
        } else if c == '"' {
            let start = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += 1;
            }
            if i >= chars.len() {
                return Err("unterminated string".into());
            }
            out.push(Tok::Str(chars[start..i].iter().collect()));
            i += 1;
        } else {
            let tok = match c {
                '(' => Some(Tok::LParen),
                ')' => Some(Tok::RParen),
                '{' => Some(Tok::LBrace),
                '}' => Some(Tok::RBrace),
                ';' => Some(Tok::Semi),
                _ => None,
            };
            if let Some(t) = tok {
                out.push(t);
                i += 1;
                continue;
            }
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            match OPS.iter().find(|op| rest.starts_with(**op)) {
                Some(op) => {
                    out.push(Tok::Op(op));
                    i += op.len();
                }
                None => return Err(format!("unexpected character {:?} at {}", c, i)),
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone)]
enum Expr {
    Num(i64),
    Str(String),
    Var(String),
    Neg(Box<Expr>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone)]
enum Stmt {
    Let(String, Expr),
    Assign(String, Expr),
    Print(Vec<Expr>),
    While(Expr, Vec<Stmt>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn expect(&mut self, t: Tok) -> Result<(), String> {
        match self.next() {
            Some(ref got) if *got == t => Ok(()),
            other => Err(format!("expected {:?}, got {:?}", t, other)),
        }
    }
    fn block(&mut self) -> Result<Vec<Stmt>, String> {
        self.expect(Tok::LBrace)?;
        let mut body = Vec::new();
        while self.peek() != Some(&Tok::RBrace) {
            if self.peek().is_none() {
                return Err("unclosed block".into());
            }
            body.push(self.stmt()?);
        }
        self.expect(Tok::RBrace)?;
        Ok(body)
    }
    fn stmt(&mut self) -> Result<Stmt, String> {
        match self.next() {
            Some(Tok::Ident(kw)) if kw == "let" => {
                let name = match self.next() {
                    Some(Tok::Ident(n)) => n,
                    other => return Err(format!("expected name, got {:?}", other)),
                };
                self.expect(Tok::Op("="))?;
                let e = self.expr(0)?;
                self.expect(Tok::Semi)?;
                Ok(Stmt::Let(name, e))
            }
            Some(Tok::Ident(kw)) if kw == "print" => {
                let mut args = vec![self.expr(0)?];
                while self.peek() != Some(&Tok::Semi) {
                    args.push(self.expr(0)?);
                }
                self.expect(Tok::Semi)?;
                Ok(Stmt::Print(args))
            }
            Some(Tok::Ident(kw)) if kw == "while" => {
                let cond = self.expr(0)?;
                Ok(Stmt::While(cond, self.block()?))
            }
            Some(Tok::Ident(kw)) if kw == "if" => {
                let cond = self.expr(0)?;
                let then = self.block()?;
                let other = if self.peek() == Some(&Tok::Ident("else".into())) {
                    self.next();
                    self.block()?
                } else {
                    Vec::new()
                };
                Ok(Stmt::If(cond, then, other))
            }
            Some(Tok::Ident(name)) => {
                self.expect(Tok::Op("="))?;
                let e = self.expr(0)?;
                self.expect(Tok::Semi)?;
                Ok(Stmt::Assign(name, e))
            }
            other => Err(format!("unexpected token {:?}", other)),
        }
    }
    fn prec(op: &str) -> u8 {
        match op {
            "||" => 1,
            "&&" => 2,
            "==" | "!=" => 3,
            "<" | ">" | "<=" | ">=" => 4,
            "+" | "-" => 5,
            "*" | "/" | "%" => 6,
            _ => 0,
        }
    }
    fn expr(&mut self, min: u8) -> Result<Expr, String> {
        let mut lhs = self.atom()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op(op)) if *op != "=" && Self::prec(op) > min => *op,
                _ => break,
            };
            self.next();
            let rhs = self.expr(Self::prec(op))?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }
    fn atom(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Str(s)) => Ok(Expr::Str(s)),
            Some(Tok::Ident(v)) => Ok(Expr::Var(v)),
            Some(Tok::Op("-")) => Ok(Expr::Neg(Box::new(self.atom()?))),
            Some(Tok::LParen) => {
                let e = self.expr(0)?;
                self.expect(Tok::RParen)?;
                Ok(e)
            }
            other => Err(format!("unexpected {:?} in expression", other)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(i64),
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{}", n),
            Value::Text(s) => write!(f, "{}", s),
        }
    }
}

struct Interp {
    vars: HashMap<String, Value>,
    output: Vec<String>,
    steps: u64,
}

impl Interp {
    fn eval(&self, e: &Expr) -> Result<Value, String> {
        Ok(match e {
            Expr::Num(n) => Value::Int(*n),
            Expr::Str(s) => Value::Text(s.clone()),
            Expr::Var(v) => self.vars.get(v).cloned().ok_or_else(|| format!("undefined variable {}", v))?,
            Expr::Neg(x) => match self.eval(x)? {
                Value::Int(n) => Value::Int(-n),
                Value::Text(_) => return Err("cannot negate text".into()),
            },
            Expr::Bin(op, a, b) => {
                let (a, b) = (self.eval(a)?, self.eval(b)?);
                match (a, b) {
                    (Value::Int(x), Value::Int(y)) => Value::Int(match *op {
                        "+" => x.checked_add(y).ok_or("overflow")?,
                        "-" => x - y,
                        "*" => x.checked_mul(y).ok_or("overflow")?,
                        "/" => x.checked_div(y).ok_or("division by zero")?,
                        "%" => x.checked_rem(y).ok_or("division by zero")?,
                        "<" => (x < y) as i64,
                        ">" => (x > y) as i64,
                        "<=" => (x <= y) as i64,
                        ">=" => (x >= y) as i64,
                        "==" => (x == y) as i64,
                        "!=" => (x != y) as i64,
                        "&&" => (x != 0 && y != 0) as i64,
                        "||" => (x != 0 || y != 0) as i64,
                        _ => return Err(format!("bad op {}", op)),
                    }),
                    (Value::Text(x), y) if *op == "+" => Value::Text(format!("{}{}", x, y)),
                    (x, y) => return Err(format!("type error: {} {} {}", x, op, y)),
                }
            }
        })
    }
    fn truthy(&self, e: &Expr) -> Result<bool, String> {
        Ok(self.eval(e)? != Value::Int(0))
    }
    fn run(&mut self, stmts: &[Stmt]) -> Result<(), String> {
        for s in stmts {
            self.steps += 1;
            match s {
                Stmt::Let(n, e) => {
                    let v = self.eval(e)?;
                    self.vars.insert(n.clone(), v);
                }
                Stmt::Assign(n, e) => {
                    if !self.vars.contains_key(n) {
                        return Err(format!("assignment to undeclared {}", n));
                    }
                    let v = self.eval(e)?;
                    self.vars.insert(n.clone(), v);
                }
                Stmt::Print(args) => {
                    let parts: Result<Vec<String>, String> = args.iter().map(|a| self.eval(a).map(|v| v.to_string())).collect();
                    self.output.push(parts?.join(" "));
                }
                Stmt::While(c, body) => {
                    while self.truthy(c)? {
                        self.run(body)?;
                    }
                }
                Stmt::If(c, t, o) => {
                    if self.truthy(c)? {
                        self.run(t)?;
                    } else {
                        self.run(o)?;
                    }
                }
            }
        }
        Ok(())
    }
}

fn execute(name: &str, src: &str) {
    println!("== {}", name);
    let result = tokenize(src).and_then(|toks| {
        let mut p = Parser { toks, pos: 0 };
        let mut prog = Vec::new();
        while p.peek().is_some() {
            prog.push(p.stmt()?);
        }
        Ok(prog)
    });
    let prog = match result {
        Ok(p) => p,
        Err(e) => {
            println!("parse error: {}", e);
            return;
        }
    };
    let mut it = Interp { vars: HashMap::new(), output: Vec::new(), steps: 0 };
    let r = it.run(&prog);
    for line in &it.output {
        println!("{}", line);
    }
    match r {
        Ok(()) => println!("ok after {} steps", it.steps),
        Err(e) => println!("runtime error: {}", e),
    }
}

fn main() {
    execute("arith", "print 1 + 2 * 3 - 4 / 2; print (1 + 2) * 3 % 5; print -7 / 2 -7 % 2; print 2 < 3 && 3 < 2 || 1;");
    execute("factorial", "let n = 1; let f = 1; while n <= 20 { f = f * n; n = n + 1; } print \"20! =\" f;");
    execute(
        "primes",
        "let n = 2; let found = 0; while found < 10 { let d = 2; let prime = 1; while d * d <= n { if n % d == 0 { prime = 0; } d = d + 1; } if prime { print n; found = found + 1; } n = n + 1; }",
    );
    execute(
        "fizzbuzz",
        "let i = 1; while i <= 15 { if i % 15 == 0 { print \"FizzBuzz\"; } else { if i % 3 == 0 { print \"Fizz\"; } else { if i % 5 == 0 { print \"Buzz\"; } else { print i; } } } i = i + 1; }",
    );
    execute("strings", "let s = \"n=\"; let i = 0; while i < 3 { s = s + i; i = i + 1; } print s;");
    execute("overflow", "let x = 2; while 1 { x = x * x; print x; }");
    execute("div zero", "let a = 5; print a / (a - 5);");
    execute("undefined", "print y;");
    execute("syntax", "let = 3;");
    execute("lexer", "let x = 3 $ 4;");
}
