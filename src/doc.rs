//! `tl doc`: the reference of every builtin, method and standard-library name, written
//! as Markdown from the declarations and docstrings (`docs/reference.md`), and
//! `tl doc --check`, which holds every declaration to the documentation rules and runs
//! every docstring's example.

use crate::builtins::help::clean;
use crate::builtins::methods::TYPE_METHODS;
use crate::builtins::{NAMESPACES, TABLES};
use crate::diag::Failure;
use crate::eval::{bind_to_params, CallArgs, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::actions::docstring;
use crate::syntax::ast::FunctionBody;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::signature::{ParamKind, Signature, ALIASES};
use crate::value::{Builtin, Class, Function, Value};
use std::rc::Rc;

/// One documented name: the heading it is shown under, its signature line, its text.
struct Entry {
    title: String,
    doc: String,
    /// What to check: a builtin's declaration, or a tl definition's docstring.
    source: Source,
}

enum Source {
    Builtin { builtin: &'static Builtin, method: bool },
    Tl { is_class: bool },
}

struct Section {
    heading: String,
    intro: String,
    entries: Vec<Entry>,
}

fn builtin_entry(builtin: &'static Builtin, owner: Option<&str>) -> Entry {
    let signature = builtin.signature();
    let title = match owner {
        Some(owner) => {
            let returns = signature.returns.map(|r| format!(" -> {r}")).unwrap_or_default();
            format!("{owner}.{}({}){returns}", builtin.name, signature.params_text(true))
        }
        None => signature.to_string(),
    };
    let mut doc = builtin.description().to_string();
    if owner.is_none() && builtin.kind == crate::value::object::Kind::Both {
        doc = format!("Also a method: `Tensor.{}({})`.\n\n{doc}", builtin.name, signature.params_text(true));
    }
    Entry { title, doc, source: Source::Builtin { builtin, method: owner.is_some() } }
}

fn sections(interp: &mut Interpreter) -> Vec<Section> {
    let mut functions: Vec<Entry> = TABLES
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.is_function())
        .map(|b| builtin_entry(b, None))
        .collect();
    functions.sort_by(|a, b| a.title.cmp(&b.title));
    let mut methods: Vec<Entry> = TABLES
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.kind == crate::value::object::Kind::Method)
        .map(|b| builtin_entry(b, Some("Tensor")))
        .collect();
    methods.sort_by(|a, b| a.title.cmp(&b.title));
    let mut out = vec![
        Section {
            heading: "Functions".into(),
            intro: "The prelude: every program sees these.".into(),
            entries: functions,
        },
        Section {
            heading: "Tensor methods".into(),
            intro: "Methods only; the functions above marked \"also a method\" are tensor methods too."
                .into(),
            entries: methods,
        },
    ];
    for (name, table) in NAMESPACES {
        let mut entries: Vec<Entry> = table
            .iter()
            .map(|b| builtin_entry(b, None))
            .map(|e| Entry { title: format!("{name}.{}", e.title), ..e })
            .collect();
        entries.sort_by(|a, b| a.title.cmp(&b.title));
        out.push(Section { heading: format!("`{name}`"), intro: String::new(), entries });
    }
    for (owner, table) in TYPE_METHODS {
        let entries = table.iter().map(|b| builtin_entry(b, Some(owner))).collect();
        out.push(Section { heading: format!("`{owner}` methods"), intro: String::new(), entries });
    }
    let mut modules: Vec<&str> = crate::stdlib::all_names().collect();
    modules.sort();
    for name in modules {
        let Some(module) = interp.stdlib_module(name) else { continue };
        let intro = module.doc.as_deref().map(clean).unwrap_or_default();
        let mut entries = Vec::new();
        let mut names = module.env.local_names();
        names.retain(|n| !n.as_str().starts_with('_'));
        names.sort_by_key(|n| n.as_str());
        for member in names {
            match module.env.get_local(member) {
                Some(Value::Function(f)) if Rc::ptr_eq(&f.env, &module.env) => {
                    entries.push(tl_entry(interp, &format!("{name}.{member}"), &f, false));
                }
                Some(Value::Class(c)) if class_defined_in(&c, &module.env) => {
                    entries.extend(class_entries(interp, name, &c))
                }
                _ => {}
            }
        }
        out.push(Section { heading: format!("`{name}` (standard library)"), intro, entries });
    }
    out
}

/// Whether a class was written in the module whose scope is `env` (its methods close
/// over that scope), not imported into it.
fn class_defined_in(class: &Class, env: &Rc<crate::eval::Env>) -> bool {
    let methods: Vec<Value> = class.members.borrow().values().cloned().collect();
    methods.iter().all(|m| !matches!(m, Value::Function(f) if !Rc::ptr_eq(&f.env, env)))
}

fn tl_doc(f: &Function) -> String {
    match &f.def.body {
        FunctionBody::Block(block) => docstring(block).map(clean).unwrap_or_default(),
        FunctionBody::Expr(_) => String::new(),
    }
}

fn tl_entry(interp: &mut Interpreter, title: &str, f: &Rc<Function>, skip_self: bool) -> Entry {
    let signature = crate::builtins::help::function_signature(interp, f, skip_self).unwrap_or_default();
    let params = &signature[signature.find('(').unwrap_or(0)..];
    Entry { title: format!("{title}{params}"), doc: tl_doc(f), source: Source::Tl { is_class: false } }
}

fn class_entries(interp: &mut Interpreter, module: &str, class: &Rc<Class>) -> Vec<Entry> {
    let init = match class.lookup(Symbol::intern("init")) {
        Some(Value::Function(f)) => {
            crate::builtins::help::function_signature(interp, &f, true).unwrap_or_default()
        }
        _ => "()".into(),
    };
    let params = &init[init.find('(').unwrap_or(0)..];
    let base = class.base.as_ref().map(|b| format!(" ({})", b.name)).unwrap_or_default();
    let mut entries = vec![Entry {
        title: format!("class {module}.{}{params}{base}", class.name),
        doc: class.doc.as_deref().map(clean).unwrap_or_default(),
        source: Source::Tl { is_class: true },
    }];
    let members: Vec<(Symbol, Value)> = class.members.borrow().iter().map(|(k, v)| (*k, v.clone())).collect();
    for (name, member) in members {
        // `init` is documented by the class's docstring; `repr` is Python's `__repr__`.
        let public = !name.as_str().starts_with('_') && !matches!(name.as_str(), "init" | "repr");
        if let (true, Value::Function(f)) = (public, member) {
            entries.push(tl_entry(interp, &format!("{module}.{}.{name}", class.name), &f, true));
        }
    }
    entries
}

/// The Markdown of `docs/reference.md`.
pub fn reference(interp: &mut Interpreter) -> String {
    let mut out = String::from(
        "# tl reference\n\nEvery builtin, method and standard-library name, with its signature and \
         docstring. Generated by `tl doc > docs/reference.md` from the declarations in `src/builtins/` \
         and the docstrings in `stdlib/`; do not edit by hand (a test fails when it is stale).\n",
    );
    for section in sections(interp) {
        out += &format!("\n## {}\n\n", section.heading);
        if !section.intro.is_empty() {
            out += &format!("{}\n\n", section.intro);
        }
        for entry in section.entries {
            out += &format!("### `{}`\n\n", entry.title);
            if !entry.doc.is_empty() {
                out += &format!("{}\n\n", markdown_body(&entry.doc));
            }
        }
    }
    out.trim_end().to_string() + "\n"
}

/// A docstring as Markdown: the `Args:` lines as a list, the example as code.
fn markdown_body(doc: &str) -> String {
    let mut out = Vec::new();
    for line in doc.lines() {
        if let Some(arg) = line.strip_prefix("    ") {
            out.push(format!("- {}", arg.trim()));
        } else if let Some(example) = line.strip_prefix("Example: ") {
            out.push(format!("Example: `{example}`"));
        } else if line == "Args:" {
            out.push("Args:\n".to_string());
        } else {
            out.push(line.to_string());
        }
    }
    out.join("\n").replace("\nReturns:", "\n\nReturns:").replace("\nExample:", "\n\nExample:")
}

/// The problems `tl doc --check` reports, one line each.
pub fn check(interp: &mut Interpreter) -> Vec<String> {
    let mut problems = Vec::new();
    for section in sections(interp) {
        for entry in &section.entries {
            let name = &entry.title;
            let mut report = |problem: String| problems.push(format!("{name}: {problem}"));
            match entry.source {
                Source::Builtin { builtin, method } => {
                    let line = builtin.doc.lines().next().unwrap_or("");
                    match Signature::parse(line) {
                        Err(e) => report(e),
                        Ok(s)
                            if s.params_text(false) == "*args, **kwargs"
                                && builtin.description().is_empty() =>
                        {
                            report("not declared (placeholder signature)".into());
                            continue;
                        }
                        Ok(s) => {
                            for p in &s.params {
                                if let Some(a) = p.annotation {
                                    if crate::eval::accepts(a, &Value::None).is_none() {
                                        report(format!(
                                            "annotation {a} of {} is not a type the binder checks",
                                            p.name
                                        ));
                                    }
                                }
                            }
                            if let Some(problem) = unknown_keyword_problem(interp, builtin, method) {
                                report(problem);
                            }
                            for problem in alias_problems(builtin) {
                                report(problem);
                            }
                        }
                    }
                    if !builtin.doc.lines().nth(1).is_some_and(|l| l.trim().is_empty()) {
                        report("the signature line must be followed by a blank line".into());
                    }
                }
                Source::Tl { .. } if entry.doc.is_empty() => {
                    report("no docstring".into());
                    continue;
                }
                Source::Tl { .. } => {}
            }
            let is_class = matches!(entry.source, Source::Tl { is_class: true });
            for problem in doc_problems(&entry.doc, is_class) {
                problems.push(format!("{name}: {problem}"));
            }
        }
    }
    problems
}

/// The parts every docstring has, and its example run and compared. A helper that is
/// public only because its name lacks the `_` says so with a docstring that begins
/// `Internal:`, and needs no more.
fn doc_problems(doc: &str, is_class: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if doc.starts_with("Internal:") {
        return problems;
    }
    let description = doc.lines().next().unwrap_or("").trim();
    if description.is_empty() {
        problems.push("no description".into());
    }
    if !is_class && !doc.lines().any(|l| l.starts_with("Returns:")) {
        problems.push("no `Returns:` line".into());
    }
    let Some(example) = doc.lines().find_map(|l| l.strip_prefix("Example: ")) else {
        problems.push("no `Example:` line".into());
        return problems;
    };
    let (code, expected) = match example.split_once("  # ") {
        Some((code, expected)) => (code.trim(), Some(expected.trim())),
        None => (example.trim(), None),
    };
    match run_example(code) {
        Err(message) => problems.push(format!("example `{code}` fails: {message}")),
        Ok(got) => {
            if let Some(expected) = expected {
                if got != expected {
                    problems.push(format!("example `{code}` gives `{got}`, the docstring says `{expected}`"));
                }
            }
        }
    }
    problems
}

/// Runs an example in a fresh interpreter and returns the `repr` of its value.
fn run_example(code: &str) -> Result<String, String> {
    let mut fresh = Interpreter::new(Box::new(std::io::sink()));
    match fresh.evaluate("<example>", code) {
        // A repr over several lines (a matrix) is compared as one line.
        Ok(value) => match crate::value::repr::repr(&value, &mut fresh) {
            Ok(text) => Ok(text.lines().map(str::trim).collect::<Vec<_>>().join(" ")),
            Err(_) => Err("its repr fails".to_string()),
        },
        Err(Failure::Runtime(e)) => Err(format!("{}: {}", e.kind, e.message)),
        Err(Failure::Syntax(e)) => Err(format!("SyntaxError: {}", e.message)),
        Err(Failure::Io(e)) => Err(e),
    }
}

/// A call with an unknown keyword must be a TypeError naming it, through the real call
/// path (for a method, bound to a receiver).
fn unknown_keyword_problem(
    interp: &mut Interpreter,
    builtin: &'static Builtin,
    method: bool,
) -> Option<String> {
    if builtin.signature().params.iter().any(|p| p.kind == ParamKind::VarKeywords) {
        return None;
    }
    let mut args = CallArgs::new(if method { vec![Value::None] } else { vec![] }, Span::default());
    args.bound = method;
    args.keywords.push((Symbol::intern("no_such_keyword"), Value::None));
    match interp.call(Value::Builtin(builtin), args) {
        Err(crate::eval::Flow::Error(e))
            if e.kind == ErrorKind::TypeError && e.message.contains("'no_such_keyword'") =>
        {
            None
        }
        Err(crate::eval::Flow::Error(e)) => {
            Some(format!("an unknown keyword gives {}: {}", e.kind, e.message))
        }
        _ => Some("an unknown keyword is accepted".into()),
    }
}

/// Each PyTorch alias of a declared parameter binds to it.
fn alias_problems(builtin: &'static Builtin) -> Vec<String> {
    let signature = builtin.signature();
    let mut problems = Vec::new();
    for &(alias, canonical) in ALIASES {
        let Some(at) = signature.params.iter().position(|p| p.name == canonical) else { continue };
        if signature.params.iter().any(|p| p.name == alias)
            || signature.params[at].kind == ParamKind::PositionalOnly
        {
            continue;
        }
        // Every other required parameter by keyword, this one by its alias.
        let mut args = CallArgs::new(vec![], Span::default());
        args.function = builtin.name;
        for p in &signature.params {
            match p.kind {
                ParamKind::PositionalOnly if p.required() => args.positional.push(Value::None),
                _ if p.required() && p.name != canonical => {
                    args.keywords.push((Symbol::intern(p.name), Value::None))
                }
                _ => {}
            }
        }
        args.keywords.push((Symbol::intern(alias), Value::Int(7)));
        let bound = match bind_to_params(signature, args) {
            Ok(bound) => bound,
            Err(_) => {
                problems.push(format!("`{alias}=` does not bind to `{canonical}`"));
                continue;
            }
        };
        let by_position = bound.positional.get(at).is_some_and(|v| matches!(v, Value::Int(7)));
        let by_name =
            bound.keywords.iter().any(|(k, v)| k.as_str() == canonical && matches!(v, Value::Int(7)));
        if !(by_position || by_name) {
            problems.push(format!("`{alias}=` does not bind to `{canonical}`"));
        }
    }
    problems
}

/// `tl doc [--check]`.
pub fn main(check_only: bool) -> i32 {
    crate::run::with_big_stack(move || {
        let mut interp = Interpreter::new(Box::new(std::io::sink()));
        if !check_only {
            print!("{}", reference(&mut interp));
            return 0;
        }
        let problems = check(&mut interp);
        for problem in &problems {
            println!("{problem}");
        }
        eprintln!("{} problems", problems.len());
        i32::from(!problems.is_empty())
    })
}
