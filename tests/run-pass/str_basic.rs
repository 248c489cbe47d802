// Checks &str methods: split variants, trim, find/rfind, replace, starts_with, parse-free tokenising and comparisons.
fn main() {
    let s = "  The quick brown fox jumps over the lazy dog  ";
    println!("[{}] [{}] [{}]", s.trim(), s.trim_start(), s.trim_end());
    let t = s.trim();
    println!("len {} words {}", t.len(), t.split_whitespace().count());
    println!("find: {:?} {:?} {:?} {:?}", t.find("the"), t.find('q'), t.rfind('o'), t.find("cat"));
    println!("find closure: {:?}", t.find(|c: char| c.is_uppercase() && c != 'T'));
    println!("replace: {}", t.replace("the", "a"));
    println!("replacen: {}", "aaaa".replacen("a", "b", 2));
    println!("starts/ends: {} {} {}", t.starts_with("The"), t.ends_with("dog"), t.contains("fox"));
    let csv = "name,age,,city";
    println!("split: {:?}", csv.split(',').collect::<Vec<_>>());
    println!("splitn: {:?}", csv.splitn(2, ',').collect::<Vec<_>>());
    println!("rsplit: {:?}", csv.rsplit(',').collect::<Vec<_>>());
    println!("split_terminator: {:?}", "a;b;c;".split_terminator(';').collect::<Vec<_>>());
    println!("split str: {:?}", "one<>two<>three".split("<>").collect::<Vec<_>>());
    println!("split_once: {:?} {:?}", "key=value=x".split_once('='), "novalue".split_once('='));
    println!("rsplit_once: {:?}", "a.b.c".rsplit_once('.'));
    println!("lines: {:?}", "l1\nl2\r\nl3\n".lines().collect::<Vec<_>>());
    println!("split chars: {:?}", "a1b2c3".split(char::is_numeric).collect::<Vec<_>>());
    println!("trim_matches: {} {} {}", "xxhixx".trim_matches('x'), "123abc456".trim_start_matches(char::is_numeric), "file.txt.bak".trim_end_matches(".bak"));
    println!("strip: {:?} {:?}", "prefix_body".strip_prefix("prefix_"), "body".strip_suffix(".rs"));
    println!("matches: {} {:?}", "banana".matches("an").count(), "banana".match_indices('a').map(|(i, _)| i).collect::<Vec<_>>());
    println!("repeat: {}", "ab".repeat(3));
    println!("case: {} {}", "MiXeD".to_lowercase(), "MiXeD".to_uppercase());
    println!("eq_ignore_ascii_case: {}", "HeLLo".eq_ignore_ascii_case("hello"));
    println!("cmp: {} {} {:?}", "apple" < "banana", "Zebra" < "apple", "abc".cmp("abd"));
    println!("slicing: {} {} {}", &t[4..9], &t[..3], &t[t.len() - 3..]);
    println!("get: {:?} {:?}", t.get(0..3), t.get(100..));
    println!("is_empty: {} {}", "".is_empty(), " ".is_empty());
    println!("bytes: {:?}", "AZaz".bytes().collect::<Vec<u8>>());
    println!("char count: {}", t.chars().filter(|c| "aeiou".contains(*c)).count());
    let acronym: String = "portable network graphics".split(' ').filter_map(|w| w.chars().next()).map(|c| c.to_ascii_uppercase()).collect();
    println!("acronym: {}", acronym);
    let reversed_words: Vec<&str> = t.split(' ').rev().take(3).collect();
    println!("last words: {:?}", reversed_words);
    let concat = ["a", "b", "c"].concat();
    let joined = ["x", "y", "z"].join("-");
    println!("concat {} join {}", concat, joined);
    let escaped = "tab\there \"quoted\" back\\slash\n";
    println!("{:?}", escaped);
    println!("{}", escaped.escape_default());
    let raw = r"C:\path\no\escape";
    println!("{} {}", raw, raw.len());
    let multi = "first \
                 second";
    println!("{}", multi);
}
