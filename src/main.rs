/// Millions of small strings and lists, made and freed on several threads: mimalloc is a
/// third faster than the system allocator at a million people, in less memory. Built without
/// asking for transparent huge pages: each first touch of one zeroes 2 MB, and a run that grows
/// and frees large lists spent up to 8 s of 12 in the kernel doing so (200,000 people).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    rolo::cli::main(std::env::args_os()).into()
}
