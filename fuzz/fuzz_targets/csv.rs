//! Any bytes named `.csv`: read (with encoding detection) and normalize every record without
//! panicking, hanging or allocating without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_all("fuzz.csv", data);
});

