//! Methods of the built-in types: `s.split()`, `xs.append(x)`, `d.items()`, ...
//! Each receives its receiver as the first positional argument.

mod dict;
mod list;
mod set;
mod text;

use crate::eval::{fail, CallArgs, Eval};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::{Builtin, Dict, Value};
use dict::*;
use list::*;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use text::*;

static STR_METHODS: &[Builtin] = &[
    Builtin::method(
        str_upper,
        "upper(self, /) -> str

A copy of the string with its letters in upper case.

Args:
    self: the string
Returns: a str
Example: 'MiXed'.upper()  # 'MIXED'",
    ),
    Builtin::method(
        str_lower,
        "lower(self, /) -> str

A copy of the string with its letters in lower case.

Args:
    self: the string
Returns: a str
Example: 'MiXed'.lower()  # 'mixed'",
    ),
    Builtin::method(
        |interp, args| str_strip(Strip::Both, interp, args),
        "strip(self, chars=None, /) -> str

A copy of the string without the leading and trailing characters that are in `chars`
(whitespace when `chars` is `none`).

Args:
    self: the string
    chars: the set of characters to remove, as a string
Returns: a str
Example: 'xxhixx'.strip('x')  # 'hi'",
    ),
    Builtin::method(
        |interp, args| str_strip(Strip::Start, interp, args),
        "lstrip(self, chars=None, /) -> str

A copy of the string without the leading characters that are in `chars` (whitespace when
`chars` is `none`).

Args:
    self: the string
    chars: the set of characters to remove, as a string
Returns: a str
Example: '  hi '.lstrip()  # 'hi '",
    ),
    Builtin::method(
        |interp, args| str_strip(Strip::End, interp, args),
        "rstrip(self, chars=None, /) -> str

A copy of the string without the trailing characters that are in `chars` (whitespace when
`chars` is `none`).

Args:
    self: the string
    chars: the set of characters to remove, as a string
Returns: a str
Example: ' hi  '.rstrip()  # ' hi'",
    ),
    Builtin::method(
        str_split,
        "split(self, /, sep=None, maxsplit=-1) -> list

The pieces of the string between occurrences of `sep`; with `sep` `none`, the words
between runs of whitespace (no empty ones). At most `maxsplit` splits are made when it is
not negative.

Args:
    self: the string
    sep: the separator, a non-empty string, or `none` for runs of whitespace
    maxsplit: the most splits to make; negative: no limit
Returns: a list of strings
Example: 'a,b,c'.split(',', maxsplit=1)  # ['a', 'b,c']",
    ),
    Builtin::method(
        str_rsplit,
        "rsplit(self, /, sep=None, maxsplit=-1) -> list

`split` from the right: the same pieces, but when `maxsplit` limits the splits, the last
ones are made, and the unsplit rest is the first piece.

Args:
    self: the string
    sep: the separator, a non-empty string, or `none` for runs of whitespace
    maxsplit: the most splits to make; negative: no limit
Returns: a list of strings
Example: 'a,b,c'.rsplit(',', maxsplit=1)  # ['a,b', 'c']",
    ),
    Builtin::method(
        str_join,
        "join(self, iterable, /) -> str

The strings of `iterable` joined into one, with this string between each two.

Args:
    self: the separator
    iterable: the strings to join
Returns: a str
Example: '-'.join(['a', 'b', 'c'])  # 'a-b-c'",
    ),
    Builtin::method(
        str_replace,
        "replace(self, old, new, count=-1, /) -> str

A copy of the string with occurrences of `old` replaced by `new`, from the left: all of
them, or the first `count` when `count` is not negative.

Args:
    self: the string
    old: the text to replace
    new: the text put in its place
    count: the most replacements to make; negative: all
Returns: a str
Example: 'banana'.replace('a', 'o', 2)  # 'bonona'",
    ),
    Builtin::method(
        str_startswith,
        "startswith(self, prefix, start=None, end=None, /) -> bool

Whether the string (or its slice `[start:end]`) begins with `prefix`, or with one of a
tuple of prefixes.

Args:
    self: the string
    prefix: a string or a tuple of strings
    start: where the slice tested begins, as in `s[start:end]`
    end: where the slice tested ends
Returns: a bool
Example: 'tensor'.startswith(('ten', 'x'))  # True",
    ),
    Builtin::method(
        str_endswith,
        "endswith(self, suffix, start=None, end=None, /) -> bool

Whether the string (or its slice `[start:end]`) ends with `suffix`, or with one of a tuple
of suffixes.

Args:
    self: the string
    suffix: a string or a tuple of strings
    start: where the slice tested begins, as in `s[start:end]`
    end: where the slice tested ends
Returns: a bool
Example: 'lab.tl'.endswith('.tl')  # True",
    ),
    Builtin::method(
        str_find,
        "find(self, sub, start=None, end=None, /) -> int

The index of the first occurrence of `sub` in the string (or in its slice `[start:end]`,
the index still counted from the string's start), or -1 when there is none.

Args:
    self: the string
    sub: the text to look for
    start: where the search begins, as in `s[start:end]`
    end: where the search ends
Returns: an int
Example: 'banana'.find('an', 2)  # 3",
    ),
    Builtin::method(
        str_count,
        "count(self, sub, start=None, end=None, /) -> int

How many times `sub` occurs in the string (or in its slice `[start:end]`), counting
occurrences that do not overlap, from the left.

Args:
    self: the string
    sub: the text to count
    start: where the slice counted begins, as in `s[start:end]`
    end: where the slice counted ends
Returns: an int
Example: 'banana'.count('a', 2)  # 2",
    ),
    Builtin::method(
        str_format,
        "format(self, /, *args, **kwargs) -> str

The string with each replacement field `{}` filled: `{}` by the next positional argument,
`{0}` by the argument at that index, `{name}` by the keyword argument `name`, each written
by the format spec after a `:` when there is one. `{{` and `}}` are braces.

Args:
    self: the template
    args: the values of the positional fields
    kwargs: the values of the named fields
Returns: a str
Example: '{} = {:.2f}'.format('pi', 3.14159)  # 'pi = 3.14'",
    ),
    Builtin::method(
        |interp, args| str_justify('<', interp, args),
        "ljust(self, width, fillchar=' ', /) -> str

The string padded on the right with `fillchar` to `width` characters (as it is when it is
that long already).

Args:
    self: the string
    width: the length of the result
    fillchar: the one character to pad with
Returns: a str
Example: 'ab'.ljust(4, '.')  # 'ab..'",
    ),
    Builtin::method(
        |interp, args| str_justify('>', interp, args),
        "rjust(self, width, fillchar=' ', /) -> str

The string padded on the left with `fillchar` to `width` characters (as it is when it is
that long already).

Args:
    self: the string
    width: the length of the result
    fillchar: the one character to pad with
Returns: a str
Example: 'ab'.rjust(4)  # '  ab'",
    ),
    Builtin::method(
        |interp, args| str_justify('^', interp, args),
        "center(self, width, fillchar=' ', /) -> str

The string padded on both sides with `fillchar` to `width` characters, the odd one on the
right (as it is when it is that long already).

Args:
    self: the string
    width: the length of the result
    fillchar: the one character to pad with
Returns: a str
Example: 'ab'.center(6, '*')  # '**ab**'",
    ),
    Builtin::method(
        str_zfill,
        "zfill(self, width, /) -> str

The string padded on the left with zeros to `width` characters, after a leading sign.

Args:
    self: the string
    width: the length of the result
Returns: a str
Example: '-42'.zfill(5)  # '-0042'",
    ),
    Builtin::method(
        str_title,
        "title(self, /) -> str

A copy with each word's first letter in upper case and the others in lower case; a word
starts at a letter that follows a non-letter.

Args:
    self: the string
Returns: a str
Example: 'hello wORLD'.title()  # 'Hello World'",
    ),
    Builtin::method(
        str_capitalize,
        "capitalize(self, /) -> str

A copy with the first character in upper case and the rest in lower case.

Args:
    self: the string
Returns: a str
Example: 'hELLO'.capitalize()  # 'Hello'",
    ),
    Builtin::method(
        str_swapcase,
        "swapcase(self, /) -> str

A copy with upper-case letters in lower case and lower-case ones in upper case.

Args:
    self: the string
Returns: a str
Example: 'aB'.swapcase()  # 'Ab'",
    ),
    Builtin::method(
        str_casefold,
        "casefold(self, /) -> str

A copy for caseless comparison: lower case, with `ß` as `ss`.

Args:
    self: the string
Returns: a str
Example: 'Straße'.casefold()  # 'strasse'",
    ),
    Builtin::method(
        |i, a| str_is(|c| c.is_ascii_digit() || matches!(c, '¹' | '²' | '³' | '⁰'..='⁹'), i, a),
        "isdigit(self, /) -> bool

Whether the string is not empty and each character is a digit: `0`-`9` or a superscript
digit (digits of other scripts are not recognised).

Args:
    self: the string
Returns: a bool
Example: '042'.isdigit()  # True",
    ),
    Builtin::method(
        |i, a| str_is(char::is_numeric, i, a),
        "isnumeric(self, /) -> bool

Whether the string is not empty and each character is numeric (digits, and characters such
as `½`).

Args:
    self: the string
Returns: a bool
Example: '12'.isnumeric()  # True",
    ),
    Builtin::method(
        |i, a| str_is(|c| c.is_ascii_digit(), i, a),
        "isdecimal(self, /) -> bool

Whether the string is not empty and each character is a decimal digit `0`-`9` (digits of
other scripts are not recognised).

Args:
    self: the string
Returns: a bool
Example: '12'.isdecimal()  # True",
    ),
    Builtin::method(
        |i, a| str_is(char::is_alphabetic, i, a),
        "isalpha(self, /) -> bool

Whether the string is not empty and each character is a letter.

Args:
    self: the string
Returns: a bool
Example: 'abc'.isalpha()  # True",
    ),
    Builtin::method(
        |i, a| str_is(char::is_alphanumeric, i, a),
        "isalnum(self, /) -> bool

Whether the string is not empty and each character is a letter or a digit.

Args:
    self: the string
Returns: a bool
Example: 'a1'.isalnum()  # True",
    ),
    Builtin::method(
        |i, a| str_is(char::is_whitespace, i, a),
        "isspace(self, /) -> bool

Whether the string is not empty and each character is whitespace.

Args:
    self: the string
Returns: a bool
Example: ' \\t'.isspace()  # True",
    ),
    Builtin::method(
        |_, a| Ok(Value::Bool(text(&a).is_ascii())),
        "isascii(self, /) -> bool

Whether each character is ASCII (true for the empty string too, unlike the other tests).

Args:
    self: the string
Returns: a bool
Example: 'abc'.isascii()  # True",
    ),
    Builtin::method(
        |i, a| str_is_case(true, i, a),
        "isupper(self, /) -> bool

Whether the string has a cased letter and no lower-case one.

Args:
    self: the string
Returns: a bool
Example: 'ABC1'.isupper()  # True",
    ),
    Builtin::method(
        |i, a| str_is_case(false, i, a),
        "islower(self, /) -> bool

Whether the string has a cased letter and no upper-case one.

Args:
    self: the string
Returns: a bool
Example: 'abc1'.islower()  # True",
    ),
    Builtin::method(
        |i, a| str_partition(false, i, a),
        "partition(self, sep, /) -> tuple

The parts before the first `sep`, `sep` itself and after it; `(s, '', '')` when `sep` is not
there.

Args:
    self: the string
    sep: the separator, not empty
Returns: a tuple of three strings
Example: 'a=b=c'.partition('=')  # ('a', '=', 'b=c')",
    ),
    Builtin::method(
        |i, a| str_partition(true, i, a),
        "rpartition(self, sep, /) -> tuple

The parts before the last `sep`, `sep` itself and after it; `('', '', s)` when `sep` is not
there.

Args:
    self: the string
    sep: the separator, not empty
Returns: a tuple of three strings
Example: 'a=b=c'.rpartition('=')  # ('a=b', '=', 'c')",
    ),
    Builtin::method(
        str_splitlines,
        "splitlines(self, /, keepends=False) -> list

The lines of the string, split at `\\n`, `\\r\\n`, `\\r` and Python's other line
boundaries, without the line breaks unless `keepends`.

Args:
    self: the string
    keepends: whether each line keeps its line break
Returns: a list of strings
Example: 'a\\nb\\r\\nc'.splitlines()  # ['a', 'b', 'c']",
    ),
    Builtin::method(
        str_expandtabs,
        "expandtabs(self, /, tabsize=8) -> str

A copy with each tab replaced by spaces up to the next column that is a multiple of
`tabsize`.

Args:
    self: the string
    tabsize: the distance between tab stops
Returns: a str
Example: 'a\\tb'.expandtabs(4)  # 'a   b'",
    ),
    Builtin::method(
        |i, a| str_remove_affix(true, i, a),
        "removeprefix(self, prefix, /) -> str

The string without `prefix` at its start, or unchanged when it does not start with it.

Args:
    self: the string
    prefix: the text to remove
Returns: a str
Example: 'test_case'.removeprefix('test_')  # 'case'",
    ),
    Builtin::method(
        |i, a| str_remove_affix(false, i, a),
        "removesuffix(self, suffix, /) -> str

The string without `suffix` at its end, or unchanged when it does not end with it.

Args:
    self: the string
    suffix: the text to remove
Returns: a str
Example: 'lab.tl'.removesuffix('.tl')  # 'lab'",
    ),
    Builtin::method(
        str_rfind,
        "rfind(self, sub, start=None, end=None, /) -> int

The index of the last occurrence of `sub` in the string (or in its slice `[start:end]`), or
-1 when there is none.

Args:
    self: the string
    sub: the text to look for
    start: where the search begins, as in `s[start:end]`
    end: where the search ends
Returns: an int
Example: 'banana'.rfind('an')  # 3",
    ),
    Builtin::method(
        |i, a| str_index(false, i, a),
        "index(self, sub, start=None, end=None, /) -> int

Like `find`, but a ValueError when `sub` is not there.

Args:
    self: the string
    sub: the text to look for
    start: where the search begins, as in `s[start:end]`
    end: where the search ends
Returns: an int
Example: 'banana'.index('n')  # 2",
    ),
    Builtin::method(
        |i, a| str_index(true, i, a),
        "rindex(self, sub, start=None, end=None, /) -> int

Like `rfind`, but a ValueError when `sub` is not there.

Args:
    self: the string
    sub: the text to look for
    start: where the search begins, as in `s[start:end]`
    end: where the search ends
Returns: an int
Example: 'banana'.rindex('n')  # 4",
    ),
];

static LIST_METHODS: &[Builtin] = &[
    Builtin::method(
        list_append,
        "append(self, object, /) -> None

Adds `object` at the end of the list.

Args:
    self: the list
    object: the value to add
Returns: None
Example: [1, 2].append(3)  # None",
    ),
    Builtin::method(
        list_extend,
        "extend(self, iterable, /) -> None

Adds the items of `iterable` at the end of the list, in order.

Args:
    self: the list
    iterable: the items to add
Returns: None
Example: [1].extend((2, 3))  # None",
    ),
    Builtin::method(
        list_insert,
        "insert(self, index, object, /) -> None

Puts `object` before the item at `index` (counted from the end when negative; at the end
when past it).

Args:
    self: the list
    index: the position the new item takes
    object: the value to insert
Returns: None
Example: [1, 3].insert(1, 2)  # None",
    ),
    Builtin::method(
        list_pop,
        "pop(self, index=-1, /)

Removes the item at `index` (the last one by default) from the list and returns it.

Args:
    self: the list
    index: the position of the item, counted from the end when negative
Returns: the item removed
Example: [1, 2, 3].pop(0)  # 1",
    ),
    Builtin::method(
        list_remove,
        "remove(self, value, /) -> None

Removes the first item equal to `value` from the list; a ValueError when there is none.

Args:
    self: the list
    value: the value to remove
Returns: None
Example: [1, 2, 1].remove(1)  # None",
    ),
    Builtin::method(
        seq_index,
        "index(self, value, start=0, stop=9223372036854775807, /) -> int

The position of the first item equal to `value` among those at `start` up to `stop`
(counted from the end when negative); a ValueError when there is none.

Args:
    self: the list
    value: the value to look for
    start: the first position searched
    stop: where the search ends (excluded)
Returns: an int
Example: [1, 2, 3, 2].index(2, 2)  # 3",
    ),
    Builtin::method(
        seq_count,
        "count(self, value, /) -> int

How many items of the list are equal to `value`.

Args:
    self: the list
    value: the value to count
Returns: an int
Example: [1, 2, 1].count(1)  # 2",
    ),
    Builtin::method(
        list_sort,
        "sort(self, /, *, key=None, reverse=False) -> None

Sorts the list in place in ascending order, by `key(item)` when a `key` is given. The sort
is stable: equal items keep their order.

Args:
    self: the list
    key: a function of one item whose results are compared
    reverse: whether to sort in descending order (equal items still keep their order)
Returns: None
Example: [3, 1, 2].sort(reverse=true)  # None",
    ),
    Builtin::method(
        list_reverse,
        "reverse(self, /) -> None

Reverses the order of the list's items, in place.

Args:
    self: the list
Returns: None
Example: [1, 2].reverse()  # None",
    ),
    Builtin::method(
        list_copy,
        "copy(self, /) -> list

A new list of the same items (the items themselves are not copied).

Args:
    self: the list
Returns: a list
Example: [1, [2]].copy()  # [1, [2]]",
    ),
    Builtin::method(
        list_clear,
        "clear(self, /) -> None

Removes every item from the list.

Args:
    self: the list
Returns: None
Example: [1, 2].clear()  # None",
    ),
];

static TUPLE_METHODS: &[Builtin] = &[
    Builtin::method(
        seq_index,
        "index(self, value, start=0, stop=9223372036854775807, /) -> int

The position of the first item equal to `value` among those at `start` up to `stop`
(counted from the end when negative); a ValueError when there is none.

Args:
    self: the tuple
    value: the value to look for
    start: the first position searched
    stop: where the search ends (excluded)
Returns: an int
Example: (1, 2, 3).index(3)  # 2",
    ),
    Builtin::method(
        seq_count,
        "count(self, value, /) -> int

How many items of the tuple are equal to `value`.

Args:
    self: the tuple
    value: the value to count
Returns: an int
Example: (1, 2, 1).count(1)  # 2",
    ),
];

static DICT_METHODS: &[Builtin] = &[
    Builtin::method(
        dict_keys,
        "keys(self, /) -> dict_keys

A view of the dict's keys, in insertion order: it sees later changes to the dict, iterates,
has a `len` and `in`, and takes the set operators (`d.keys() & {'a'}`).

Args:
    self: the dict
Returns: a dict_keys view
Example: {'a': 1, 'b': 2}.keys()  # dict_keys(['a', 'b'])",
    ),
    Builtin::method(
        dict_values,
        "values(self, /) -> dict_values

A view of the dict's values, in insertion order: it sees later changes to the dict,
iterates, and has a `len` and `in`.

Args:
    self: the dict
Returns: a dict_values view
Example: {'a': 1, 'b': 2}.values()  # dict_values([1, 2])",
    ),
    Builtin::method(
        dict_items,
        "items(self, /) -> dict_items

A view of the dict's entries as `(key, value)` tuples, in insertion order: it sees later
changes to the dict, iterates, has a `len` and `in`, and takes the set operators.

Args:
    self: the dict
Returns: a dict_items view
Example: {'a': 1}.items()  # dict_items([('a', 1)])",
    ),
    Builtin::method(
        dict_get,
        "get(self, key, default=None, /)

The value of `key`, or `default` when the dict has no such key.

Args:
    self: the dict
    key: the key to look up
    default: what a missing key gives
Returns: the value, or `default`
Example: {'a': 1}.get('b', 0)  # 0",
    ),
    Builtin::method(
        dict_pop,
        "pop(self, key, default=<unset>, /)

Removes `key` from the dict and returns its value; a missing key gives `default`, or a
KeyError when no default is given.

Args:
    self: the dict
    key: the key to remove
    default: what a missing key gives
Returns: the value removed, or `default`
Example: {'a': 1}.pop('a')  # 1",
    ),
    Builtin::method(
        dict_popitem,
        "popitem(self, /) -> tuple

Removes the entry inserted last and returns it as a `(key, value)` tuple; a KeyError when
the dict is empty.

Args:
    self: the dict
Returns: a tuple
Example: {'a': 1, 'b': 2}.popitem()  # ('b', 2)",
    ),
    Builtin::method(
        dict_setdefault,
        "setdefault(self, key, default=None, /)

The value of `key`; when the dict has no such key, first sets it to `default`.

Args:
    self: the dict
    key: the key to look up
    default: the value a missing key is given
Returns: the key's value
Example: {'a': 1}.setdefault('b', 2)  # 2",
    ),
    Builtin::method(
        dict_update,
        "update(self, other=(), /, **kwargs) -> None

Sets the entries of `other` (a dict, or an iterable of key-value pairs), then one entry
per keyword argument, replacing the values of keys already there.

Args:
    self: the dict
    other: a dict, or an iterable of two-item sequences
    kwargs: further entries, keyed by their names
Returns: None
Example: {'a': 1}.update([('b', 2)], c=3)  # None",
    ),
    Builtin::method(
        dict_copy,
        "copy(self, /) -> dict

A new dict with the same entries (the keys and values themselves are not copied).

Args:
    self: the dict
Returns: a dict
Example: {'a': [1]}.copy()  # {'a': [1]}",
    ),
    Builtin::method(
        dict_clear,
        "clear(self, /) -> None

Removes every entry from the dict.

Args:
    self: the dict
Returns: None
Example: {'a': 1}.clear()  # None",
    ),
];

static FLOAT_METHODS: &[Builtin] = &[Builtin::method(
    float_is_integer,
    "is_integer(self, /) -> bool

Whether the float is finite and has no fractional part.

Args:
    self: the float
Returns: a bool
Example: (2.0).is_integer()  # True",
)];

/// The built-in types other than tensors and their methods (`help`, `tl doc`).
pub static TYPE_METHODS: &[(&str, &[Builtin])] = &[
    ("str", STR_METHODS),
    ("list", LIST_METHODS),
    ("tuple", TUPLE_METHODS),
    ("dict", DICT_METHODS),
    ("float", FLOAT_METHODS),
    ("device", super::tensor::device::DEVICE_METHODS),
    ("property", super::classes::PROPERTY_METHODS),
    ("set", set::SET_METHODS),
];

/// The method tables of a value's type, searched in order.
fn tables(value: &Value) -> &'static [&'static [Builtin]] {
    static STR: &[&[Builtin]] = &[STR_METHODS];
    static LIST: &[&[Builtin]] = &[LIST_METHODS];
    static TUPLE: &[&[Builtin]] = &[TUPLE_METHODS];
    static DICT: &[&[Builtin]] = &[DICT_METHODS];
    static FLOAT: &[&[Builtin]] = &[FLOAT_METHODS];
    static DEVICE: &[&[Builtin]] = &[super::tensor::device::DEVICE_METHODS];
    static PROPERTY: &[&[Builtin]] = &[super::classes::PROPERTY_METHODS];
    static SET: &[&[Builtin]] = &[set::SET_METHODS];
    match value {
        Value::Descriptor(d) if matches!(**d, crate::value::Descriptor::Property { .. }) => PROPERTY,
        Value::Str(_) => STR,
        Value::List(_) => LIST,
        Value::Tuple(_) => TUPLE,
        Value::Dict(_) => DICT,
        Value::Set(_) => SET,
        Value::Float(_) => FLOAT,
        Value::Tensor(_) => super::TABLES,
        Value::Device(_) => DEVICE,
        _ => &[],
    }
}

pub fn lookup(value: &Value, name: &str) -> Option<&'static Builtin> {
    tables(value).iter().flat_map(|t| t.iter()).find(|b| b.is_method() && b.name == name)
}

/// `lookup` by interned name, remembered per type: `x.sum(...)` in a loop searches the
/// tables once.
pub fn lookup_symbol(value: &Value, name: Symbol) -> Option<&'static Builtin> {
    thread_local! {
        static FOUND: RefCell<FxHashMap<(usize, Symbol), Option<&'static Builtin>>> =
            RefCell::new(FxHashMap::default());
    }
    let tables = tables(value);
    if tables.is_empty() {
        return None;
    }
    let key = (tables.as_ptr() as usize, name);
    if let Some(found) = FOUND.with(|f| f.borrow().get(&key).copied()) {
        return found;
    }
    let found = lookup(value, name.as_str());
    FOUND.with(|f| f.borrow_mut().insert(key, found));
    found
}

/// The built-in methods of a value's type, in lookup order.
pub fn entries(value: &Value) -> impl Iterator<Item = &'static Builtin> {
    tables(value).iter().flat_map(|t| t.iter()).filter(|b| b.is_method())
}

pub fn names(value: &Value) -> impl Iterator<Item = &'static str> {
    tables(value).iter().flat_map(|t| t.iter()).filter(|b| b.is_method()).map(|b| b.name)
}

// The receiver and the arguments, for the methods of each type.

pub(super) fn text(args: &CallArgs) -> Rc<str> {
    match &args.positional[0] {
        Value::Str(s) => s.clone(),
        _ => Rc::from(""),
    }
}

pub(super) fn list(args: &CallArgs) -> Rc<RefCell<Vec<Value>>> {
    match &args.positional[0] {
        Value::List(l) => l.clone(),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

pub(super) fn dict(args: &CallArgs) -> Rc<RefCell<Dict>> {
    match &args.positional[0] {
        Value::Dict(d) => d.clone(),
        _ => Rc::new(RefCell::new(Dict::new())),
    }
}

/// Positional argument `i` (after the receiver) as a string.
pub(super) fn str_arg(args: &CallArgs, i: usize) -> Eval<Rc<str>> {
    match args.positional.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{}() argument must be str, not {}", args.function, other.type_name()),
        ),
        None => fail(ErrorKind::TypeError, args.span, format!("{}() is missing an argument", args.function)),
    }
}

/// The slice `[start:end]` of a string that `find`, `count`, `startswith` and `endswith`
/// search, as Python bounds it: `None` or an int counted from the end when negative, in
/// characters. The slice with the index of its first character, or `None` when it starts
/// past its end or past the string's (where even the empty string is not found).
pub(super) fn window<'a>(
    s: &'a str,
    start: Option<&Value>,
    end: Option<&Value>,
    span: Span,
) -> Eval<Option<(usize, &'a str)>> {
    let len = s.chars().count() as i64;
    let bound = |v: Option<&Value>, default: i64| -> Eval<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => match v.as_int() {
                Some(i) if i < 0 => Ok((i + len).max(0)),
                Some(i) => Ok(i),
                None => fail(
                    ErrorKind::TypeError,
                    span,
                    "slice indices must be integers or None or have an __index__ method",
                ),
            },
        }
    };
    let (start, end) = (bound(start, 0)?, bound(end, len)?.min(len));
    if start > end {
        return Ok(None);
    }
    let byte = |c: i64| s.char_indices().nth(c as usize).map_or(s.len(), |(b, _)| b);
    Ok(Some((start as usize, &s[byte(start)..byte(end)])))
}
