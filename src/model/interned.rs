//! Texts that many records share (given and family names, employers, titles, countries), each
//! held once for the whole process: a record holds a four-byte number in its place instead of a
//! 24-byte string. At 200,000 people there are 390,000 records of ten such texts each, but a
//! few hundred thousand different texts among them.
//!
//! The texts are never freed: the process reads one set of files, and a text interned twice is
//! stored once.

use std::borrow::Cow;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};
use std::num::NonZeroU32;
use std::ops::Deref;
use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};
use std::sync::{LazyLock, Mutex};

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text held once for the process ([`Interned::new`]); it reads as a `&str`.
///
/// Two are equal when their texts are, they order and hash as their texts do, and they write
/// and read as plain strings: nothing outside tells it from a `String`. It is the place of the
/// text (its length, then its bytes): the block it is in and where in the block.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Interned(NonZeroU32);

/// Shards of the index, chosen by a text's hash, so that two threads interning rarely wait on
/// each other.
const SHARDS: usize = 64;

/// Texts are written one after the other into blocks of this size; a longer text has a block
/// of its own.
const BLOCK: usize = 1 << 16;

/// Texts start at a multiple of this in their block: where one starts then takes 13 bits of an
/// [`Interned`], and the block the other 19, enough for 32 GB of texts. No input that reading
/// lets through (1 MB a value, 2 GB a file) comes near; memory runs out first.
const ALIGN: usize = 8;

/// The bits of an [`Interned`] that say where in its block a text starts.
const OFFSET_BITS: u32 = (BLOCK / ALIGN).trailing_zeros();

/// The length of a text, written before its bytes.
const LENGTH: usize = size_of::<u32>();

/// The blocks, by number. Written once each, under the lock of the shard that takes it.
/// Block 0 is never taken, so that no place is 0.
static BLOCKS: [AtomicPtr<u8>; 1 << (32 - OFFSET_BITS)] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; 1 << (32 - OFFSET_BITS)];

/// The number of the next block to take.
static NEXT_BLOCK: AtomicU32 = AtomicU32::new(1);

#[derive(Default)]
struct Shard {
    /// The texts of this shard, by their hash.
    index: hashbrown::HashTable<Interned>,
    /// The block its next text is written into, where in it, and how much of it is free (none
    /// before the first text).
    block: u32,
    at: usize,
    free: usize,
}

impl Shard {
    /// Writes `text` where it stays for the rest of the process.
    fn store(&mut self, text: &str) -> Interned {
        let needed = LENGTH + text.len();
        if self.free < needed {
            let size = needed.max(BLOCK);
            let number = NEXT_BLOCK.fetch_add(1, Ordering::Relaxed);
            assert!(
                (number as usize) < BLOCKS.len(),
                "more than 32 GB of different names, employers and titles in one process"
            );
            let block = Box::leak(vec![0u8; size].into_boxed_slice());
            BLOCKS[number as usize].store(block.as_mut_ptr(), Ordering::Release);
            (self.block, self.at, self.free) = (number, 0, size);
        }
        let start = BLOCKS[self.block as usize].load(Ordering::Acquire);
        let length = u32::try_from(text.len()).expect("a text of less than 4 GB");
        // SAFETY: the block has `free` bytes from `at` on, which no other text was written to,
        // and `needed` fits in them.
        unsafe {
            let at = start.add(self.at);
            std::ptr::copy_nonoverlapping(length.to_le_bytes().as_ptr(), at, LENGTH);
            std::ptr::copy_nonoverlapping(text.as_ptr(), at.add(LENGTH), text.len());
        }
        let place = (self.block << OFFSET_BITS) | (self.at / ALIGN) as u32;
        let taken = needed.next_multiple_of(ALIGN).min(self.free);
        self.at += taken;
        self.free -= taken;
        // A block is full once no text would start within the bits of its places.
        if self.at >= BLOCK {
            self.free = 0;
        }
        Interned(NonZeroU32::new(place).expect("block 0 is never taken"))
    }
}

static SHARDED: LazyLock<[Mutex<Shard>; SHARDS]> =
    LazyLock::new(|| std::array::from_fn(|_| Mutex::default()));

/// How many texts each thread keeps at hand ([`Interned::new`]).
const RECENT_SLOTS: usize = 512;

thread_local! {
    /// The texts this thread interned last, by their hash.
    static RECENT: std::cell::RefCell<[Option<(u64, Interned)>; RECENT_SLOTS]> =
        const { std::cell::RefCell::new([None; RECENT_SLOTS]) };
}

fn hash(text: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(text)
}

impl Interned {
    /// The text, interning it the first time it is seen.
    pub fn new(text: &str) -> Interned {
        let hashed = hash(text);
        // Most texts are ones this thread saw a moment ago (a country, a title, a common given
        // name): found in its own small cache, they take no lock and no walk of the index.
        let slot = (hashed as usize) % RECENT_SLOTS;
        RECENT.with(|recent| {
            let mut recent = recent.borrow_mut();
            if let Some((h, t)) = recent[slot]
                && h == hashed
                && t.as_str() == text
            {
                return t;
            }
            let found = Interned::find_or_add(text, hashed);
            recent[slot] = Some((hashed, found));
            found
        })
    }

    fn find_or_add(text: &str, hashed: u64) -> Interned {
        // The top bits choose the shard: the index inside uses the low ones.
        let mut shard = SHARDED[(hashed >> 58) as usize % SHARDS]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match shard.index.find(hashed, |t| t.as_str() == text) {
            Some(&t) => t,
            None => {
                let t = shard.store(text);
                shard.index.insert_unique(hashed, t, |t| hash(t.as_str()));
                t
            }
        }
    }

    /// One number for each different text, the same wherever the text is met: a key to
    /// remember what a text gives without reading the text again.
    pub fn place(self) -> u32 {
        self.0.get()
    }

    pub fn as_str(&self) -> &'static str {
        let place = self.0.get();
        let block = BLOCKS[(place >> OFFSET_BITS) as usize].load(Ordering::Acquire);
        // SAFETY: `Shard::store` wrote the length and then as many bytes of a `str` at this
        // place of the block before the `Interned` was made; blocks are never freed, and no
        // byte of a text is written again.
        unsafe {
            let at = block.add((place & ((1 << OFFSET_BITS) - 1)) as usize * ALIGN);
            let length = u32::from_le_bytes(at.cast::<[u8; LENGTH]>().read()) as usize;
            let bytes = std::slice::from_raw_parts(at.add(LENGTH), length);
            std::str::from_utf8_unchecked(bytes)
        }
    }
}

/// The empty text.
impl Default for Interned {
    fn default() -> Interned {
        Interned::new("")
    }
}

impl Deref for Interned {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Hash for Interned {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Interned {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Interned {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Interned {
    fn from(text: &str) -> Interned {
        Interned::new(text)
    }
}

impl From<String> for Interned {
    fn from(text: String) -> Interned {
        Interned::new(&text)
    }
}

impl From<CompactString> for Interned {
    fn from(text: CompactString) -> Interned {
        Interned::new(&text)
    }
}

impl From<Interned> for String {
    fn from(text: Interned) -> String {
        text.as_str().to_string()
    }
}

impl PartialEq<str> for Interned {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Interned> for String {
    fn eq(&self, other: &Interned) -> bool {
        self == other.as_str()
    }
}

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Interned {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Interned, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        Ok(Interned::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_interned_twice_is_one_number_and_reads_back_as_written() {
        let a = Interned::new("Globex Industries");
        let b = Interned::from(String::from("Globex Industries"));
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "Globex Industries");
        assert_ne!(a, Interned::new("Globex"));
        assert_eq!(Interned::new(""), Interned::new(""));
    }

    #[test]
    fn interned_texts_order_and_hash_as_their_texts() {
        // Interned in the reverse of their order: the numbers must not decide it.
        let z = Interned::new("zz-order-test");
        let a = Interned::new("aa-order-test");
        assert!(a < z);
        let mut sorted = [z, a];
        sorted.sort();
        assert_eq!(
            sorted.map(|t| t.as_str()),
            ["aa-order-test", "zz-order-test"]
        );
        assert_eq!(
            rustc_hash::FxBuildHasher.hash_one(a),
            rustc_hash::FxBuildHasher.hash_one("aa-order-test")
        );
    }

    #[test]
    fn texts_interned_on_many_threads_at_once_are_each_one_number() {
        let texts: Vec<String> = (0..2000).map(|i| format!("text {}", i % 500)).collect();
        let numbers: Vec<Interned> = {
            use rayon::prelude::*;
            texts.par_iter().map(|t| Interned::new(t)).collect()
        };
        for (text, number) in texts.iter().zip(&numbers) {
            assert_eq!(number.as_str(), text);
        }
        assert_eq!(numbers[0], numbers[500]);
        assert_eq!(numbers[1], numbers[1501]);
    }

    #[test]
    fn texts_longer_than_a_block_and_more_than_a_block_holds_read_back_whole() {
        let long = "x".repeat(BLOCK * 2 + 3);
        let many: Vec<String> = (0..20_000)
            .map(|i| format!("block-test employer {i}"))
            .collect();
        let interned: Vec<Interned> = many.iter().map(|t| Interned::new(t)).collect();
        let l = Interned::new(&long);
        assert_eq!(l.as_str(), long);
        for (text, t) in many.iter().zip(&interned) {
            assert_eq!(t.as_str(), text);
            assert_eq!(Interned::new(text), *t);
        }
    }

    #[test]
    fn an_interned_text_writes_and_reads_as_a_string() {
        let t = Interned::new("Ms");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"Ms\"");
        let back: Interned = serde_json::from_str("\"Ms\"").unwrap();
        assert_eq!(back, t);
        let escaped: Interned = serde_json::from_str("\"a\\\"b\"").unwrap();
        assert_eq!(escaped.as_str(), "a\"b");
    }
}
