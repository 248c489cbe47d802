//! n-body (Benchmarks Game): a Jovian-planets simulation in f64; prints the energy before and after.
// Usage: nbody [steps] (default 2_000_000).

use std::f64::consts::PI;

const SOLAR_MASS: f64 = 4.0 * PI * PI;
const DAYS_PER_YEAR: f64 = 365.24;

#[derive(Clone, Copy)]
struct Body {
    pos: [f64; 3],
    vel: [f64; 3],
    mass: f64,
}

fn bodies() -> [Body; 5] {
    let planet = |pos: [f64; 3], vel: [f64; 3], mass: f64| Body {
        pos,
        vel: vel.map(|v| v * DAYS_PER_YEAR),
        mass: mass * SOLAR_MASS,
    };
    [
        planet([0.0; 3], [0.0; 3], 1.0),
        planet(
            [
                4.841_431_442_464_72,
                -1.160_320_044_027_428_4,
                -0.103_622_044_471_123_11,
            ],
            [
                0.001_660_076_642_744_037,
                0.007_699_011_184_197_404,
                -0.000_069_046_000_952_384_9,
            ],
            0.000_954_791_938_424_326_6,
        ),
        planet(
            [
                8.343_366_718_244_58,
                4.124_798_564_124_305,
                -0.403_523_417_114_321_4,
            ],
            [
                -0.002_767_425_107_268_624,
                0.004_998_528_012_349_172,
                0.000_023_041_729_757_376_393,
            ],
            0.000_285_885_980_666_130_8,
        ),
        planet(
            [
                12.894_369_562_139_131,
                -15.111_151_401_698_631,
                -0.223_307_578_892_655_73,
            ],
            [
                0.002_964_601_375_647_616,
                0.002_378_471_739_594_809_5,
                -0.000_029_658_956_854_023_756,
            ],
            0.000_043_662_440_433_515_64,
        ),
        planet(
            [
                15.379_697_114_850_917,
                -25.919_314_609_987_964,
                0.179_258_772_950_371_18,
            ],
            [
                0.002_680_677_724_903_893_2,
                0.001_628_241_700_382_423,
                -0.000_095_159_225_451_971_59,
            ],
            0.000_051_513_890_204_661_15,
        ),
    ]
}

fn offset_momentum(bodies: &mut [Body; 5]) {
    let mut p = [0.0; 3];
    for body in bodies.iter() {
        for k in 0..3 {
            p[k] += body.vel[k] * body.mass;
        }
    }
    for k in 0..3 {
        bodies[0].vel[k] = -p[k] / SOLAR_MASS;
    }
}

fn energy(bodies: &[Body; 5]) -> f64 {
    let mut e = 0.0;
    for (i, a) in bodies.iter().enumerate() {
        e += 0.5 * a.mass * a.vel.iter().map(|v| v * v).sum::<f64>();
        for b in &bodies[i + 1..] {
            let d2: f64 = (0..3).map(|k| (a.pos[k] - b.pos[k]).powi(2)).sum();
            e -= a.mass * b.mass / d2.sqrt();
        }
    }
    e
}

fn advance(bodies: &mut [Body; 5], dt: f64) {
    for i in 0..bodies.len() {
        for j in i + 1..bodies.len() {
            let mut d = [0.0; 3];
            for k in 0..3 {
                d[k] = bodies[i].pos[k] - bodies[j].pos[k];
            }
            let d2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            let mag = dt / (d2 * d2.sqrt());
            let (mi, mj) = (bodies[i].mass, bodies[j].mass);
            for k in 0..3 {
                bodies[i].vel[k] -= d[k] * mj * mag;
                bodies[j].vel[k] += d[k] * mi * mag;
            }
        }
    }
    for body in bodies.iter_mut() {
        for k in 0..3 {
            body.pos[k] += dt * body.vel[k];
        }
    }
}

fn main() {
    let steps: u32 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(2_000_000);
    let mut system = bodies();
    offset_momentum(&mut system);
    println!("{:.9}", energy(&system));
    for _ in 0..steps {
        advance(&mut system, 0.01);
    }
    println!("{:.9}", energy(&system));
}
