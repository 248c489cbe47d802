// Checks slices of structs: sorting by fields, grouping, aggregation, mutation through iter_mut/chunks_mut, lookups and reports.
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
struct Order {
    id: u32,
    customer: &'static str,
    amount_cents: u64,
    items: u8,
    shipped: bool,
}

fn orders() -> Vec<Order> {
    let raw = [
        (1001, "dora", 2599, 2, true),
        (1002, "ali", 150, 1, false),
        (1003, "dora", 99900, 7, true),
        (1004, "sam", 4200, 3, true),
        (1005, "ali", 3300, 2, true),
        (1006, "kim", 0, 0, false),
        (1007, "sam", 12345, 4, false),
    ];
    raw.iter()
        .map(|&(id, customer, amount_cents, items, shipped)| Order { id, customer, amount_cents, items, shipped })
        .collect()
}

fn money(cents: u64) -> String {
    format!("${}.{:02}", cents / 100, cents % 100)
}

fn total(orders: &[Order]) -> u64 {
    orders.iter().map(|o| o.amount_cents).sum()
}

fn largest_by_customer(orders: &[Order]) -> BTreeMap<&'static str, &Order> {
    let mut best: BTreeMap<&str, &Order> = BTreeMap::new();
    for o in orders {
        let e = best.entry(o.customer).or_insert(o);
        if o.amount_cents > e.amount_cents {
            *e = o;
        }
    }
    best
}

fn main() {
    let mut list = orders();
    println!("count {} total {}", list.len(), money(total(&list)));
    let shipped: Vec<u32> = list.iter().filter(|o| o.shipped).map(|o| o.id).collect();
    println!("shipped {:?}", shipped);
    println!("unshipped total {}", money(total(&list.iter().filter(|o| !o.shipped).cloned().collect::<Vec<_>>())));
    let mut per_customer: BTreeMap<&str, (u32, u64)> = BTreeMap::new();
    for o in &list {
        let e = per_customer.entry(o.customer).or_insert((0, 0));
        e.0 += 1;
        e.1 += o.amount_cents;
    }
    for (c, (n, sum)) in &per_customer {
        println!("  {:<5} {} order(s) {:>10}", c, n, money(*sum));
    }
    for (c, o) in largest_by_customer(&list) {
        println!("  largest for {} is #{}", c, o.id);
    }
    list.sort_by(|a, b| b.amount_cents.cmp(&a.amount_cents));
    println!("by amount desc {:?}", list.iter().map(|o| o.id).collect::<Vec<_>>());
    list.sort_by_key(|o| (o.customer, o.id));
    println!("by customer,id {:?}", list.iter().map(|o| o.id).collect::<Vec<_>>());
    list.sort_unstable_by_key(|o| o.id);
    match list.binary_search_by_key(&1005, |o| o.id) {
        Ok(i) => println!("found 1005 at {} -> {:?}", i, list[i]),
        Err(i) => println!("not found, insert at {}", i),
    }
    println!("search 1010 {:?}", list.binary_search_by_key(&1010, |o| o.id));
    for o in list.iter_mut().filter(|o| !o.shipped && o.items > 0) {
        o.shipped = true;
        o.amount_cents += 500;
    }
    println!("after shipping {:?}", list.iter().map(|o| (o.id, o.shipped, o.amount_cents)).collect::<Vec<_>>());
    for chunk in list.chunks_mut(3) {
        let first_id = chunk[0].id;
        for o in chunk.iter_mut() {
            o.items += (o.id - first_id) as u8;
        }
    }
    println!("items {:?}", list.iter().map(|o| o.items).collect::<Vec<_>>());
    let busiest = list.iter().max_by_key(|o| o.items).unwrap();
    let cheapest = list.iter().filter(|o| o.amount_cents > 0).min_by_key(|o| o.amount_cents).unwrap();
    println!("busiest #{} cheapest #{}", busiest.id, cheapest.id);
    let avg = total(&list) as f64 / list.len() as f64 / 100.0;
    println!("average {:.2}", avg);
    let (big, small): (Vec<&Order>, Vec<&Order>) = list.iter().partition(|o| o.amount_cents >= 5000);
    println!("big {} small {}", big.len(), small.len());
    list.retain(|o| o.amount_cents > 0);
    list.dedup_by_key(|o| o.customer);
    println!("retained/dedup {:?}", list.iter().map(|o| o.id).collect::<Vec<_>>());
    let snapshot = list.clone();
    list[0].customer = "changed";
    println!("clone independent {} {}", snapshot[0].customer, list[0].customer);
    println!("eq {}", snapshot[1..] == list[1..]);
}
