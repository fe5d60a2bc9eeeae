//! The `tl` command: the REPL, scripts, `-e` code and golden tests.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use tl::run::{run, Program};

// glibc gives the interpreter's big-stack thread its own arena, which trims and re-faults
// every freed multi-megabyte tensor buffer; mimalloc keeps them for reuse.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "tl",
    version,
    about = "tl: a scripting language whose values are differentiable tensors",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Run this code instead of a file.
    #[arg(short = 'e', long = "eval", value_name = "CODE", conflicts_with = "file")]
    code: Option<String>,
    /// A script to run; without one (and without -e), the REPL starts.
    file: Option<PathBuf>,
    /// Arguments for the script, in `argv`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run golden tests: every .tl file beside a .out file under PATHS.
    /// Print the reference of every builtin, method and standard-library name as Markdown
    /// (`tl doc > docs/reference.md`); with --check, list what breaks the documentation rules.
    Doc {
        #[arg(long)]
        check: bool,
    },
    Test {
        /// Rewrite the .out files with what the scripts print now.
        #[arg(long)]
        bless: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

fn main() {
    tl::kernels::keep_freed_buffers();
    let cli = Cli::parse();
    let status = match (cli.command, cli.code, cli.file) {
        (Some(Command::Test { bless, paths }), _, _) => tl::golden::run_cli(&paths, bless),
        (Some(Command::Doc { check }), _, _) => tl::doc::main(check),
        (None, Some(code), _) => run(Program::Code(code)),
        (None, None, Some(path)) => run(Program::File { path, args: cli.args }),
        (None, None, None) => tl::repl::main(),
    };
    std::process::exit(status);
}
