//! The map from word keys to what the engine knows of the word: the one table of
//! listed words ([`WordTable`](super::WordTable)) is one, read for the token table's
//! list bits and the claim features' list bits.

/// A map from word keys ([`key_of_lower`](super::key_of_lower)) to values, open
/// addressing with linear probing in a table kept at most half full: one multiply to
/// hash a key and most lookups one probe, where a `WordMap` hashes the key's sixteen
/// bytes and probes by groups (asked once for nearly every word of a text, this is a
/// word list's cost). A key absent reads as `V::default()`.
#[derive(Debug, Clone)]
pub(crate) struct KeyMap<V> {
    /// (key, value); key 0 is an empty slot (no word has key 0: a key holds its length).
    slots: Vec<(u128, V)>,
    len: usize,
}

impl<V: Copy + Default> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap {
            slots: vec![(0, V::default()); 1 << 10],
            len: 0,
        }
    }
}

impl<V: Copy + Default> KeyMap<V> {
    #[inline]
    fn slot(&self, key: u128) -> usize {
        let mixed = (key as u64 ^ (key >> 64) as u64 ^ (key >> 100) as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// The value of `key` for update: `V::default()` if it had none. `key` is not 0.
    pub(crate) fn entry(&mut self, key: u128) -> &mut V {
        debug_assert_ne!(key, 0);
        if 2 * (self.len + 1) > self.slots.len() {
            let grown = vec![(0, V::default()); 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, grown);
            self.len = 0;
            for (k, v) in old.into_iter().filter(|s| s.0 != 0) {
                *self.entry(k) = v;
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        if self.slots[i].0 == 0 {
            self.len += 1;
            self.slots[i].0 = key;
        }
        &mut self.slots[i].1
    }

    /// The value of `key`, `V::default()` if it has none.
    #[inline]
    pub(crate) fn get(&self, key: u128) -> V {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (0, _) => return V::default(),
                (k, v) if k == key => return v,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// How many keys the map holds (for the property test, which runs natively only).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::words::key_of_lower;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// The map answers as a standard map of the same insertions does.
        #[test]
        fn the_map_is_a_map(
            words in proptest::collection::vec("[a-z]{1,15}", 0..3000),
            probes in proptest::collection::vec("[a-z]{1,15}", 0..50),
        ) {
            let mut map = KeyMap::<u64>::default();
            let mut plain = HashMap::new();
            for (k, w) in words.iter().enumerate() {
                let key = key_of_lower(w.as_bytes());
                *map.entry(key) |= 1 << (k % 64);
                *plain.entry(key).or_insert(0u64) |= 1 << (k % 64);
            }
            prop_assert_eq!(map.len(), plain.len());
            for w in words.iter().chain(&probes) {
                let key = key_of_lower(w.as_bytes());
                prop_assert_eq!(map.get(key), plain.get(&key).copied().unwrap_or(0));
            }
        }
    }
}
