//! `#![no_std]` hello world whose only import is WASI's `fd_write`: the size floor of a program
//! that prints, without std, an allocator or formatting.

// compile-flags: -Clink-self-contained=no

#![no_std]
#![no_main]

/// A WASI `ciovec`: one buffer to write.
#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn fd_write(fd: u32, iovs: *const Ciovec, iovs_len: usize, written: *mut usize) -> u16;
}

const MESSAGE: &[u8] = b"Hello, world!\n";

/// The entry point itself: `-Clink-self-contained=no` leaves out wasi-libc's crt1-command.o, whose
/// `_start` would pull in libc's argv setup and `proc_exit` (more imports).
#[unsafe(no_mangle)]
extern "C" fn _start() {
    let iov = Ciovec {
        buf: MESSAGE.as_ptr(),
        len: MESSAGE.len(),
    };
    let mut written = 0;
    // SAFETY: `iov` describes a live buffer and `written` is a valid out-pointer for the call.
    let errno = unsafe { fd_write(1, &iov, 1, &mut written) };
    if errno != 0 || written != MESSAGE.len() {
        // No `proc_exit` import to report it with: a trap is the failure exit (134 in wasm-run).
        core::arch::wasm32::unreachable()
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
