//! `help(obj)`, `dir(obj)` and `obj.__doc__`: the documentation the interpreter shows,
//! read from the builtins' declarations and from tl docstrings, laid out as pydoc does.

use crate::eval::{CallArgs, Eval, Interpreter};
use crate::syntax::actions::docstring;
use crate::syntax::ast::{FunctionBody, ParamKind};
use crate::syntax::symbol::Symbol;
use crate::value::repr::{repr, ReprHook};
use crate::value::{Builtin, Class, Function, Module, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        help,
        "help(request, /) -> None

Prints the documentation of `request`: the signature and docstring of a function, method
or builtin; the methods of a class, instance, tensor or other value; the contents of a module.

Args:
    request: the object to document
Returns: None
Example: help(len)",
    ),
    Builtin::function(
        dir,
        "dir(object=<unset>, /) -> list

Lists, sorted, the attribute and method names of `object`, or without an argument the names
defined in the current scope.

Args:
    object: the value whose attributes are listed
Returns: a list of strings
Example: dir(1.5)  # ['is_integer']",
    ),
];

fn help(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let text = help_text(interp, &args.positional[0])?;
    interp.write_out(&text, args.span)?;
    Ok(Value::None)
}

fn dir(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut names: Vec<String> = match args.positional.first() {
        Some(value) => interp.attribute_names(value),
        None => interp.current_scope().local_names().iter().map(|s| s.to_string()).collect(),
    };
    names.sort();
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

/// `obj.__doc__`: a builtin's whole declaration (signature line first, as PyTorch's
/// docstrings begin), a tl function's, class's or module's docstring, cleaned.
pub fn doc_attribute(value: &Value) -> Option<Value> {
    let text = match value {
        Value::Builtin(b) => Some(b.doc.to_string()),
        Value::BoundMethod(m) => return doc_attribute(&m.method).or(Some(Value::None)),
        Value::Function(f) => function_doc(f),
        Value::Class(c) => c.doc.as_deref().map(clean),
        Value::Instance(i) => i.class.doc.as_deref().map(clean),
        Value::Module(m) => m.doc.as_deref().map(clean),
        _ => return None,
    };
    Some(text.map_or(Value::None, |t| Value::str(&t)))
}

fn function_doc(f: &Function) -> Option<String> {
    match &f.def.body {
        FunctionBody::Block(block) => docstring(block).map(clean),
        FunctionBody::Expr(_) => None,
    }
}

/// Python's `inspect.cleandoc`: the first line as is, the others dedented by their
/// common indentation, blank lines at either end dropped.
pub fn clean(doc: &str) -> String {
    let lines: Vec<&str> = doc.lines().collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = if i == 0 { line.trim_start() } else { line.get(indent..).unwrap_or(line.trim_start()) };
        out.push(line.trim_end().to_string());
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    out.join("\n")
}

fn indented(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| if l.is_empty() { prefix.trim_end().to_string() } else { format!("{prefix}{l}") })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A tl function's signature as `inspect.signature` prints it, defaults by `repr`.
pub fn function_signature(hook: &mut dyn ReprHook, f: &Function, skip_self: bool) -> Eval<String> {
    let mut parts = Vec::new();
    let mut star = false;
    for (i, param) in f.def.params.iter().enumerate() {
        if skip_self && i == 0 {
            continue;
        }
        let name = param.name.node;
        let text = match param.kind {
            ParamKind::Rest => {
                star = true;
                format!("*{name}")
            }
            ParamKind::Keywords => format!("**{name}"),
            ParamKind::KeywordOnly if !star => {
                star = true;
                parts.push("*".to_string());
                name.to_string()
            }
            _ => name.to_string(),
        };
        let text = match &f.defaults[i] {
            Some(default) => format!("{text}={}", repr(default, hook)?),
            None => text,
        };
        parts.push(text);
    }
    Ok(format!("{}({})", f.def.name, parts.join(", ")))
}

fn init_of(class: &Class) -> Option<Rc<Function>> {
    match class.lookup(Symbol::intern("init")) {
        Some(Value::Function(f)) => Some(f),
        _ => None,
    }
}

fn builtin_entry(b: &Builtin, owner: Option<&str>) -> String {
    let signature = b.signature();
    let line = match owner {
        Some(owner) => {
            let returns = signature.returns.map(|r| format!(" -> {r}")).unwrap_or_default();
            format!("{owner}.{}({}){returns}", b.name, signature.params_text(true))
        }
        None => signature.to_string(),
    };
    let description = b.description();
    if description.is_empty() {
        line
    } else {
        format!("{line}\n{}", indented(description, "    "))
    }
}

fn function_entry(hook: &mut dyn ReprHook, f: &Function, skip_self: bool) -> Eval<String> {
    let line = function_signature(hook, f, skip_self)?;
    Ok(match function_doc(f) {
        Some(doc) => format!("{line}\n{}", indented(&doc, "    ")),
        None => line,
    })
}

/// The text `help(value)` prints.
pub fn help_text(interp: &mut Interpreter, value: &Value) -> Eval<String> {
    Ok(match value {
        Value::Builtin(b) => {
            format!("Help on built-in function {}:\n\n{}\n\n", b.name, builtin_entry(b, None))
        }
        Value::BoundMethod(m) => match &m.method {
            Value::Builtin(b) => {
                let owner = m.receiver.type_name();
                format!(
                    "Help on built-in method {} of {owner}:\n\n{}\n\n",
                    b.name,
                    builtin_entry(b, Some(&owner))
                )
            }
            Value::Function(f) => {
                let owner = m.receiver.type_name();
                format!(
                    "Help on method {} of {owner}:\n\n{}\n\n",
                    f.def.name,
                    function_entry(interp, f, true)?
                )
            }
            other => return help_text(interp, other),
        },
        Value::Function(f) => {
            format!("Help on function {}:\n\n{}\n\n", f.def.name, function_entry(interp, f, false)?)
        }
        Value::Class(c) => class_help(interp, c)?,
        Value::Instance(i) => class_help(interp, &i.class.clone())?,
        Value::Module(m) => module_help(interp, m)?,
        other => {
            let owner = other.type_name();
            let methods: Vec<String> =
                crate::builtins::methods::entries(other).map(|b| builtin_entry(b, Some(&owner))).collect();
            if methods.is_empty() {
                format!("Help on {owner} object:\n\n{}\n\n", repr(other, interp)?)
            } else {
                format!("Help on {owner} object:\n\nMethods of {owner}:\n\n{}\n\n", methods.join("\n\n"))
            }
        }
    })
}

fn class_help(interp: &mut Interpreter, class: &Rc<Class>) -> Eval<String> {
    let mut lines = Vec::new();
    let base = class.base.as_ref().map(|b| format!("({})", b.name)).unwrap_or_default();
    lines.push(format!("class {}{base}", class.name));
    if let Some(init) = init_of(class) {
        let signature = function_signature(interp, &init, true)?;
        lines.push(format!(" |  {}{}", class.name, &signature[signature.find('(').unwrap_or(0)..]));
        lines.push(" |".to_string());
    }
    if let Some(doc) = &class.doc {
        lines.push(indented(&clean(doc), " |  "));
        lines.push(" |".to_string());
    }
    let mut owner = Some(class.clone());
    let mut first = true;
    let mut shown: Vec<Symbol> = Vec::new();
    while let Some(c) = owner {
        let members: Vec<(Symbol, Value)> = c.members.borrow().iter().map(|(k, v)| (*k, v.clone())).collect();
        // A method overridden below is shown once, where it is overridden (as pydoc does).
        let methods: Vec<Rc<Function>> = members
            .iter()
            .filter(|(name, _)| !shown.contains(name))
            .filter_map(|(_, v)| match v {
                Value::Function(f) => Some(f.clone()),
                _ => None,
            })
            .collect();
        shown.extend(members.iter().map(|(name, _)| *name));
        if !methods.is_empty() {
            if !first {
                lines.push(format!(" |  {}", "-".repeat(70)));
            }
            let heading = if first {
                "Methods defined here:".to_string()
            } else {
                format!("Methods inherited from {}:", c.name)
            };
            lines.push(format!(" |  {heading}"));
            lines.push(" |".to_string());
            for f in methods {
                lines.push(indented(&function_entry(interp, &f, false)?, " |  "));
                lines.push(" |".to_string());
            }
        }
        let attributes: Vec<&(Symbol, Value)> =
            members.iter().filter(|(_, v)| !matches!(v, Value::Function(_))).collect();
        if first && !attributes.is_empty() {
            lines.push(" |  Data and other attributes defined here:".to_string());
            lines.push(" |".to_string());
            for (name, value) in attributes {
                lines.push(format!(" |  {name} = {}", repr(value, interp)?));
                lines.push(" |".to_string());
            }
        }
        first = false;
        owner = c.base.clone();
    }
    while lines.last().is_some_and(|l| l == " |") {
        lines.pop();
    }
    Ok(format!("Help on class {}:\n\n{}\n\n", class.name, lines.join("\n")))
}

fn module_help(interp: &mut Interpreter, module: &Module) -> Eval<String> {
    let mut out = format!("Help on module {}:\n\nNAME\n    {}\n", module.name, module.name);
    if let Some(doc) = &module.doc {
        out += &format!("\nDESCRIPTION\n{}\n", indented(&clean(doc), "    "));
    }
    let mut names: Vec<Symbol> = module.env.local_names();
    names.retain(|n| !n.as_str().starts_with('_'));
    names.sort_by_key(|n| n.as_str());
    let (mut classes, mut functions) = (Vec::new(), Vec::new());
    for name in names {
        match module.env.get_local(name) {
            Some(Value::Class(c)) => {
                let signature = match init_of(&c) {
                    Some(init) => function_signature(interp, &init, true)?,
                    None => "()".to_string(),
                };
                let args = &signature[signature.find('(').unwrap_or(0)..];
                let summary = c.doc.as_deref().map(|d| first_paragraph(&clean(d))).unwrap_or_default();
                classes.push(format!("{name}{args}\n{}", indented(&summary, "    ")));
            }
            Some(Value::Function(f)) => {
                let line = function_signature(interp, &f, false)?;
                let summary = function_doc(&f).map(|d| first_paragraph(&d)).unwrap_or_default();
                functions.push(format!("{line}\n{}", indented(&summary, "    ")));
            }
            Some(Value::Builtin(b)) => functions.push(format!(
                "{}\n{}",
                b.signature(),
                indented(&first_paragraph(b.description()), "    ")
            )),
            _ => {}
        }
    }
    for (heading, entries) in [("CLASSES", classes), ("FUNCTIONS", functions)] {
        if !entries.is_empty() {
            let body: Vec<String> = entries.iter().map(|e| indented(e.trim_end(), "    ")).collect();
            out += &format!("\n{heading}\n{}\n", body.join("\n\n"));
        }
    }
    Ok(out + "\n")
}

fn first_paragraph(doc: &str) -> String {
    doc.split("\n\n").next().unwrap_or("").to_string()
}
