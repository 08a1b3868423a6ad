"""The package as the ecosystem expects it: a version, type information, the command named as typed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import ccch_docs


def test_version_and_type_information():
    assert ccch_docs.__version__ == version("ccch_docs") and ccch_docs.__version__[0].isdigit()
    assert (Path(ccch_docs.__file__).parent / "py.typed").is_file()


def test_version_flag_and_usage_name_the_command_typed():
    scripts = Path(sys.executable).parent
    for command, name in (([sys.executable, "-m", "ccch_docs"], "python -m ccch_docs"),
                          ([str(scripts / "ccch-docs")], "ccch-docs")):
        out = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True).stdout
        assert out == f"{name} {ccch_docs.__version__}\n"
        err = subprocess.run([*command, "render"], capture_output=True, text=True).stderr
        assert err.startswith(f"cách dùng: {name} render ")  # argparse speaks the language of messages


def test_from_dict_problems_name_the_key_path_not_a_line():
    try:
        ccch_docs.from_dict({"loai": "ke_hoach", "co_quan": {"ten": "A", "vt": "UBND"}}, name="he-thong")
    except ccch_docs.InputError as exc:
        problem = next(p for p in exc.problems if p.key == "co_quan.vt")
        assert (problem.file, problem.line, problem.column) == ("he-thong", None, None)
        assert str(problem).startswith("he-thong: co_quan.vt: khóa không có trong định dạng")
    else:
        raise AssertionError("no InputError")


def test_command_line_turns_pydantic_plugins_off_unless_the_user_chose():
    example = Path(__file__).parents[1] / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
    code = ("import os, sys; from ccch_docs.cli import main; code = main(['validate', sys.argv[1]]); "
            "print(code, os.environ.get('PYDANTIC_DISABLE_PLUGINS'))")
    for given, seen in ((None, "__all__"), ("logfire", "logfire")):
        env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
        if given:
            env["PYDANTIC_DISABLE_PLUGINS"] = given
        out = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, env=env,
                             check=True).stdout
        assert out.split()[-2:] == ["0", seen]


def _imported(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The modules a command run with `args` imports (it must succeed)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "ccch_docs", *args], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}


def test_a_render_without_pdf_imports_nothing_of_libreoffice(tmp_path):
    example = Path(__file__).parents[1] / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
    code = ("import json, sys; from ccch_docs.cli import main; "
            "code = main(['render', sys.argv[1], '-o', sys.argv[2]]); print(code, json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, str(example), str(tmp_path / "kh.docx")], capture_output=True,
                         text=True, check=True).stdout
    code, modules = out.splitlines()[-1].split(" ", 1)
    assert code == "0" and (tmp_path / "kh.docx").is_file()
    assert "ccch_docs.pdf" in json.loads(modules) and not {"ccch_docs.office", "subprocess"} & set(json.loads(modules))


def test_command_line_leaves_out_pydantics_plugin_lookup_only_when_plugins_are_off():
    """importlib.metadata, which pydantic imports only to look for plugins, is not imported by a command run with
    them off; with plugins chosen, pydantic's own look-up runs."""
    example = Path(__file__).parents[1] / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
    for given, imported in ((None, False), ("__all__", False), ("true", False), ("logfire", True)):
        env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
        if given:
            env["PYDANTIC_DISABLE_PLUGINS"] = given
        modules = _imported(["validate", str(example)], env)
        assert "ccch_docs.model" in modules
        assert ("importlib.metadata" in modules) is imported, given


def test_a_render_from_the_command_line_reads_its_data_files_without_importlib_resources(tmp_path):
    """The metrics table is read from beside its module: importlib.resources (and what it loads) is start-up time
    of every render."""
    example = Path(__file__).parents[1] / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
    modules = _imported(["render", str(example), "-o", str(tmp_path / "kh.docx")])
    assert "ccch_docs.metrics" in modules and "importlib.resources" not in modules


def test_importing_the_render_path_builds_no_validator_and_its_unvalidated_defaults_are_valid():
    """Default instances made at import are built without validation (a validator built at import costs start-up
    time): none is built by the import, and each default equals the validated model of the same values."""
    code = ("import json, ccch_docs.cli_render, ccch_docs.api, pydantic; "
            "from ccch_docs import model, settings; "
            "print(json.dumps([c.__name__ for m in (model, settings) for c in vars(m).values() "
            "if isinstance(c, type) and issubclass(c, pydantic.BaseModel) and c.__pydantic_complete__]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
    from ccch_docs import model, settings
    assert repr(settings.DEFAULT_PACK) == repr(settings.Pack())  # the same values, of the same types
    assert settings.DEFAULT_PACK.words == settings.Pack().words
    assert repr(model.VanBan.model_fields["danh_so"].default) == repr(model.DanhSo())
    assert repr(model.BangSo.model_fields["danh_so"].default) == repr(model.DanhSoBang())
