//! Feature hashing: 64-bit keys for strings and feature templates.

/// FNV-1a over the bytes of `s`.
pub(crate) fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// FNV-1a over `bytes`.
pub(crate) fn bytes_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Combines two keys (order matters).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let h = (a.rotate_left(5) ^ b).wrapping_mul(0x517c_c1b7_2722_0a95);
    h ^ (h >> 29)
}

/// A feature key: template id plus up to three values.
#[inline]
pub(crate) fn key(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15), a)
}

/// A feature key over two values.
#[inline]
pub(crate) fn key2(template: u64, a: u64, b: u64) -> u64 {
    mix(key(template, a), b)
}

/// A feature key over three values.
#[inline]
pub(crate) fn key3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(key2(template, a, b), c)
}

/// A cheap hasher for map keys that are already 64-bit hashes (one multiply) or short
/// strings (FNV-1a); not for keys an adversary chooses to collide.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 31)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A hash map over [`KeyHasher`].
pub(crate) type KeyMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<KeyHasher>>;
