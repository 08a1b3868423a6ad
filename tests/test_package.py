"""The package as the ecosystem expects it: a version, type information, the command named as typed."""

from __future__ import annotations

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
