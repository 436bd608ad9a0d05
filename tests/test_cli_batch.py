"""``huabei-calc batch`` through the real command line (``python -m huabei_calc batch …``).

docs/rules.md, "Portfolios": the rows are compare_many's; output order is input
order and the bytes are the same whatever the number of workers.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import huabei_calc as hc
from huabei_calc.batch import COLUMNS, cells
from huabei_calc.cli import batch as cli_batch
from huabei_calc.cli import main

ON = "2026-11-29"
HEADER = ["id", "product", "principal", "interest", "fees", "penalty", "overdue_since"]
ROWS = [
    ["A1", "花呗", "8000", "", "", "120", "2026-06-15"],
    ["A2", "借呗", "20000", "1200", "0", "800", ""],
    ["A3", "huabei", "abc", "", "", "", ""],
    ["A4", "0.06%/day", "15000.5", "300", "12", "0", "2026-10-01"],
]


def _batch(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "huabei_calc", "batch", *args]
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", check=check)


def _write_csv(path: Path, rows: list[list[str]], *, bom: bool = False, header: Any = None) -> None:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER if header is None else header)
        writer.writerows(rows)


def _expected(rows: list[list[str]], **options: Any) -> list[list[str]]:
    records = [dict(zip(HEADER, row, strict=True)) for row in rows]
    return [cells(r) for r in hc.compare_many(records, on=date.fromisoformat(ON), **options)]


def test_csv_with_bom_in_csv_out(tmp_path: Path) -> None:
    source, target = tmp_path / "clients.csv", tmp_path / "results.csv"
    _write_csv(source, ROWS, bom=True)
    done = _batch(str(source), "-o", str(target), "--on", ON, "--periods", "24")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    assert done.stdout.startswith("4 rows, 1 with errors → ")
    with target.open(encoding="utf-8", newline="") as f:
        got = list(csv.reader(f))
    assert got[0] == list(COLUMNS)
    assert got[1:] == _expected(ROWS, periods=24)
    assert got[3][-1].startswith("principal='abc'")  # the junk cell's column is named
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.csv", "results.csv"]


def test_json_lines_in_and_out(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = [dict(zip(HEADER, row, strict=True)) for row in ROWS]
    records[1]["principal"] = 20000  # JSON numbers are read exactly
    records[3]["interest"] = 300.25
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ["{not json", ""]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _batch(str(source), "-o", str(target), "--on", ON)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(out) == 5
    assert [o["id"] for o in out[:4]] == ["A1", "A2", "A3", "A4"]
    assert out[1]["principal"] == "20000.00"
    assert out[3]["interest"] == "300.25"
    assert out[1]["periods"] == 36
    assert out[2]["error"].startswith("principal=")
    assert out[4]["error"].startswith("record=")
    assert out[0]["error"] is None


def test_workers_give_byte_identical_output(tmp_path: Path) -> None:
    many = [[f"C{i}", *ROWS[i % 4][1:]] for i in range(3 * cli_batch.CHUNK + 17)]
    source = tmp_path / "in.csv"
    _write_csv(source, many)
    outputs = []
    for workers in ("1", "2", "3"):
        target = tmp_path / f"w{workers}.csv"
        _batch(str(source), "-o", str(target), "--on", ON, "--workers", workers, check=True)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b"\n") == len(many) + 1


def test_missing_columns_exit_2_naming_them_and_write_nothing(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, [["x", "1"]], header=["name", "principal"])
    done = _batch(str(source), "-o", str(target), "--on", ON)
    assert done.returncode == 2
    assert "id, product" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == [source]


def test_a_column_named_twice_exits_2_and_blank_lines_are_no_records(tmp_path: Path) -> None:
    # review of issue 12: a duplicated header silently read the last of the two columns,
    # and a blank line or a row of empty cells became an error row
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(
        source, [["A", "huabei", "1000", ""]], header=["id", "product", "principal", "principal"]
    )
    done = _batch(str(source), "-o", str(target), "--on", ON)
    assert done.returncode == 2
    assert "principal" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == [source]
    _write_csv(
        source,
        [["A", "huabei", "1000"], [], ["", "", ""], ["B", "jiebei", "500"]],
        header=["id", "product", "principal"],
    )
    done = _batch(str(source), "-o", str(target), "--on", ON, "--strict")
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as out:
        assert [row["id"] for row in csv.DictReader(out)] == ["A", "B"]


def test_lang_zh_writes_the_error_column_in_chinese(tmp_path: Path) -> None:
    # review of issue 12: the error column was English whatever --lang said
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS)
    done = _batch(str(source), "-o", str(target), "--on", ON, "--lang", "zh")
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as out:
        errors = {row["id"]: row["error"] for row in csv.DictReader(out)}
    assert errors["A3"] == "principal='abc' 不是数字；请传入以元为单位的金额，例如 '1234.56'"
    assert errors["A1"] == ""


def test_an_output_that_cannot_be_written_exits_2_without_a_traceback(tmp_path: Path) -> None:
    # review of issue 12: -o naming a directory (even with --force) ended in IsADirectoryError
    source, target = tmp_path / "in.csv", tmp_path / "out"
    _write_csv(source, ROWS)
    target.mkdir()
    for extra in ([], ["--force"]):
        done = _batch(str(source), "-o", str(target), "--on", ON, *extra)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert "out" in done.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out"]
        assert list(target.iterdir()) == []


def test_a_failed_write_leaves_no_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # review of issue 12: an OSError while writing (disk full …) escaped as a traceback
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS)

    def full(*args: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli_batch.os, "replace", full)
    status = main(["batch", str(source), "-o", str(target), "--on", ON])
    assert status == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [source]


def test_strict_exits_1_when_a_row_has_an_error(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS)
    done = _batch(str(source), "-o", str(target), "--on", ON, "--strict")
    assert done.returncode == 1
    assert target.exists()  # the rows are still written
    _write_csv(source, [ROWS[0]])
    assert _batch(str(source), "-o", str(target), "--on", ON, "--strict", "--force").returncode == 0


def test_existing_output_needs_force(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS)
    target.write_text("keep me", encoding="utf-8")
    done = _batch(str(source), "-o", str(target), "--on", ON)
    assert done.returncode == 2
    assert "--force" in done.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    assert _batch(str(source), "-o", str(target), "--on", ON, "--force").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("id,principal,")


def test_budget_column(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    header = ["id", "product", "principal", "月预算"]
    _write_csv(
        source, [["B1", "huabei", "10000", "900"], ["B2", "huabei", "10000", ""]], header=header
    )
    done = _batch(str(source), "-o", str(target), "--on", ON, "--budget-column", "月预算")
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["periods"] == "12"  # plan_for_budget: 12 × 833.33 fits 900
    assert rows[1]["periods"] == "36"  # no budget: --periods
    missing = _batch(str(source), "-o", str(target), "--on", ON, "--budget-column", "budget")
    assert missing.returncode == 2
    assert "budget" in missing.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--on", "29/11/2026"], "--on=29/11/2026"),
        (["--workers", "0"], "--workers=0"),
        (["--periods", "61"], "periods=61"),
        (["--waive", "principal"], "waive"),
        (["--down-payment", "-5"], "--down-payment=-5"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS)
    done = _batch(str(source), "-o", str(target), *args)
    assert done.returncode == 2
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert not target.exists()


def test_progress_bar_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS * 3)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["batch", str(source), "-o", str(target), "--on", ON, "--lang", "zh"]) == 0
    out, err = capsys.readouterr()
    assert "12/12 rows" in err
    assert "rows/s" in err
    assert "ETA" in err
    assert out.startswith("共 12 行，3 行出错")


def test_an_interrupted_run_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, [[f"C{i}", *ROWS[0][1:]] for i in range(2 * cli_batch.CHUNK + 1)])
    calls = []
    real = cli_batch.run_chunk

    def interrupted(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(cli_batch, "run_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["batch", str(source), "-o", str(target), "--on", ON])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
