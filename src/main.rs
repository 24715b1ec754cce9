fn main() -> std::process::ExitCode {
    newborn::run()
}
