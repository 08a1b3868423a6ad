"""YAML text to data with the place of every key and item, and data back to YAML in the input format's style."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import InputError, Problem

Path_ = tuple[str | int, ...]  # a key path: ("noi_dung", 2, "tieu_de")


@dataclass(frozen=True)
class Where:
    """A place in a source file (1-based line and column)."""

    file: str
    line: int
    column: int


def key_name(path: Path_) -> str:
    """Dotted form of a key path: `noi_dung[2].tieu_de`.

    >>> key_name(("noi_dung", 2, "tieu_de"))
    'noi_dung[2].tieu_de'
    """
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml's parser when PyYAML was built with it: several times faster on long plans.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that reads only `true`/`false` as booleans (`NO`, `on` stay text), leaves dates as text and
    reads every plain mapping key as text (`1.10:` stays "1.10", `2021:` stays "2021").

    Dates are parsed by the model, which can then say where a wrong one is.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)  # `<<` merge keys, as SafeLoader does
        return {(k.value if isinstance(k, yaml.ScalarNode) else self.construct_object(k, deep)):
                self.construct_object(v, deep) for k, v in node.value}


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def parse_yaml(text: str, file: str) -> tuple[Any, dict[Path_, Where], list[Problem]]:
    """Parse one YAML document safely; return the data, the places of its keys, and duplicate-key problems."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, []
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError([Problem(f"YAML không hợp lệ: {exc.problem or exc}", file, line, col,
                                  hint="kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau khóa "
                                       "và dấu ngoặc kép quanh chuỗi có ký tự đặc biệt")]) from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise InputError([Problem(f"YAML không hợp lệ: {exc}", file)]) from None
    finally:
        loader.dispose()
    places: dict[Path_, Where] = {}
    problems: list[Problem] = []
    _walk(node, (), file, places, problems)
    return data, places, problems


def _walk(node: yaml.Node, path: Path_, file: str, places: dict[Path_, Where], problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            here = path + (key,)
            where = Where(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in seen:
                problems.append(Problem("khóa bị lặp lại", file, where.line, where.column, key_name(here),
                                        "mỗi khóa chỉ được viết một lần trong cùng một khối; xóa bản thừa"))
            seen.add(key)
            places[here] = where
            _walk(value_node, here, file, places, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            here = path + (i,)
            places[here] = Where(file, item.start_mark.line + 1, item.start_mark.column + 1)
            _walk(item, here, file, places, problems)


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, as people write the input format by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Long paragraphs as folded blocks (`>-`), the way the examples are written.
    style = ">" if len(text) > 80 and "\n" not in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML text of `data` in the input format's style: keys in the given order, Vietnamese as written."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
