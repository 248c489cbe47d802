//! Particles in a linked list of `wasm::Gc` objects, moved step by step: the work is field reads
//! and writes through handles held in local variables, which our backend keeps in typed
//! reference locals (docs/wasmgc-lowering.md section 4). The bench builds it with them on and off.
// Usage: gc_particles [particles] [steps] (default 2000 and 20000).

use wasm::Gc;

#[wasm::gc]
struct Particle {
    x: f64,
    y: f64,
    vx: f64,
    vy: f64,
    next: Option<Gc<Particle>>,
}

/// `count` particles on a spiral, each moving outwards.
fn spawn(count: u32) -> Gc<Particle> {
    let mut head = Gc::new(Particle { x: 0.0, y: 0.0, vx: 1.0, vy: 0.0, next: None });
    for i in 1..count {
        let angle = f64::from(i) * 0.1;
        let node = Gc::new(Particle {
            x: angle.cos() * f64::from(i),
            y: angle.sin() * f64::from(i),
            vx: -angle.sin(),
            vy: angle.cos(),
            next: None,
        });
        node.set_next(Some(head));
        head = node;
    }
    head
}

/// One time step: every particle moves and is pulled back towards the origin.
fn step(head: &Gc<Particle>, dt: f64) {
    let mut cursor = head.clone();
    loop {
        let (x, y) = (cursor.x(), cursor.y());
        let (vx, vy) = (cursor.vx() - x * dt * 0.01, cursor.vy() - y * dt * 0.01);
        cursor.set_vx(vx);
        cursor.set_vy(vy);
        cursor.set_x(x + vx * dt);
        cursor.set_y(y + vy * dt);
        match cursor.next() {
            Some(next) => cursor = next,
            None => break,
        }
    }
}

/// Sum of the distances from the origin.
fn spread(head: &Gc<Particle>) -> f64 {
    let mut total = 0.0;
    let mut cursor = head.clone();
    loop {
        total += (cursor.x() * cursor.x() + cursor.y() * cursor.y()).sqrt();
        match cursor.next() {
            Some(next) => cursor = next,
            None => break,
        }
    }
    total
}

fn main() {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<u32>().expect("a count"));
    let particles = args.next().unwrap_or(2000);
    let steps = args.next().unwrap_or(20000);
    let head = spawn(particles);
    println!("{particles} particles, spread {:.3}", spread(&head));
    for _ in 0..steps {
        step(&head, 0.01);
    }
    println!("after {steps} steps, spread {:.3}", spread(&head));
}
