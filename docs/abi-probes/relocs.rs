// Relocations, symbols, segments, the stack pointer and the function table.
#![no_std]
#![allow(warnings)]

pub static VALUE: u32 = 42;                       // .rodata
pub static mut COUNTER: u32 = 7;                  // .data
pub static mut ZEROED: [u32; 4] = [0; 4];         // .bss
pub static DATA_PTR: &u32 = &VALUE;               // R_WASM_MEMORY_ADDR_I32 in data
pub static FN_TABLE: [fn(u32) -> u32; 2] = [inc, dec]; // R_WASM_TABLE_INDEX_I32 in data
static LOCAL_STATIC: [u8; 5] = *b"hello";         // local (binding) data symbol

unsafe extern "C" {
    fn ext_fn(x: u32) -> u32;                    // undefined function symbol (env import)
    static EXT_DATA: u32;                        // undefined data symbol
}

#[unsafe(no_mangle)] #[inline(never)] pub fn inc(x: u32) -> u32 { x + 1 }
#[inline(never)] fn dec(x: u32) -> u32 { x - 1 }  // local (binding) function symbol

#[unsafe(no_mangle)] pub fn direct_call(x: u32) -> u32 { unsafe { ext_fn(x) + inc(x) } }  // R_WASM_FUNCTION_INDEX_LEB
#[unsafe(no_mangle)] pub fn take_fn_addr() -> fn(u32) -> u32 { dec }                    // R_WASM_TABLE_INDEX_SLEB
#[unsafe(no_mangle)] pub fn take_ext_fn_addr() -> unsafe extern "C" fn(u32) -> u32 { ext_fn }
#[unsafe(no_mangle)] pub fn call_ptr(f: fn(u32) -> u32, x: u32) -> u32 { f(x) }           // call_indirect
#[unsafe(no_mangle)] pub fn call_table(i: usize, x: u32) -> u32 { FN_TABLE[i & 1](x) }
#[unsafe(no_mangle)] pub fn load_data() -> u32 { unsafe { COUNTER } }                   // MEMORY_ADDR_LEB
#[unsafe(no_mangle)] pub fn store_data(v: u32) { unsafe { COUNTER = v } }
#[unsafe(no_mangle)] pub fn load_indexed(i: usize) -> u32 { unsafe { ZEROED[i & 3] } }
#[unsafe(no_mangle)] pub fn addr_data() -> *const u32 { &VALUE }                       // MEMORY_ADDR_SLEB
#[unsafe(no_mangle)] pub fn addr_local_static() -> *const u8 { LOCAL_STATIC.as_ptr() }
#[unsafe(no_mangle)] pub fn load_ext_data() -> u32 { unsafe { EXT_DATA } }
// needs a stack frame in linear memory -> __stack_pointer
unsafe extern "Rust" { fn ext_fill(p: &mut [u32; 8]); }
#[unsafe(no_mangle)] pub fn stack_user() -> u32 { let mut a = [0u32; 8]; unsafe { ext_fill(&mut a) }; a[3] }

// import module / explicit import name, #[used], custom section, init function
#[link(wasm_import_module = "host")]
unsafe extern "C" { #[link_name = "host_name"] fn host_fn(x: u32) -> u32; }
#[unsafe(no_mangle)] pub fn call_host(x: u32) -> u32 { unsafe { host_fn(x) } }
#[used] static USED: u32 = 0x5eed;
#[unsafe(link_section = "my_custom_section")] pub static CUSTOM: [u8; 4] = *b"abcd";
#[unsafe(export_name = "exported_by_name")] pub fn exported(x: u32) -> u32 { x ^ 1 }
extern "C" fn init_fn() { unsafe { COUNTER = 1 } }
#[used] #[unsafe(link_section = ".init_array.00100")] static INIT: extern "C" fn() = init_fn;
