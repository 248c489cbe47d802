//! A small stable hash (FNV-1a, 64 bit) for cache keys; not for anything adversarial.

pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Adds `bytes` followed by a separator, so that ("ab", "c") and ("a", "bc") differ.
    pub fn add(&mut self, bytes: impl AsRef<[u8]>) -> &mut Fnv {
        for &byte in bytes.as_ref().iter().chain(&[0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}
