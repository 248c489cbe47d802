// Checks that an explicit panic! with a formatted message aborts after the preceding output.
#[derive(Debug)]
struct Account {
    owner: String,
    balance: i64,
}

fn withdraw(account: &mut Account, amount: i64) {
    if amount > account.balance {
        panic!("insufficient funds for {}: balance {} < {} ({:?})", account.owner, account.balance, amount, account);
    }
    account.balance -= amount;
    println!("{} withdrew {}, balance {}", account.owner, amount, account.balance);
}

fn main() {
    let mut acc = Account { owner: String::from("ada"), balance: 100 };
    withdraw(&mut acc, 30);
    withdraw(&mut acc, 70);
    withdraw(&mut acc, 1);
    println!("unreachable");
}
