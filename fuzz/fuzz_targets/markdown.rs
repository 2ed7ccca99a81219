#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| crossread::fuzzing::markdown(data));
