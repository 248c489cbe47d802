#[wasm::gc]
struct View<'a> {
    len: u32,
    marker: std::marker::PhantomData<&'a ()>,
}

fn main() {}
