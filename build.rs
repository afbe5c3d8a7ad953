//! Links the `onrecord` binary as a position-dependent executable on Linux: a PIE's start-up
//! applies tens of thousands of relocations (every vtable and string table of a 15 MB binary)
//! before `main`, about a millisecond of each `onrecord search` (#16). The code stays PIC.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
