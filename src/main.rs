fn main() -> std::process::ExitCode {
    rolo::cli::main(std::env::args_os()).into()
}
