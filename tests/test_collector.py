"""The garbage collector's pauses: around a document's parse, validation and render, and the program's start."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs import collector

EXAMPLE = Path(__file__).parents[1] / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"


@pytest.fixture
def collecting():
    """The collector on, nothing frozen, and the start-up pause off, before and after the test."""
    assert gc.isenabled() and not collector._starting
    yield
    collector._starting = False
    gc.unfreeze()
    gc.enable()


def test_a_paused_block_restores_the_state_it_found(collecting):
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # a library user's own choice stays
    with collector.paused():
        pass
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_the_start_up_pause_holds_until_the_first_document_is_parsed(collecting):
    collector.pause_start()
    assert not gc.isenabled()
    ccch_docs.load(EXAMPLE)  # what a document needs is imported by now
    assert gc.isenabled() and gc.get_freeze_count() > 0 and not collector._starting


def test_a_command_without_documents_ends_the_pause_and_a_second_end_changes_nothing(collecting):
    collector.pause_start()
    collector.resume()
    frozen = gc.get_freeze_count()
    assert gc.isenabled() and frozen > 0
    collector.resume()
    assert gc.get_freeze_count() == frozen


def test_the_program_collects_after_its_start(tmp_path):
    """The command line's process pauses the collector while it starts and collects again once the document is
    read: no collection before, collections after."""
    code = ("import gc, os, sys; from ccch_docs import cli; seen = []; "
            "gc.callbacks.append(lambda phase, info: seen.append((phase, gc.get_freeze_count() > 0))); "
            "end = os._exit; os._exit = lambda c: (print(c, all(f for _, f in seen), len(seen) > 0), end(c)); "
            "sys.argv = ['ccch-docs', 'render', sys.argv[1], '-o', sys.argv[2]]; cli.run()")
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLE), str(tmp_path / "kh.docx")], capture_output=True,
                         text=True).stdout
    assert out.split()[-3:] == ["0", "True", "True"]
