// Checks enum-driven state machines: a vending machine with data-carrying states and a character-level CSV parser with quoting.
#[derive(Debug, Clone, PartialEq)]
enum State {
    Idle,
    Collecting { credit: u32 },
    Dispensing { item: &'static str, change: u32 },
    OutOfOrder(String),
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Coin(u32),
    Select(usize),
    Cancel,
    Take,
    Kick,
}

const ITEMS: [(&str, u32); 3] = [("cola", 150), ("chips", 90), ("gum", 35)];

fn step(state: State, ev: Event) -> State {
    use Event::*;
    use State::*;
    match (state, ev) {
        (OutOfOrder(msg), _) => OutOfOrder(msg),
        (_, Kick) => OutOfOrder("kicked".to_string()),
        (Idle, Coin(c)) | (Collecting { credit: 0 }, Coin(c)) => Collecting { credit: c },
        (Collecting { credit }, Coin(c)) => Collecting { credit: credit + c },
        (Collecting { credit }, Select(i)) => match ITEMS.get(i) {
            Some(&(item, price)) if credit >= price => Dispensing { item, change: credit - price },
            Some(_) => Collecting { credit },
            None => OutOfOrder(format!("no slot {}", i)),
        },
        (Collecting { credit }, Cancel) => Dispensing { item: "refund", change: credit },
        (Dispensing { .. }, Take) => Idle,
        (s @ Dispensing { .. }, _) => s,
        (s, _) => s,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CsvState {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

fn parse_csv_line(line: &str) -> Result<Vec<String>, String> {
    use CsvState::*;
    let mut state = FieldStart;
    let mut fields = Vec::new();
    let mut cur = String::new();
    for (i, c) in line.chars().enumerate() {
        state = match (state, c) {
            (FieldStart, '"') => Quoted,
            (FieldStart, ',') | (Unquoted, ',') | (QuoteInQuoted, ',') => {
                fields.push(std::mem::take(&mut cur));
                FieldStart
            }
            (FieldStart, ch) | (Unquoted, ch) => {
                cur.push(ch);
                Unquoted
            }
            (Quoted, '"') => QuoteInQuoted,
            (Quoted, ch) => {
                cur.push(ch);
                Quoted
            }
            (QuoteInQuoted, '"') => {
                cur.push('"');
                Quoted
            }
            (QuoteInQuoted, ch) => return Err(format!("unexpected {:?} after closing quote at {}", ch, i)),
        };
    }
    if state == Quoted {
        return Err("unterminated quote".to_string());
    }
    fields.push(cur);
    Ok(fields)
}

fn main() {
    let events = [
        Event::Select(0),
        Event::Coin(100),
        Event::Select(0),
        Event::Coin(25),
        Event::Coin(25),
        Event::Select(0),
        Event::Coin(5),
        Event::Take,
        Event::Coin(50),
        Event::Cancel,
        Event::Take,
        Event::Coin(100),
        Event::Select(2),
        Event::Take,
        Event::Coin(10),
        Event::Select(7),
        Event::Coin(10),
    ];
    let mut s = State::Idle;
    let mut dispensed = Vec::new();
    for ev in events {
        let next = step(s.clone(), ev);
        if let State::Dispensing { item, change } = &next {
            if !matches!(s, State::Dispensing { .. }) {
                dispensed.push(format!("{}+{}", item, change));
            }
        }
        println!("{:?} --{:?}--> {:?}", s, ev, next);
        s = next;
    }
    println!("dispensed {:?}", dispensed);
    println!("kick: {:?}", step(State::Collecting { credit: 5 }, Event::Kick));

    for line in [
        "a,b,c",
        "\"quoted, comma\",plain,\"with \"\"escaped\"\" quotes\"",
        ",,",
        "\"\"",
        "x,\"bad\"y",
        "\"open",
        "héllo,wörld",
    ] {
        match parse_csv_line(line) {
            Ok(fields) => println!("{} field(s): {:?}", fields.len(), fields),
            Err(e) => println!("error: {}", e),
        }
    }
}
