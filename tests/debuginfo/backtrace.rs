// A panic three calls deep. The debuginfo group runs it in wasm-run and requires each line marked
// `// frame: NAME` in the trap backtrace, innermost first, as a frame of NAME at this line.

struct Grid {
    cells: Vec<u32>,
}

impl Grid {
    fn cell(&self, i: usize) -> u32 {
        self.cells[i] // frame: cell
    }
}

fn sum_to(grid: &Grid, n: usize) -> u32 {
    let mut total = 0;
    for i in 0..n {
        total += grid.cell(i); // frame: sum_to
    }
    total
}

fn main() {
    let grid = Grid { cells: vec![1, 2, 3] };
    let n = std::env::args().count() + 3;
    println!("{}", sum_to(&grid, n)); // frame: main
}
