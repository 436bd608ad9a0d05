"""The catalog: every word a user reads, in English and Chinese, keyed by a stable id.

Like gettext's msgid: library errors carry an id (:attr:`InputError.code`) and their
parameters; the command line, the charts and the documents look the words up here
by id and never translate by matching English text. Each entry is
``id: (English, 中文)``; both are ``str.format`` templates with the same fields.

Ids are dotted by area: ``err.*`` for library error messages (the part after
``name=value``), ``cli.*`` for the command line, ``plot.*`` for charts,
``draft.*`` for the negotiation document. Sections below are kept apart so that
each area grows in its own place.

>>> text("err.not_negative", "zh")
'不能为负数'
>>> text("err.whole_number", "en", lo=1, hi=60)
'must be a whole number from 1 to 60'
"""

from __future__ import annotations

import string
from typing import Final, Literal

__all__ = ["LANGS", "MESSAGES", "Lang", "fields", "text"]

Lang = Literal["en", "zh"]
"""The languages of every label and message: English or Chinese (简体中文)."""

LANGS: Final[tuple[Lang, ...]] = ("en", "zh")

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # == errors: amounts, rates, dates, counts (core) ==================================
    "err.not_negative": ("must not be negative", "不能为负数"),
    "err.whole_number": (
        "must be a whole number from {lo} to {hi}",
        "必须是 {lo} 到 {hi} 之间的整数",
    ),
    "err.date": (
        "must be a datetime.date such as date(2025, 1, 10)",
        "必须是 datetime.date 日期，例如 date(2025, 1, 10)",
    ),
    "err.date_not_datetime": (
        "is a datetime; pass a datetime.date (its .date())",
        "是 datetime；请传入 datetime.date（用它的 .date()）",
    ),
    "err.past_last_date": (
        "is too late: {months} months after {start} falls after 9999-12-31",
        "太晚：{start} 之后 {months} 个月将晚于 9999-12-31",
    ),
    # == errors: rates of return (solver) =============================================
    # == errors: cases and drafts ======================================================
    # == errors: portfolios ============================================================
    "err.max_months_short": (
        "must be at least the plan's {periods} periods",
        "不能少于计划的 {periods} 期",
    ),
    "err.compare_too_large": (
        "is too long: within {months} months the debt would pass 10^30 yuan; "
        "pass a smaller max_months",
        "太长：{months} 个月内债务将超过 10^30 元；请减小 max_months",
    ),
    "err.batch_record": (
        "must be a mapping of column names to values",
        "必须是“列名 → 值”的映射",
    ),
    "err.batch_records": (
        "must be an iterable of records (mappings), such as a list of dicts or a csv.DictReader",
        "必须是由记录（映射）组成的可迭代对象，例如 dict 列表或 csv.DictReader",
    ),
    "err.batch_cell": (
        "in column {column}: {reason}",
        "（{column} 列）：{reason}",
    ),
    "err.batch_frame": (
        "must be a pandas DataFrame",
        "必须是 pandas DataFrame",
    ),
    "err.batch_product": (
        "must be huabei, jiebei, 花呗, 借呗 or a Jiebei daily rate such as 0.05%/day: {reason}",
        "必须是 huabei、jiebei、花呗、借呗，或借呗日利率如 0.05%/day：{reason}",
    ),
    "err.batch_date": (
        "must be a date written YYYY-MM-DD, such as 2025-01-10",
        "必须是 YYYY-MM-DD 格式的日期，例如 2025-01-10",
    ),
    "err.batch_since_after_on": (
        "is after on={on}: the debt cannot be overdue since a later date",
        "晚于 on={on}：逾期日不能晚于计算日",
    ),
    # == errors: legal lines and rules =================================================
    # == command line ==================================================================
    # == charts ========================================================================
    # == the negotiation draft =========================================================
    # == batch runs ====================================================================
    "cli.batch.help": (
        "compare a 停息挂账 plan for every debtor of a CSV or JSON Lines file",
        "为 CSV 或 JSON Lines 文件中的每位债务人对比停息挂账方案",
    ),
    "cli.batch.options": ("options", "选项"),
    "cli.batch.help_help": ("show this help and exit", "显示此帮助并退出"),
    "cli.batch.in": (
        "input: CSV (UTF-8, with or without BOM) with columns id, product, principal "
        "[, interest, fees, penalty, overdue_since, budget], or JSON Lines (.jsonl)",
        "输入：CSV（UTF-8，可带 BOM），列为 id、product、principal"
        "［、interest、fees、penalty、overdue_since、budget］；或 JSON Lines（.jsonl）",
    ),
    "cli.batch.out": (
        "output: CSV, or JSON Lines if it ends in .jsonl/.ndjson",
        "输出：CSV；以 .jsonl/.ndjson 结尾时为 JSON Lines",
    ),
    "cli.batch.on": (
        "the date of the comparison and the plans' start (default: today)",
        "计算日，也是方案起始日（默认：今天）",
    ),
    "cli.batch.periods": ("plan periods (default 36)", "方案期数（默认 36）"),
    "cli.batch.waive": (
        "buckets waived by the plans (default penalty)",
        "方案减免的项目（默认 penalty 罚息）",
    ),
    "cli.batch.down_payment": (
        "down payment: an amount or a percentage such as 5%",
        "首付：金额或百分比，例如 5%",
    ),
    "cli.batch.budget_column": (
        "the column holding each debtor's monthly budget (then plan_for_budget)",
        "每位债务人月预算所在的列（此时按预算定方案）",
    ),
    "cli.batch.workers": (
        "processes to use (default 1); the output is the same",
        "使用的进程数（默认 1）；输出完全相同",
    ),
    "cli.batch.dask": (
        "run on a Dask cluster: its scheduler address, or 'local'",
        "在 Dask 集群上运行：调度器地址，或 local",
    ),
    "cli.batch.strict": (
        "exit with status 1 if any row has an error",
        "任一行出错时以状态 1 退出",
    ),
    "cli.batch.force": ("overwrite the output if it exists", "输出文件已存在时覆盖"),
    "cli.batch.lang": ("language of the messages", "提示语言"),
    "cli.batch.exists": (
        "{path} exists; pass --force to overwrite it",
        "{path} 已存在；如需覆盖请加 --force",
    ),
    "cli.batch.no_dir": ("the folder {path} does not exist", "目录 {path} 不存在"),
    "cli.batch.read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "cli.batch.missing": (
        "{path} lacks the required columns: {columns}",
        "{path} 缺少必需的列：{columns}",
    ),
    "cli.batch.not_date": (
        "--on={value} must be a date written YYYY-MM-DD",
        "--on={value} 必须是 YYYY-MM-DD 格式的日期",
    ),
    "cli.batch.not_count": (
        "{option}={value} must be a whole number",
        "{option}={value} 必须是整数",
    ),
    "cli.batch.workers_range": (
        "--workers={value} must be a whole number from 1 to {hi}",
        "--workers={value} 必须是 1 到 {hi} 之间的整数",
    ),
    "cli.batch.no_dask": (
        "--dask needs the dask extra: pip install 'huabei-calc[dask]'",
        "--dask 需要 dask 扩展：pip install 'huabei-calc[dask]'",
    ),
    "cli.batch.dask_connect": (
        "--dask={address}: cannot reach the scheduler: {reason}",
        "--dask={address}：无法连接调度器：{reason}",
    ),
    "cli.batch.done": (
        "{rows} rows, {errors} with errors → {path}; frozen total {frozen_total}, "
        "accruing total {accruing_total}, saving {saving}",
        "共 {rows} 行，{errors} 行出错 → {path}；停息挂账合计 {frozen_total}，"
        "继续计息合计 {accruing_total}，节省 {saving}",
    ),
    # == rules: reference lines, minimum payment, settlement ===========================
}


def text(code: str, lang: Lang = "en", /, **params: object) -> str:
    """The words of ``code`` in ``lang``, formatted with ``params``.

    An unknown id is a programming error (``KeyError``), never shown to a user:
    a test walks every id and checks both languages and their fields.
    """
    en, zh = MESSAGES[code]
    return (zh if lang == "zh" else en).format(**params)


def fields(template: str) -> frozenset[str]:
    """The ``{field}`` names a template uses (for the catalog's own test)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)
