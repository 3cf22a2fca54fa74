/// Millions of small strings and lists, made and freed on several threads: mimalloc is a
/// third faster than the system allocator at a million people, in less memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    rolo::cli::main(std::env::args_os()).into()
}
