"""A reviewer's hostile pass over many documents at once: render_many's jobs, to_pdf's list, render's -j and timeout."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs import batch, office
from ccch_docs.cli import main
from docx_view import View
from samples import PLAN
from test_batch import cli, write_docs


def test_a_second_job_writing_the_same_file_is_refused_and_the_first_kept(tmp_path):
    docs = write_docs(tmp_path, 3)  # a plan, a letter, a decision: each its own header
    same = tmp_path / "out" / "same.docx"
    jobs = [ccch_docs.Job(docs[0], same), ccch_docs.Job(docs[1], same),
            ccch_docs.Job(docs[2], tmp_path / "x.docx", tmp_path / "x.docx")]  # its .docx and PDF one file
    with ThreadPoolExecutor(1) as executor:
        results = {r.job.source: r for r in ccch_docs.render_many(jobs, executor)}
    assert results[docs[0]].ok and results[docs[0]].written == (same,)
    for doc in docs[1:]:
        assert results[doc].bad_input and results[doc].written == ()
    assert str(results[docs[1]].problems[0]) == (f"{docs[1]}: tệp kết quả {same} đã là tệp kết quả của văn bản khác "
                                                 "trong lô; không ghi đè (gợi ý: đặt cho mỗi Job tệp .docx và PDF "
                                                 "riêng) [CCHC-E213]")
    assert str(results[docs[2]].problems[0]) == (f"{docs[2]}: tệp .docx và tệp PDF của văn bản là cùng một tệp "
                                                 f"{tmp_path / 'x.docx'}: PDF sẽ ghi đè .docx (gợi ý: đặt cho PDF một "
                                                 "tên khác tệp .docx, ví dụ cùng tên với đuôi .pdf) [CCHC-E219]")
    assert View.open(same).header()[0] == "ỦY BAN NHÂN DÂN"  # the plan's, not the letter's (UBND TỈNH ĐỒNG THÁP)
    assert not (tmp_path / "x.docx").exists()


def test_to_pdf_refuses_what_is_no_docx_before_libreoffice_is_looked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "no-libreoffice"))  # found first, it would be the error
    good = tmp_path / "kh.docx"
    ccch_docs.render(ccch_docs.from_dict(PLAN), good)
    yaml_file = write_docs(tmp_path / "in", 1)[0]
    with pytest.raises(ccch_docs.InputError) as caught:
        ccch_docs.to_pdf([good, tmp_path / "missing.docx", yaml_file, tmp_path / "in"], tmp_path / "pdf")
    said = [(p.file, p.code, p.message) for p in caught.value.problems]
    assert said == [(str(tmp_path / "missing.docx"), "CCHC-E041", "không đọc được tệp .docx: không có tệp hoặc thư "
                     "mục này"),
                    (str(yaml_file), "CCHC-E041", "không đọc được tệp .docx: không phải tệp .docx (không phải gói ZIP "
                     "của Office Open XML)"),
                    (str(tmp_path / "in"), "CCHC-E041", "không đọc được tệp .docx: đây là một thư mục")]
    with pytest.raises(ccch_docs.InputError, match=r"^<bytes>: không đọc được tệp \.docx: không phải tệp \.docx"):
        ccch_docs.to_pdf(b"junk")
    with pytest.raises(ccch_docs.InputError, match=r"^kh\.docx: không đọc được tệp \.docx: gói ZIP bị cắt cụt"):
        ccch_docs.to_pdf(good.read_bytes()[:2000], name="kh.docx")
    assert not (tmp_path / "pdf").exists()


def test_to_pdf_refuses_two_documents_giving_one_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "no-libreoffice"))
    docs = [tmp_path / "a" / "kh.docx", tmp_path / "b" / "kh.docx"]
    for path in docs:
        path.parent.mkdir()
        ccch_docs.render(ccch_docs.from_dict(PLAN), path)
    for given in (docs, [docs[0], docs[0]]):
        with pytest.raises(ccch_docs.TargetError) as caught:
            ccch_docs.to_pdf(given, tmp_path / "pdf")
        [problem] = caught.value.problems
        assert problem.file == str(given[1]) and problem.code == "CCHC-E213"
        assert f"tệp kết quả {tmp_path / 'pdf' / 'kh.pdf'} đã là tệp kết quả" in problem.message
    assert not (tmp_path / "pdf").exists()


# A LibreOffice converting cold: a PDF for each .docx, but for one whose name holds "bad".
FAKE_SOFFICE = """#!/bin/sh
for a; do last=$a; done
case "$(basename "$last")" in bad*) echo "hỏng" >&2; exit 3;; esac
while [ "$1" != --outdir ]; do shift; done
mkdir -p "$2" && printf '%%PDF-1.4\\n%%%%EOF\\n' > "$2/$(basename "$last" .docx).pdf"
"""


def _docx_and_fake_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: list[str]) -> list[Path]:
    fake = tmp_path / "soffice"
    fake.write_text(FAKE_SOFFICE, "utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("CCHC_SOFFICE", str(fake))
    monkeypatch.setattr(office, "uno_python", lambda: None)  # cold conversions, by the fake
    docs = [tmp_path / f"{name}.docx" for name in names]
    for doc in docs:
        ccch_docs.render(ccch_docs.from_dict(PLAN), doc)
    return docs


def test_to_pdf_of_a_list_converts_past_a_failure_and_names_it_and_what_was_written(tmp_path, monkeypatch):
    docs = _docx_and_fake_office(tmp_path, monkeypatch, ["a", "bad", "c", "bad2"])
    out = tmp_path / "pdf"
    with pytest.raises(ccch_docs.OutputError) as caught:
        ccch_docs.to_pdf(docs, out)
    assert type(caught.value) is ccch_docs.OutputError
    assert [(p.file, p.message) for p in caught.value.problems] == [
        (str(docs[1]), "LibreOffice không chuyển được sang PDF: hỏng"),
        (str(docs[3]), "LibreOffice không chuyển được sang PDF: hỏng")]
    assert caught.value.written == (out / "a.pdf", out / "c.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "c.pdf"]
    (out / "c.pdf").unlink()
    (out / "c.pdf").mkdir()  # refused as a target, and so is every failure: the error is a TargetError
    with pytest.raises(ccch_docs.TargetError) as caught:
        ccch_docs.to_pdf(docs[:3:2], out)
    assert [p.file for p in caught.value.problems] == [str(out / "c.pdf")] and caught.value.written == (out / "a.pdf",)


def test_to_pdf_of_a_list_stops_at_a_full_disk(tmp_path, monkeypatch):
    docs = _docx_and_fake_office(tmp_path, monkeypatch, ["a", "bad", "c", "d"])
    write = office.write_atomic

    def full_at_c(path, data, inputs=(), fmt=None):
        if Path(path).name == "c.pdf":
            raise ccch_docs.DiskFullError([ccch_docs.Problem("không ghi được: đĩa đã đầy", str(path))])
        return write(path, data, inputs, fmt)
    monkeypatch.setattr(office, "write_atomic", full_at_c)
    with pytest.raises(ccch_docs.DiskFullError) as caught:
        ccch_docs.to_pdf(docs, tmp_path / "pdf")
    assert [p.file for p in caught.value.problems] == [str(docs[1]), str(tmp_path / "pdf" / "c.pdf")]
    assert caught.value.written == (tmp_path / "pdf" / "a.pdf",)
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == ["a.pdf"]  # d not tried


@pytest.mark.parametrize("seconds", ["-5", "0", "nan", "inf", "1e300"])
def test_a_pdf_timeout_out_of_range_is_bad_input(tmp_path, capsys, seconds):
    doc = write_docs(tmp_path, 1)[0]
    assert main(["render", str(doc), "-o", str(tmp_path / "kh.pdf"), "--pdf-timeout", seconds]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"--pdf-timeout: thời gian chờ xuất PDF phải lớn hơn 0 và tối đa 86.400 giây, không phải "
                          f"{float(seconds):g} (gợi ý: ") and "[CCHC-E214]" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [doc.name]
    with pytest.raises(ccch_docs.InputError, match="pdf_timeout: thời gian chờ xuất PDF"):
        ccch_docs.Job(doc, pdf=tmp_path / "kh.pdf", pdf_timeout=float(seconds))
    with pytest.raises(ccch_docs.InputError, match="timeout: thời gian chờ xuất PDF"):
        ccch_docs.to_pdf(b"", timeout=float(seconds))


def test_a_negative_number_of_workers_is_bad_input(tmp_path, capsys):
    doc = write_docs(tmp_path, 1)[0]
    assert main(["render", str(doc), "-j", "-2", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("-j: the number of worker processes must be 0 or more (0: one per CPU), not -2") \
        and "[CCHC-E215]" in err
    with pytest.raises(ccch_docs.InputError, match=r"^workers: số tiến trình phải từ 0 trở lên"):
        ccch_docs.render_many([doc], workers=-1)  # as it is called, not when its first result is asked for
    assert sorted(p.name for p in tmp_path.iterdir()) == [doc.name]


def test_a_standard_output_that_cannot_write_vietnamese_still_gets_every_document(tmp_path):
    docs = write_docs(tmp_path, 2)  # a Windows code page behind `> log.txt`: Python's strict encoding stopped the batch
    done = cli("render", *map(str, docs), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("ascii").splitlines()[:2] == [f"[{i + 1}/2] \\u0111\\xe3 ghi {p.with_suffix('.docx')}"
                                                            for i, p in enumerate(docs)]
    assert View.open(docs[1].with_suffix(".docx")).header()[0] == "UBND TỈNH ĐỒNG THÁP"


def test_a_yaml_and_a_yml_of_one_name_are_told_apart_from_two_folders(tmp_path, capsys):
    docs = write_docs(tmp_path, 2)
    docs[1].rename(tmp_path / "vb-000.yml")
    assert main(["render", str(tmp_path)]) == 2
    assert f"{tmp_path / 'vb-000.yml'}: hai văn bản cùng ghi ra một tệp (gợi ý: hai tệp YAML cùng tên (ở hai thư mục, " \
           "hoặc .yaml và .yml)" in capsys.readouterr().err
    assert View.open(tmp_path / "vb-000.docx").header()[0] == "ỦY BAN NHÂN DÂN"  # the .yaml's: the first in order


@pytest.mark.parametrize("output", ["{file}/", "{file}/sub/", "{file}/sub/kh.docx"])
def test_an_output_folder_that_is_a_file_is_refused_once_before_rendering(tmp_path, capsys, output):
    docs = write_docs(tmp_path / "in", 3)
    (tmp_path / "taken").write_text("not a folder")
    output = output.format(file=tmp_path / "taken")
    assert main(["render", *map(str, docs[:1 if output.endswith(".docx") else 3]), "-o", output]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"-o {output}: {tmp_path / 'taken'} là một tệp, không phải thư mục (gợi ý: chọn thư mục "
                                "khác cho -o, hoặc đổi tên tệp đang chiếm chỗ thư mục đó) [CCHC-E216]", "1 lỗi."]
    assert not out and (tmp_path / "taken").read_text() == "not a folder"
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == [p.name for p in docs]  # no document rendered


def test_a_dask_cluster_is_kept_as_busy_as_its_threads_not_this_machine_s_cpus(tmp_path):
    distributed = pytest.importorskip("distributed")
    docs = write_docs(tmp_path, 3)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=16, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        executor = client.get_executor()
        assert batch._Queue(executor, None).window == 4 * 16  # was 4 × this machine's CPUs: most of a cluster idle
        results = list(ccch_docs.render_many(docs, executor))
    assert sorted(r.written for r in results) == [(p.with_suffix(".docx"),) for p in docs]
    assert View.open(docs[1].with_suffix(".docx")).header()[0] == "UBND TỈNH ĐỒNG THÁP"


def test_a_nul_in_a_job_s_path_fails_that_job_not_the_batch(tmp_path):
    docs = write_docs(tmp_path, 2)  # names from a web form: a NUL raised ValueError out of render_many, ending it
    jobs = [f"{docs[0]}\0x", ccch_docs.Job(docs[1], tmp_path / "o\0.docx"), docs[1]]
    with ThreadPoolExecutor(1) as executor:
        results = list(ccch_docs.render_many(jobs, executor))
    said = [(r.bad_input, r.problems[0].code, r.problems[0].message) for r in results if not r.ok]
    assert said == [(True, "CCHC-E082", f"không đọc được tệp {docs[0]}\0x: đường dẫn có ký tự NUL (\\0)"),
                    (True, "CCHC-E207", "không ghi được: đường dẫn có ký tự NUL (\\0)")]
    assert [r.written for r in results if r.ok] == [(docs[1].with_suffix(".docx"),)]
    assert View.open(docs[1].with_suffix(".docx")).header()[0] == "UBND TỈNH ĐỒNG THÁP"
