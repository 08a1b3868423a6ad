"""Command line: argument parsing, printing problems, exit codes (0 done, 2 bad input, 1 other failure)."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import signal
import stat
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

from . import collector
from .errors import CchcError, InputError, Problem, TargetError, TemplateError, on_one_line
from .messages import MISSING_HINT, N_, NAME_HINT, code_of, looked_up, lookup
from .signals import Terminated, sigterm_raises

if TYPE_CHECKING:
    from .decree.wording import Words

# Each command imports the modules it needs when it runs, so `--help` and light commands start fast.

PLUGINS_OFF = ("PYDANTIC_DISABLE_PLUGINS", "__all__")  # the command line's default: no pydantic plugins
LANGS = ["en", "vi"]
TEXTS = {  # the command line's own words: Vietnamese msgids, translated through the message catalog
    "prog": N_("Tạo văn bản cải cách hành chính (.docx, PDF) đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp YAML."),
    "version": N_("in số phiên bản rồi thoát"),
    "lang": N_("ngôn ngữ của phần trợ giúp: vi (mặc định) hoặc en; cũng đặt được bằng biến CCHC_LANG"),
    "render": N_("dựng văn bản .docx (và PDF) từ một hoặc nhiều tệp YAML"),
    "validate": N_("chỉ kiểm tra tệp YAML, không tạo văn bản"),
    "file": N_("tệp YAML mô tả văn bản"),
    "sources": N_("tệp YAML, thư mục (mọi tệp .yaml trong đó) hoặc mẫu tên như 'don-vi/*.yaml'; nhiều cũng được"),
    "output": N_("tệp kết quả: .docx, hoặc .pdf (chỉ xuất PDF); DIR/ để ghi vào thư mục; - để in ra đầu ra chuẩn "
                 "(mặc định: cùng tên với tệp YAML, bên cạnh nó)"),
    "pdf": N_("xuất thêm PDF bằng LibreOffice"),
    "jobs": N_("số tiến trình dựng song song (mặc định 1; 0: mỗi CPU một tiến trình)"),
    "pdf_timeout": N_("số giây tối đa để LibreOffice chuyển một văn bản sang PDF (mặc định %(default)s)"),
    "summary": N_("{n} tệp: {ok} xong, {bad} lỗi ({seconds} giây)"),
    "suffix": N_("không biết xuất định dạng `{suffix}`"),
    "suffix_hint": N_("dùng tên .docx hoặc .pdf, hoặc một thư mục kết thúc bằng /"),
    "many_to_file": N_("dựng nhiều tệp thì -o phải là một thư mục"),
    "stdout_one": N_("-o - chỉ dùng được với một tệp YAML"),
    "stdout_one_hint": N_("nêu một tệp YAML, hoặc ghi các văn bản ra một thư mục: -o van-ban/"),
    "no_yaml": N_("không có tệp YAML nào ở đây"),
    "not_yaml": N_("tệp ghi ra là YAML, không mang đuôi `{suffix}`"),
    "not_html": N_("tệp ghi ra là trang HTML, không mang đuôi `{suffix}`"),
    "no_yaml_hint": N_("tệp văn bản có đuôi .yaml hoặc .yml; tạo tệp khởi đầu: python -m ccch_docs init --loai "
                       "ke_hoach -o ke-hoach.yaml"),
    "not_found": N_("không có tệp hoặc thư mục này"),
    "empty_name": N_("tên tệp hoặc thư mục trống"),
    "not_found_hint": N_("kiểm tra tên tệp và đường dẫn (tính từ thư mục đang làm việc)"),
    "skip_profile": N_("bỏ qua {file}: hồ sơ đơn vị, không phải văn bản"),
    "same_output": N_("hai văn bản cùng ghi ra một tệp"),
    "same_output_hint": N_("hai tệp YAML cùng tên (ở hai thư mục, hoặc .yaml và .yml): đổi tên một tệp, hoặc dựng "
                           "mỗi thư mục ra một -o riêng"),
    "over_input": N_("tệp kết quả trùng với tệp đầu vào; không ghi đè"),
    "templates_opt": N_("thư mục mẫu tìm trước CCHC_TEMPLATES và mẫu có sẵn (lặp lại được)"),
    "roots": N_("chỉ đọc tệp liên kết (ke_thua, kem_theo, ke_hoach) và bộ mẫu trong thư mục này (lặp lại được)"),
    "templates": N_("bộ mẫu: xem mẫu dùng từ đâu, chép mẫu có sẵn, kiểm tra một bộ mẫu"),
    "list": N_("liệt kê từng mẫu và thư mục nó được lấy từ đó"),
    "mau": N_("tên bộ mẫu (như khóa `mau:` của văn bản)"),
    "export": N_("chép một mẫu có sẵn ra thư mục để sửa"),
    "name": N_("tên mẫu, ví dụ van_ban"),
    "to": N_("thư mục đích"),
    "force": N_("ghi đè tệp đã có"),
    "check": N_("dựng thử mọi loại văn bản với bộ mẫu; báo biến lạ và lỗi cú pháp Jinja"),
    "dir": N_("thư mục bộ mẫu"),
    "documents": N_("thêm các tệp YAML để dựng thử (ngoài các mẫu thử có sẵn)"),
    "schema": N_("in JSON Schema của định dạng đầu vào (để trình soạn thảo kiểm tra và gợi ý)"),
    "schema_pack": N_("in JSON Schema của pack.yaml thay cho văn bản"),
    "init": N_("tạo tệp YAML khởi đầu có chú thích (kế thừa hồ sơ đơn vị, nếu có)"),
    "loai": N_("loại văn bản, ví dụ ke_hoach, bao_cao, to_trinh"),
    "don_vi": N_("tệp hồ sơ đơn vị (YAML) để kế thừa; không có: tiêu đề và người ký để điền ngay trong tệp"),
    "profile": N_("tạo hồ sơ đơn vị (tiêu đề, người ký, địa danh) từ vài câu trả lời hoặc tùy chọn"),
    "profile_output": N_("tệp hồ sơ cần tạo, ví dụ don-vi/ubnd-xa.yaml"),
    "p_ten": N_("tên cơ quan, mỗi lần một dòng in hoa, ví dụ --ten \"ỦY BAN NHÂN DÂN\" --ten \"XÃ TÂN HÒA\""),
    "p_chu_quan": N_("cơ quan chủ quản (dòng trên, không đậm), nếu có"),
    "p_viet_tat": N_("chữ viết tắt trong ký hiệu, ví dụ UBND"),
    "p_dia_danh": N_("địa danh trước ngày tháng, ví dụ Tân Hòa"),
    "p_tm": N_("ký thay mặt tập thể: TM. …, ví dụ ỦY BAN NHÂN DÂN"),
    "p_kt": N_("ký thay người đứng đầu: KT. …, ví dụ CHỦ TỊCH"),
    "p_chuc_vu": N_("chức vụ người ký, ví dụ CHỦ TỊCH"),
    "p_ho_ten": N_("họ và tên người ký"),
    "p_luu": N_("dòng lưu (mặc định VT)"),
    "p_mau": N_("bộ mẫu của tỉnh (khóa mau:), nếu có"),
    "ask": N_("{what}: "),
    "missing_answer": N_("thiếu {flag}"),
    "cot": N_("liệt kê các mẫu cột phụ lục và khóa của từng cột (chu_tri, phoi_hop, thoi_gian …)"),
    "init_output": N_("tệp YAML cần tạo (mặc định: in ra màn hình)"),
    "cascade": N_("tạo khung kế hoạch của một đơn vị từ kế hoạch cấp trên: các nhiệm vụ nêu tên đơn vị"),
    "parent": N_("tệp YAML của kế hoạch cấp trên"),
    "cascade_don_vi": N_("tên đơn vị như ghi ở cột chủ trì/phối hợp (không phân biệt hoa thường); nêu nhiều lần được"),
    "cascade_output": N_("tệp YAML kết quả"),
    "ke_thua": N_("hồ sơ đơn vị (tiêu đề, người ký) để tệp kết quả kế thừa; thiếu thì điền chỗ trống"),
    "ok": N_("hợp lệ"),
    "wrote": N_("đã ghi"),
    "unit": N_("tệp"),
    "from": N_("lấy từ"),
    "packs": N_("bộ mẫu"),
    "no_problem": N_("không có lỗi"),
    "exists": N_("tệp đã có; thêm --force để ghi đè"),
    "unexpected": N_("lỗi không mong đợi"),
    "stopped": N_("đã dừng (Ctrl-C); không tệp nào bị ghi dở"),
    "terminated": N_("đã dừng (SIGTERM); không tệp nào bị ghi dở"),
    "not_rendered": N_("{n} tệp không được dựng: đĩa không nhận thêm (đầy, hết hạn mức hoặc chỉ đọc)"),
    "check_docx": N_("kiểm tra thể thức các tệp .docx (hoặc thư mục) theo Nghị định 30/2020/NĐ-CP"),
    "docx": N_("tệp .docx hoặc thư mục chứa chúng"),
    "json": N_("in kết quả dạng JSON"),
    "html": N_("ghi thêm báo cáo dạng trang HTML vào tệp này"),
    "import": N_("nhập một văn bản .docx có sẵn thành tệp YAML (rồi dựng lại đúng thể thức với --render)"),
    "import_file": N_("tệp .docx cần nhập"),
    "import_output": N_("tệp YAML kết quả (mặc định: cùng tên, bên cạnh tệp .docx; - để in ra)"),
    "import_render": N_("dựng lại văn bản .docx đúng thể thức bên cạnh tệp YAML"),
    "import_profile": N_("tách tiêu đề (cơ quan, địa danh) và người ký vào tệp hồ sơ đơn vị này; văn bản kế thừa nó"),
}


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return os.environ.get("CCHC_LANG", "vi")


def _known(lang: str) -> str:
    """`lang` if the catalog has it, else the language of messages (CCHC_LANG, else Vietnamese)."""
    from .messages import language
    return lang if lang in LANGS else language() if language() in LANGS else "vi"


class _Version(argparse.Action):
    """--version: the program and its version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def written(t: dict[str, str], path: object) -> str:
    """`đã ghi <path>`, in the language of `t`; a line break in the name written as its escape (errors.on_one_line),
    so that a name cannot print a line of its own."""
    return f"{t['wrote']} {on_one_line(str(path))}"


def _prog() -> str:
    """The command as the user typed it: `ccch-docs`, or `python -m ccch_docs`."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m ccch_docs" if name in ("", "__main__.py", "-c") else Path(name).stem


YAML = (".yaml", ".yml")
HTML = (".html", ".htm")
WRITES_YAML = ("init", "don-vi", "profile", "cascade", "import", "nhap")  # the commands whose -o is a YAML file
COMMANDS = ("render", "validate", "templates", "schema", "check", "init", "don-vi", "profile", "cascade", "import",
            "nhap")


def parser(lang: str, command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, its help in `lang`; with `command`, that command's alone (the others cost start-up time)."""
    t = looked_up(TEXTS, lang)
    top = argparse.ArgumentParser(prog=_prog(), description=t["prog"])
    top.add_argument("--version", action=_Version, help=t["version"])
    top.add_argument("--lang", choices=LANGS, default=lang, help=t["lang"])
    sub = top.add_subparsers(dest="command", required=True)

    def named(value: str) -> str:
        """A file or folder as given; an empty one (`"$FILE"` of a variable left unset) names none, not `.`."""
        if not value:
            raise argparse.ArgumentTypeError(t["empty_name"])
        return value

    def path(value: str) -> Path:
        return Path(named(value))

    def wanted(*names: str) -> bool:
        return command is None or command in names

    def add(parent: argparse._SubParsersAction, name: str, *, folders: bool = False,
            aliases: tuple[str, ...] = (), help: str | None = None) -> argparse.ArgumentParser:
        p = parent.add_parser(name, aliases=aliases, help=t[help or name], description=t[help or name])
        p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t["lang"])  # also after the command
        if folders:
            p.add_argument("--templates", metavar="DIR", type=path, action="append", help=t["templates_opt"])
        return p

    if wanted("render"):
        render = add(sub, "render", folders=True)
        render.add_argument("sources", nargs="+", type=named, metavar="file", help=t["sources"])
        render.add_argument("-o", "--output", type=named, help=t["output"])
        render.add_argument("--pdf", action="store_true", help=t["pdf"])
        render.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help=t["jobs"])
        render.add_argument("--pdf-timeout", type=float, default=180, metavar="S", help=t["pdf_timeout"])
        render.add_argument("--roots", metavar="DIR", type=path, action="append", help=t["roots"])
    if wanted("validate"):
        validate = add(sub, "validate", folders=True)
        validate.add_argument("files", nargs="+", type=named, help=t["sources"])
        validate.add_argument("--roots", metavar="DIR", type=path, action="append", help=t["roots"])
    if wanted("templates"):
        tsub = add(sub, "templates").add_subparsers(dest="action", required=True)
        add(tsub, "list", folders=True).add_argument("--mau", help=t["mau"])
        export = add(tsub, "export")
        export.add_argument("name", help=t["name"])
        export.add_argument("--to", type=path, required=True, help=t["to"])
        export.add_argument("--force", action="store_true", help=t["force"])
        add(tsub, "cot", folders=True).add_argument("--mau", help=t["mau"])
        check = add(tsub, "check")
        check.add_argument("dir", type=path, help=t["dir"])
        check.add_argument("documents", type=path, nargs="*", help=t["documents"])
    if wanted("schema"):
        add(sub, "schema").add_argument("--pack", action="store_true", help=t["schema_pack"])
    if wanted("check"):
        docx_check = add(sub, "check", folders=True, help="check_docx")  # the pack's wording: --templates, --mau
        docx_check.add_argument("files", type=path, nargs="+", help=t["docx"])
        docx_check.add_argument("--mau", help=t["mau"])
        docx_check.add_argument("--json", action="store_true", help=t["json"])
        docx_check.add_argument("--html", type=path, metavar="FILE", help=t["html"])
    if wanted("init"):
        init = add(sub, "init", folders=True)
        init.add_argument("--loai", required=True, help=t["loai"])
        init.add_argument("--don-vi", type=path, help=t["don_vi"])
        init.add_argument("-o", "--output", type=path, help=t["init_output"])
        init.add_argument("--force", action="store_true", help=t["force"])
    if wanted("don-vi", "profile"):
        profile = add(sub, "don-vi", folders=True, aliases=("profile",), help="profile")
        profile.add_argument("-o", "--output", type=path, required=True, help=t["profile_output"])
        for flag in ("ten", "chu-quan", "viet-tat", "dia-danh", "tm", "kt", "chuc-vu", "ho-ten", "luu", "mau"):
            profile.add_argument(f"--{flag}", action="append" if flag == "ten" else "store",
                                 help=t["p_" + flag.replace("-", "_")])
        profile.add_argument("--force", action="store_true", help=t["force"])
    if wanted("cascade"):
        cascade = add(sub, "cascade")
        cascade.add_argument("parent", type=path, help=t["parent"])
        cascade.add_argument("--don-vi", action="append", required=True, help=t["cascade_don_vi"])
        cascade.add_argument("-o", "--output", type=path, required=True, help=t["cascade_output"])
        cascade.add_argument("--ke-thua", type=path, help=t["ke_thua"])
        cascade.add_argument("--force", action="store_true", help=t["force"])
    for name in ("import", "nhap"):
        if wanted(name):
            imp = add(sub, name, help="import")
            imp.add_argument("file", type=path, help=t["import_file"])
            imp.add_argument("-o", "--output", type=named, help=t["import_output"])
            imp.add_argument("--render", action="store_true", help=t["import_render"])
            imp.add_argument("--pdf", action="store_true", help=t["pdf"])
            imp.add_argument("--profile", type=path, metavar="FILE", help=t["import_profile"])
            imp.add_argument("--force", action="store_true", help=t["force"])
    return top


def run() -> None:
    """The program (`python -m ccch_docs`, `ccch-docs`): `main`, then an exit without the interpreter's teardown.

    Collecting and freeing every object of the libraries a command loaded takes longer than a small render itself
    (pydantic's validators are slow to traverse). Exit handlers still run: the one that ends the process is
    registered before `main` runs, so it runs after every handler registered since. The garbage collector is paused
    while the program starts (collector.pause_start)."""
    status = 1  # an exception no command caught: Python prints it, then the exit handlers run

    def leave() -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a reader gone, a stream closed: nothing left to say
                stream.flush()
        os._exit(status)

    atexit.register(leave)
    collector.pause_start()
    _skip_plugin_lookup()
    try:
        status = main()
    except SystemExit as exc:  # argparse's --help, --version and usage errors
        status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        raise
    sys.exit(status)


def _skip_plugin_lookup() -> None:
    """With pydantic's plugins off (the command line's default), keep pydantic from importing what it looks for them
    with: importlib.metadata, a sixth of a small render's start, imported even when the variable turns them off."""
    if os.environ.get(PLUGINS_OFF[0], PLUGINS_OFF[1]) in ("__all__", "1", "true"):  # the values pydantic reads as off
        loader = types.ModuleType("pydantic.plugin._loader")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]  # what the real one returns when they are off
        sys.modules.setdefault(loader.__name__, loader)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    # Pydantic looks for plugins among every installed distribution's entry points when it builds the models (tens
    # of milliseconds of a render's start); the command line uses none. Setting the variable turns them back on.
    os.environ.setdefault(*PLUGINS_OFF)
    lang = _language(argv)
    from .output import Stdout
    stdout, sys.stdout = sys.stdout, Stdout(sys.stdout)
    try:
        with sigterm_raises():
            try:
                return _parsed(argv, lang)
            finally:
                sys.stdout.flush()  # after --version or a refused argument too: fails here, not at exit
    except BrokenPipeError:  # the reader of our output has gone (`| head -1`): end quietly, as Unix tools do
        return 1
    except CchcError as exc:  # standard output failed on the last flush
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # workers ignore Ctrl-C: the batch has stopped, every file written is whole
        return _stopped("stopped", signal.SIGINT, lang, "\n")  # after the ^C the terminal shows
    except Terminated:  # as Ctrl-C
        return _stopped("terminated", signal.SIGTERM, lang)
    finally:
        sys.stdout = stdout


def _stopped(key: str, sig: int, lang: str, before: str = "") -> int:
    """Say the command stopped on `sig`; the exit code a shell gives a command the signal ended, 128 + its number."""
    print(f"{before}{lookup(TEXTS[key], _known(lang))} [{code_of(TEXTS[key])}]", file=sys.stderr)
    return 128 + sig


def _parsed(argv: list[str], lang: str) -> int:
    """Parse `argv` (help in `lang`) and run its command; problems printed, the exit code returned."""
    from .messages import argparse_speaking, speaking
    with argparse_speaking(_known(lang)):
        # Before the command only --lang takes a value (en, vi): the first word naming a command is the command.
        command = next((a for a in argv if a in COMMANDS), None)
        args = parser(_known(lang), command).parse_args(argv)
    t = looked_up(TEXTS, args.lang)
    with speaking(args.lang):  # problems printed in the language asked for
        try:
            code = _run(args, t)
            sys.stdout.flush()  # a full disk behind standard output is reported here, in the language asked for
            return code
        except (InputError, TemplateError, TargetError) as exc:
            print(exc, file=sys.stderr)
            return 2
        except CchcError as exc:
            print(exc, file=sys.stderr)
            return 1
        except BrokenPipeError:
            raise
        except Exception as exc:  # the promise is no traceback, whatever happens
            print(f"{t['unexpected']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1


def _run(args: argparse.Namespace, t: dict[str, str]) -> int:
    if args.command in WRITES_YAML:
        _refuse_other_format(args.output)
        _refuse_other_format(getattr(args, "profile", None), option="--profile")  # import's unit profile
    if args.command == "render":
        from . import cli_render
        return cli_render.run(args, t)
    if args.command in ("import", "nhap"):
        from . import cli_import
        return cli_import.run(args, t)
    if args.command == "check":
        _refuse_other_format(args.html, HTML, "--html")  # `check --html a.docx b.docx` wrote a report over a.docx
        collector.resume()  # many .docx read, none of them a document it pauses for
        return _check(args.files, args.json, args.lang, args.html, t, _words(args.mau, args.templates))
    from . import api, schemas, starter
    from .output import write_atomic
    if args.command == "validate":
        return _validate(args.files, args.templates, args.roots, t)
    if args.command == "templates":
        return _templates(args, t)
    if args.command == "cascade":
        api.cascade(args.parent, args.don_vi, args.output, ke_thua=args.ke_thua, force=args.force)
        print(written(t, args.output))
        return 0
    if args.command == "schema":
        print(schemas.dumps(schemas.pack() if args.pack else schemas.document()), end="")
        return 0
    if args.command in ("don-vi", "profile"):
        text = starter.profile_text(_answers(args, t), args.output, args.templates)
        _refuse_overwrite(args.output, args.force, t)
        print(written(t, write_atomic(args.output, text.encode('utf-8'))))
        return 0
    if args.command == "init":
        text = starter.text(args.loai, args.don_vi, args.output, args.templates)
        if args.output is None:
            print(text, end="")
            return 0
        _refuse_overwrite(args.output, args.force, t)
        print(written(t, write_atomic(args.output, text.encode('utf-8'))))
        schema, text = args.output.parent / starter.SCHEMA, schemas.dumps(schemas.document())
        if _text_of(schema) != text:  # a folder, FIFO or device there is refused by write_atomic
            print(written(t, write_atomic(schema, text.encode('utf-8'))))
        return 0
    raise AssertionError(args.command)


def _text_of(path: Path) -> str | None:
    """The text of the regular file `path`; None for anything else (missing, a folder, a FIFO, unreadable …)."""
    try:
        return path.read_text("utf-8") if stat.S_ISREG(os.stat(path).st_mode) else None
    except (OSError, UnicodeError):
        return None


def _answers(args: argparse.Namespace, t: dict[str, str]) -> dict[str, object]:
    """The profile's answers: the options given, the required ones asked for on a terminal, else refused."""
    from . import starter
    answers: dict[str, object] = {key: getattr(args, key) for key in starter.PROFILE_KEYS if getattr(args, key)}
    missing = [key for key in starter.PROFILE_REQUIRED if key not in answers]
    if missing and sys.stdin.isatty():
        for key in missing:
            try:
                value = input(t["ask"].format(what=t["p_" + key])).strip()
            except EOFError:  # Ctrl-D: no more answers; those missing are named below
                print(file=sys.stderr)
                break
            if value:
                answers[key] = [v.strip() for v in value.split(",")] if key == "ten" else value
        missing = [key for key in starter.PROFILE_REQUIRED if key not in answers]
    if missing:
        raise InputError([Problem(TEXTS["missing_answer"].format(flag="--" + key.replace("_", "-")), str(args.output),
                                  hint=MISSING_HINT.format(flag="--" + key.replace("_", "-")))
                          for key in missing])
    return answers


def _words(mau: str | None, templates: list[Path] | None) -> Words:
    """The wording the documents checked are printed with: that of pack `mau` on the search path, else the decree's
    (without loading the packs' models when neither the options nor CCHC_TEMPLATES name one)."""
    from .decree.wording import DEFAULT
    if not (mau or templates or os.environ.get("CCHC_TEMPLATES")):
        return DEFAULT
    from . import packs
    return packs.named(mau, templates).pack.words


def _check(paths: list[Path], as_json: bool, lang: str, html: Path | None, t: dict[str, str],
           words: Words) -> int:
    from . import check_output, checks
    files = check_output.docx_files(paths)
    progress = sys.stderr.isatty() and len(files) > 1
    reports = []
    for n, path in enumerate(files, 1):
        if progress:
            print(f"\r[{n}/{len(files)}] {on_one_line(path.name)[:60]:<60}", end="", file=sys.stderr, flush=True)
        reports.append(checks.check(path, str(path), words))
        if not as_json:
            print(("\r" + " " * 80 + "\r" if progress else "") + check_output.report_text(reports[-1], lang))
    if progress:
        print("\r" + " " * 80 + "\r", end="", file=sys.stderr)
    if as_json:
        print(check_output.report_json(reports, lang))
    elif len(reports) > 1:
        print(check_output.total_text(reports, lang))
    if html is not None:
        from .output import write_atomic
        page = check_output.report_html(reports, lang).encode("utf-8")
        print(written(t, write_atomic(html, page, files)), file=sys.stderr if as_json else sys.stdout)
    return check_output.exit_code(reports)


def _refuse_other_format(output: Path | str | None, suffixes: tuple[str, ...] = YAML, option: str = "-o") -> None:
    """Refuse to write YAML (or, given HTML's `suffixes`, an HTML page) into a file named as another format (`init -o
    ke-hoach.docx`, `nhap --profile ubnd.docx`, `check --html van-ban.docx`); `-` is standard output."""
    path = Path(output) if output and output != "-" else None
    if path is not None and path.suffix and path.suffix.lower() not in suffixes:
        text = TEXTS["not_yaml" if suffixes == YAML else "not_html"]
        raise InputError([Problem(text.format(suffix=path.suffix), str(path), hint=NAME_HINT.format(
            suffix=suffixes[0], option=option, name=path.with_suffix(suffixes[0]).name))])


def _refuse_overwrite(path: Path, force: bool, t: dict[str, str]) -> None:
    if os.path.lexists(path) and not force:  # a symlink, even dangling, is not written through either
        raise InputError([Problem(TEXTS["exists"], str(path))])


def _templates(args: argparse.Namespace, t: dict[str, str]) -> int:
    from . import packs, tplcheck
    from .output import write_atomic
    if args.action == "cot":
        from .model import builtin_presets
        for name, columns in {**builtin_presets(), **packs.named(args.mau, args.templates).pack.cot}.items():
            print(name)
            for column in columns:
                print(f"  {column.khoa:<12} {column.ten}")
        return 0
    if args.action == "list":
        for name, path in packs.named(args.mau, args.templates).available().items():
            print(f"{name}\t{t['from']} {path.parent}")
        roots = [*packs.user_folders(args.templates), packs.builtin_dir()]
        for root in roots:
            for name in packs.pack_names([root]):
                print(f"{t['packs']}: {name}\t{t['from']} {root}")
        return 0
    if args.action == "export":
        target = args.to / f"{args.name}.docx"
        _refuse_overwrite(target, args.force, t)
        source = packs.TemplateSet((packs.builtin_dir(),)).find(args.name)
        print(written(t, write_atomic(target, source.read_bytes())))
        return 0
    problems = tplcheck.check(args.dir, args.documents)
    if problems:
        print(TemplateError(problems), file=sys.stderr)
        return 2
    print(f"{args.dir}: {t['no_problem']}")
    return 0


def _validate(names: list[str], templates: list[Path] | None, roots: list[Path] | None,
              t: dict[str, str]) -> int:
    """Load every YAML file `names` give (files, folders, patterns, as `render` takes them); 2 if one is bad."""
    from . import api
    from .cli_render import inputs, skip_profiles
    from .source import Parsed
    files, problems = inputs(names)
    kept: dict[Path, Parsed] = {}
    skip_profiles(files, names, t, kept)
    for f in files:
        try:
            api.load(f, templates=templates, roots=roots, parsed=kept.pop(f, None))
            print(f"{f}: {t['ok']}")
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        print(InputError(problems), file=sys.stderr)
        return 2
    return 0
