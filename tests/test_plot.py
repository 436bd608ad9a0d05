"""Charts (huabei_calc.plot): PNG files when matplotlib is there, a helpful error when not."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import huabei_calc as hc
from huabei_calc import plot
from huabei_calc._catalog import LANGS, text
from huabei_calc.cli import main
from huabei_calc.loans import flat_fee

PNG = b"\x89PNG\r\n\x1a\n"
DEBT = hc.Debt(principal="20000", interest="1200", penalty="800")


def _plan() -> hc.Schedule:
    return hc.freeze(DEBT, 36, start=date(2025, 7, 1), down_payment="5%", waive=("penalty",))


def test_schedule_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "installment.png"
    fig = plot.plot_schedule(flat_fee("5000", 12, start=date(2025, 1, 1)), target)
    assert target.read_bytes().startswith(PNG)
    assert len(fig.axes) == 2
    # a plan with a down payment (period 0), without writing a file
    assert plot.plot_schedule(_plan()).axes


def test_comparison_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    cmp = hc.compare(DEBT, hc.JIEBEI, _plan())
    target = tmp_path / "compare.png"
    fig = plot.plot_comparison(cmp, target)
    assert target.read_bytes().startswith(PNG)
    labels = fig.axes[0].get_legend_handles_labels()[1]
    assert len(labels) == 4  # frozen, accruing, untouched, and where the plan ends
    plot.plot_comparison(cmp, tmp_path / "compare.svg")
    assert (tmp_path / "compare.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_cli_writes_charts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    runs = {
        "schedule": ["--principal", "10000", "--periods", "12", "--rate", "4.9%/year"],
        "installment": ["--principal", "5000", "--periods", "6"],
        "freeze": ["--principal", "10000", "--penalty", "500", "--periods", "12"],
        "compare": ["--principal", "10000", "--penalty", "500", "--product", "huabei"],
    }
    runs["schedule"] += ["--method", "equal-principal"]
    runs["compare"] += ["--periods", "12", "--waive", "penalty"]
    for name, argv in runs.items():
        target = tmp_path / f"{name}.png"
        code = main([name, *argv, "--start", "2025-03-01", "--plot", str(target)], environ={})
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        assert out
        assert target.read_bytes().startswith(PNG)


def test_missing_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib → ImportError
    with pytest.raises(hc.HuabeiCalcError, match=r'pip install "huabei-calc\[plot\]"'):
        plot.plot_schedule(flat_fee("5000", 12), tmp_path / "x.png")
    target = tmp_path / "cli.png"
    argv = ["installment", "--principal", "5000", "--periods", "12", "--plot", str(target)]
    assert main(argv, environ={}) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("huabei-calc: error: --plot: ")
    assert err.count("\n") == 1
    assert 'pip install "huabei-calc[plot]"' in err
    assert not target.exists()


def test_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(hc.InputError, match="schedule="):
        plot.plot_schedule("not a schedule", tmp_path / "x.png")  # type: ignore[arg-type]
    with pytest.raises(hc.InputError, match="comparison="):
        plot.plot_comparison(flat_fee("5000", 12), tmp_path / "x.png")  # type: ignore[arg-type]
    argv = ["installment", "--principal", "5000", "--periods", "12", "--plot"]
    for path, why in (
        (tmp_path / "x.jpg", ".png, .svg or .pdf"),
        (tmp_path / "no/x.png", "not exist"),
    ):
        assert main([*argv, str(path)], environ={}) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"huabei-calc: error: --plot={path} ")
        assert why in err


def test_bad_path_and_lang_are_input_errors(tmp_path: Path) -> None:
    # issue 10 §5.11: these were TypeError / matplotlib's ValueError
    schedule = flat_fee("5000", 12)
    for kwargs, name in (
        ({"lang": []}, "lang"),
        ({"lang": "fr"}, "lang"),
        ({"path": 123}, "path"),
        ({"path": b"x.png"}, "path"),
        ({"path": str(tmp_path / "x.xyz")}, "path"),
        ({"path": tmp_path / "x"}, "path"),
    ):
        with pytest.raises(hc.InputError) as caught:
            plot.plot_schedule(schedule, **kwargs)  # type: ignore[arg-type]
        assert caught.value.name == name
        assert caught.value.code is not None
    assert not list(tmp_path.iterdir())
    cmp = hc.compare(DEBT, hc.JIEBEI, _plan())
    with pytest.raises(hc.InputError, match="path=123 must be a file name"):
        plot.plot_comparison(cmp, 123)  # type: ignore[arg-type]
    with pytest.raises(hc.InputError, match="lang=\\[\\]"):
        plot.plot_comparison(cmp, lang=[])  # type: ignore[arg-type]


def test_words_come_from_the_catalog() -> None:
    pytest.importorskip("matplotlib")
    cmp = hc.compare(DEBT, hc.JIEBEI, _plan())
    for lang in LANGS:
        if lang == "zh" and plot.cjk_font() is None:
            continue  # see test_no_chinese_font_is_said_plainly
        fig = plot.plot_comparison(cmp, lang=lang)
        ax = fig.axes[0]
        saving = f"{cmp.saving:,}"
        assert ax.get_title() == text("plot.compare_title", lang, saving=saving)
        assert ax.get_ylabel() == text("plot.yuan", lang)
        labels = ax.get_legend_handles_labels()[1]
        keys = ("frozen", "accruing", "untouched", "plan_end")
        assert labels == [text(f"plot.{key}", lang) for key in keys]
        fig = plot.plot_schedule(_plan(), lang=lang)
        top, bottom = fig.axes
        assert top.get_title() == text(
            "plot.schedule_title_dated", lang, principal="21,200.00", start="2025-07-01"
        )
        assert (bottom.get_xlabel(), bottom.get_ylabel()) == (
            text("plot.period", lang),
            text("plot.payment", lang),
        )


def test_a_chinese_chart_draws_every_character(tmp_path: Path) -> None:
    # matplotlib warns "Glyph … missing from font(s)" when it would draw a box instead
    # of a character; pytest turns that warning into a failure
    pytest.importorskip("matplotlib")
    if plot.cjk_font() is None:
        pytest.skip("no font with Chinese glyphs installed (Debian: fonts-noto-cjk)")
    fig = plot.plot_schedule(_plan(), lang="zh")
    assert "还款计划" in fig.axes[0].get_title()
    # saved after plot_schedule returned, under the caller's own rcParams: still drawn
    fig.savefig(tmp_path / "late.png")
    assert (tmp_path / "late.png").read_bytes().startswith(PNG)
    cmp = hc.compare(DEBT, hc.JIEBEI, _plan())
    plot.plot_comparison(cmp, tmp_path / "zh.svg", lang="zh")
    assert (tmp_path / "zh.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_no_chinese_font_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(plot, "CJK_FONTS", ("No Such Font SC",))
    with pytest.raises(hc.InputError) as caught:
        plot.plot_schedule(_plan(), tmp_path / "x.png", lang="zh")
    err = caught.value
    assert (err.name, err.code) == ("lang", "err.plot.no_cjk_font")
    assert "No Such Font SC" in str(err)
    assert "fonts-noto-cjk" in str(err)
    assert "lang='en'" in str(err)
    assert not (tmp_path / "x.png").exists()
    # English needs no such font
    assert plot.plot_schedule(_plan(), lang="en").axes
    # the command line: exit 1 (an environment to fix), one line that says what to do
    target = tmp_path / "cli.png"
    argv = ["installment", "--principal", "5000", "--periods", "12", "--plot", str(target)]
    assert main([*argv, "--lang", "zh"], environ={}) == 1
    out, said = capsys.readouterr()
    assert out == ""
    assert said == (
        "huabei-calc: 错误: --plot: "
        + text("cli.msg.no_cjk_font", "zh", fonts="No Such Font SC")
        + "\n"
    )
    assert not target.exists()
