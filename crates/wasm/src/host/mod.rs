//! Talking to the host without `core::fmt`: printing, and the native emulation of host objects.
//!
//! [`print`] writes through exactly one import, so a `#![no_std]` binary that only prints stays tiny:
//! on `wasm32-wasip1` it is WASI's `fd_write` on stdout; on other wasm32 targets it is
//! `wasm_host.print(ptr, len)` (see `HOST-ABI.md`); on native targets it is the process's stdout.

#[cfg(not(target_arch = "wasm32"))]
pub mod emulated;

/// Writes `text` to the host's standard output, unbuffered and without formatting machinery.
///
/// Write errors are ignored: there is nowhere to report them without formatting. Output from
/// `std::print!` is line-buffered on wasm32, so end such lines before printing here.
///
/// ```
/// wasm::host::print("hello from the host import\n");
/// ```
pub fn print(text: &str) {
    stdout::write_all(text.as_bytes());
}

#[cfg(all(target_arch = "wasm32", target_os = "wasi"))]
mod stdout {
    #[repr(C)]
    struct ConstIoVec {
        buf: *const u8,
        len: usize,
    }

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        fn fd_write(fd: i32, iovs: *const ConstIoVec, iovs_len: usize, written: *mut usize) -> i32;
    }

    const STDOUT: i32 = 1;

    pub(super) fn write_all(mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let iov = ConstIoVec {
                buf: bytes.as_ptr(),
                len: bytes.len(),
            };
            let mut written = 0;
            // SAFETY: `iov` describes live memory and `written` is a valid out-pointer.
            let errno = unsafe { fd_write(STDOUT, &iov, 1, &mut written) };
            if errno != 0 || written == 0 {
                return;
            }
            // `get`, not indexing: no panic path (and its formatting code) in a binary that prints.
            bytes = bytes.get(written..).unwrap_or_default();
        }
    }
}

#[cfg(all(target_arch = "wasm32", not(target_os = "wasi")))]
mod stdout {
    #[link(wasm_import_module = "wasm_host")]
    unsafe extern "C" {
        #[link_name = "print"]
        fn host_print(ptr: *const u8, len: usize);
    }

    pub(super) fn write_all(bytes: &[u8]) {
        // SAFETY: the host only reads `len` bytes at `ptr` during the call.
        unsafe { host_print(bytes.as_ptr(), bytes.len()) }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod stdout {
    use std::io::Write;

    pub(super) fn write_all(bytes: &[u8]) {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
    }
}
