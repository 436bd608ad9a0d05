"""The command line's words in English and Chinese: labels, help and messages.

Presentation only: nothing here feeds back into a calculation.
"""

from __future__ import annotations

import re
from typing import Final, Literal

__all__ = ["HELP", "LABELS", "MESSAGES", "Lang", "text", "translate_error"]

Lang = Literal["en", "zh"]

LABELS: Final[dict[str, tuple[str, str]]] = {
    # titles
    "title_accrue": ("Overdue charges", "逾期费用"),
    "title_schedule": ("Repayment schedule", "还款计划"),
    "title_installment": ("Huabei installment (花呗分期)", "花呗分期"),
    "title_freeze": ("停息挂账 plan (interest frozen)", "停息挂账方案"),
    "title_compare": ("停息挂账 compared with charges still accruing", "停息挂账与继续计息对比"),
    "title_apr": ("Annualised rate (年化利率)", "年化利率"),
    # summary and column labels
    "product": ("Product", "产品"),
    "rate": ("Rate", "利率"),
    "overdue_rate": ("Overdue rate", "逾期利率"),
    "since": ("Missed due date", "逾期起始日（应还款日）"),
    "until": ("Until", "计算截止日"),
    "days": ("Days", "天数"),
    "principal": ("Principal", "本金"),
    "interest": ("Interest", "利息"),
    "fees": ("Fees", "手续费"),
    "penalty": ("Penalty", "罚息/逾期费"),
    "debt_total": ("Debt total", "欠款总额"),
    "charged": ("Charged", "新增费用"),
    "total_after": ("Owed at the end", "截止日欠款"),
    "first": ("From", "起"),
    "last": ("To", "止"),
    "base": ("Base", "计费基数"),
    "daily_charge": ("Per day", "每日费用"),
    "method": ("Method", "还款方式"),
    "periods": ("Periods", "期数"),
    "start": ("Start", "起始日"),
    "interest_basis": ("Interest basis", "计息方式"),
    "fee_rate": ("Fee rate (whole term)", "总费率"),
    "total_payment": ("Total paid", "还款总额"),
    "total_interest": ("Total interest", "利息总额"),
    "total_fee": ("Total fee", "手续费总额"),
    "apr": ("APR, disclosed (IRR × 12)", "年化利率（IRR × 12，公示口径）"),
    "effective_annual_rate": ("Effective annual rate", "实际年利率（复利）"),
    "irr": ("Periodic IRR (per month)", "每期内部收益率（月）"),
    "xirr": ("Effective annual rate (XIRR)", "实际年利率（XIRR）"),
    "flows": ("Cash flows", "现金流笔数"),
    "waived": ("Waived", "减免"),
    "frozen_amount": ("Frozen amount", "挂账金额"),
    "down_payment": ("Down payment", "首付"),
    "monthly_payment": ("Monthly payment", "每月还款"),
    "frozen_total": ("Frozen total (停息挂账)", "停息挂账还款总额"),
    "accruing_total": ("Accruing total (same payments)", "继续计息还款总额（同样还款）"),
    "accruing_cleared_on": ("Accruing debt cleared on", "继续计息结清日"),
    "untouched_balance": ("Untouched balance at plan end", "不还款时计划结束日欠款"),
    "saving": ("Saving", "节省"),
    "max_months": ("Horizon (months)", "计算期限（月）"),
    "budget": ("Monthly budget", "每月预算"),
    "period": ("Period", "期数"),
    "due": ("Due", "还款日"),
    "payment": ("Payment", "应还"),
    "fee": ("Fee", "手续费"),
    "balance": ("Balance", "剩余本金"),
    "date": ("Date", "日期"),
    "frozen_balance": ("Frozen balance", "挂账余额"),
    "accruing_balance": ("Accruing balance", "继续计息余额"),
    "untouched_balance_col": ("Untouched balance", "不还款余额"),
    # values
    "huabei": ("Huabei (花呗)", "花呗"),
    "jiebei": ("Jiebei (借呗)", "借呗"),
    "equal-installment": ("equal installment (等额本息)", "等额本息"),
    "equal-principal": ("equal principal (等额本金)", "等额本金"),
    "interest-only": ("interest only (先息后本)", "先息后本"),
    "flat-fee": ("flat fee (花呗分期)", "花呗分期"),
    "monthly": ("monthly rate per period", "按月利率"),
    "actual": ("daily rate × actual days", "按日计息（实际天数）"),
    "none": ("nothing", "无"),
    "total": ("Total", "合计"),
    "first_payment": ("Period 1 payment (takes the remainder)", "第1期还款（含尾差）"),
    "rate_day": ("{value}/day", "日利率 {value}"),
    "rate_month": ("{value}/month", "月利率 {value}"),
    "rate_year": ("{value}/year", "年利率 {value}"),
    "never_cleared": (
        "not cleared within {months} months (still owed then: {amount})",
        "{months}个月内还不清（届时仍欠 {amount}）",
    ),
    "historic_fee": (
        "{rate} (historic Huabei bill-installment rate; yours is shown in the app)",
        "{rate}（花呗账单分期历史费率，以支付宝显示为准）",
    ),
}

HELP: Final[dict[str, tuple[str, str]]] = {
    "budget": (
        "instead of --periods: the shortest plan whose monthly payment fits this amount",
        "代替 --periods：每月还款不超过此金额的最短方案",
    ),
    "since_plan": (
        "bring the debt forward from this missed due date to --start first (needs --product)",
        "先把欠款从这个逾期日计到 --start（需要 --product）",
    ),
    "summary": ("print only the summary", "只显示摘要"),
    "rows": ("also print the month-by-month table", "同时显示逐月明细表"),
    "description": (
        "Exact Huabei (花呗) / Jiebei (借呗) calculators: overdue charges, schedules, "
        "true annual rates and 停息挂账 plans.",
        "花呗/借呗精确计算：逾期费用、还款计划、真实年化利率和停息挂账方案。",
    ),
    "commands": ("commands", "子命令"),
    "options": ("options", "选项"),
    "help": ("show this help and exit", "显示帮助并退出"),
    "version": ("show the version and exit", "显示版本并退出"),
    "accrue": ("overdue charges on a debt (逾期费/罚息)", "计算逾期费用（逾期费/罚息）"),
    "schedule": ("a loan's repayment schedule", "贷款还款计划"),
    "installment": ("a Huabei installment (花呗分期) and its true rate", "花呗分期及其真实年化"),
    "freeze": ("a 停息挂账 plan", "停息挂账方案"),
    "compare": ("what a 停息挂账 plan saves", "停息挂账能省多少"),
    "apr": ("annualised rate of cash flows (IRR/XIRR)", "现金流的年化利率（IRR/XIRR）"),
    "format": ("output format (default: table)", "输出格式（默认 table）"),
    "lang": ("language of labels and messages (default: en)", "标签和提示的语言（默认 en）"),
    "principal": ("principal in yuan, e.g. 20000", "本金（元），如 20000"),
    "interest": ("unpaid interest in yuan (default 0)", "未还利息（元，默认 0）"),
    "fees": ("unpaid fees in yuan (default 0)", "未还手续费（元，默认 0）"),
    "penalty": ("penalty already charged in yuan (default 0)", "已产生的罚息/逾期费（元，默认 0）"),
    "product": ("huabei (花呗) or jiebei (借呗)", "huabei（花呗）或 jiebei（借呗）"),
    "product_rate": (
        "the product's rate: 0.05%% (daily), 0.05%%/day, 日利率万分之五 …",
        "产品利率：0.05%%（日利率）、0.05%%/day、日利率万分之五 …",
    ),
    "since": ("the missed due date, YYYY-MM-DD", "逾期的应还款日，YYYY-MM-DD"),
    "until": ("count charges through this date, YYYY-MM-DD", "计算到这一天（含），YYYY-MM-DD"),
    "days": ("count this many days after --since", "从 --since 起算的天数"),
    "periods": ("number of monthly periods", "期数（月）"),
    "schedule_rate": (
        "the loan's rate with its period: 4.9%%/year, 年化4.9%%, 0.05%%/day",
        "带期限的利率：4.9%%/year、年化4.9%%、0.05%%/day",
    ),
    "method": ("how the loan is repaid", "还款方式"),
    "start": ("start date, YYYY-MM-DD (default: today)", "起始日，YYYY-MM-DD（默认今天）"),
    "interest_basis": (
        "monthly: monthly rate per period; actual: daily rate × actual days",
        "monthly：按月利率；actual：按日利率×实际天数",
    ),
    "fee_rate": (
        "total fee rate for the term, e.g. 8.8%% (default: historic Huabei table)",
        "整个分期的总费率，如 8.8%%（默认：花呗历史费率表）",
    ),
    "down_payment": (
        "down payment: an amount or a percentage (5%%)",
        "首付：金额或百分比（如 5%%）",
    ),
    "waive": (
        "buckets waived: penalty,interest,fees (or 罚息,利息,手续费)",
        "减免的项目：罚息,利息,手续费（或 penalty,interest,fees）",
    ),
    "max_months": (
        "stop the accruing scenario after this many months",
        "继续计息情形最多计算的月数",
    ),
    "plot": (
        "also draw the balances into this file (.png, .svg or .pdf)",
        "另将余额走势画到该文件（.png、.svg 或 .pdf）",
    ),
    "flows": (
        "periodic (monthly) flows, e.g. --flows=-10000,906.67,…",
        "按月现金流，如 --flows=-10000,906.67,…",
    ),
    "dated": (
        "dated flows: 2025-01-01:-10000,2025-02-01:906.67,…",
        "带日期的现金流：2025-01-01:-10000,2025-02-01:906.67,…",
    ),
}

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "periods_or_budget": (
        "is missing: give --periods N (or N,N,… for compare) or --budget AMOUNT",
        "缺失：请给出 --periods N（compare 可写 N,N,…）或 --budget 金额",
    ),
    "budget_or_periods": (
        "and --periods cannot both be given: the budget chooses the periods",
        "不能与 --periods 同时给出：期数由预算决定",
    ),
    "since_needs_product": (
        "needs --product (huabei or jiebei) to bring the debt forward",
        "需要 --product（huabei 或 jiebei）才能计算逾期费用",
    ),
    "error": ("error", "错误"),
    "not_number": (
        "is not a number; write an amount like 1234.56",
        "不是数字；请写金额，如 1234.56",
    ),
    "not_count": ("is not a whole number", "不是整数"),
    "days_range": ("must be between 0 and {hi}", "必须在 0 到 {hi} 之间"),
    "not_date": (
        "is not a date; write YYYY-MM-DD, e.g. 2025-07-01",
        "不是日期；请写 YYYY-MM-DD，如 2025-07-01",
    ),
    "bare_rate": (
        "is a bare number; write a percentage such as 0.05% (the product's daily rate) "
        "or name the period: 0.05%/day",
        "是裸数字；请写百分比，如 0.05%（产品日利率），或写明期限：0.05%/day",
    ),
    "flow": (
        "has a flow that is not a number: {item}",
        "中有一笔不是数字：{item}",
    ),
    "flow_empty": (
        "has an empty flow; write numbers separated by commas, e.g. --flows=-10000,906.67",
        "中有一笔是空的；请写用逗号分隔的数字，如 --flows=-10000,906.67",
    ),
    "date_range": ("goes past 9999-12-31", "超出了 9999-12-31"),
    "dated_flow": (
        "has an item that is not DATE:AMOUNT: {item}",
        "中有一项不是 日期:金额 格式：{item}",
    ),
    "see_help": ("see --help", "参见 --help"),
    "plot_suffix": ("must end in .png, .svg or .pdf", "须以 .png、.svg 或 .pdf 结尾"),
    "plot_dir": ("is in a directory that does not exist", "所在目录不存在"),
    "plot_write": ("could not be written: {reason}", "无法写入：{reason}"),
}

# argparse's own messages (English, from the stdlib) and their Chinese framing.
_ARGPARSE_ZH: Final = (
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"one of the arguments (.*) is required", r"必须给出以下参数之一：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"参数 \1：无效的选择 \2（可选：\3）",
    ),
    (r"argument (\S+): expected one argument", r"参数 \1：需要一个值"),
    (r"argument (\S+): not allowed with argument (.*)", r"参数 \1：不能与 \2 同时使用"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 有歧义，可能是：\2"),
)

# The library's messages (InputError.accepted) most often seen at the command line.
_LIBRARY_ZH: Final = (
    (r"is not a number; pass an amount in yuan like '1234.56'", "不是数字；请写金额，如 1234.56"),
    (r"must not be negative", "不能为负数"),
    (r"must be greater than 0", "必须大于 0"),
    (r"has more than two decimals.*", "超过两位小数；金额以元为单位，精确到分"),
    (r"must be a finite amount.*", "必须是有限的金额"),
    (
        r"has (no unit and no period|no period|no unit); write .*",
        "没有写明单位或期限；请写 '0.05%/day'、'4.9%/year'、'日利率万分之五' 或 '年化4.9%'",
    ),
    (
        r"must be between (\d+) and (\d+) \(the default limit follows the credit-card rules.*",
        r"必须在 \1 到 \2 之间（默认上限参照信用卡业务监督管理办法第七十条：个性化分期最长 5 年）",
    ),
    (r"must be between (\d+) and (\d+).*", r"必须在 \1 到 \2 之间"),
    (r"must be a whole number between (\d+) and (\d+)", r"必须是 \1 到 \2 之间的整数"),
    (r"is before since=(\S+)", r"早于起始日 \1"),
    (r"is above (\S+) a day, almost certainly a unit mistake.*", r"高于日利率 \1，可能写错了单位"),
    (
        r"is above (\S+) a month, almost certainly a unit mistake.*",
        r"高于月利率 \1，可能写错了单位",
    ),
    (r"is above (\S+) a year, almost certainly a unit mistake.*", r"高于年利率 \1，可能写错了单位"),
    (r"must be less than the frozen amount (\S+)", r"必须小于挂账金额 \1"),
    (
        r"is not a term .*\(terms: (.*)\); pass fee_rate.*",
        r"不在分期费率表中（可选期数：\1）；请用 --fee-rate 给出费率",
    ),
    (r"names '(\w+)'; accepted: (.*)", r"含有 '\1'；可选：\2"),
    (r"must change sign .*", "必须有正有负（借出为负、还款为正），否则没有利率能使净现值为零"),
    (r"must still change sign .*", "同一日期的现金流合并后仍须有正有负"),
    (r"must hold at least two cash flows", "至少需要两笔现金流"),
    (r"are all zero.*", "全部为零，任何利率都使净现值为零"),
    (r"must be at most 10\^12 yuan.*", "不能超过 10^12 元"),
    (r"is above 100%; write .*", "超过 100%；请写 '8.8%' 或 '0.088'"),
    (
        r"must be a rate such as .*",
        "不是利率；请写 '0.05%'、'5‱'、'0.5‰'、'万分之五' 或小数，如 '0.0005'",
    ),
    (r"must be a finite, non-negative rate", "必须是有限的非负利率"),
    (r"must be at most (\S+)", r"不能超过 \1"),
    (r"names two different periods", "写了两个不同的期限"),
    (r"is below 1e-100.*", "小于 1e-100，可能写错了单位；无息请写 0"),
    (r"is too late: period (\d+) would fall after 9999-12-31", r"太晚：第\1期将晚于 9999-12-31"),
    (r"is too far after since=(\S+):.*", r"距起始日 \1 太远：欠款将超过 10^30 元"),
    (r"names a bucket twice", "重复列出了同一项目"),
    (r"leaves nothing to repay after the waiver", "减免后已无欠款可分期"),
    (r"must be an amount or a percentage like '10%'", "必须是金额或百分比，如 '10%'"),
    (r"must be a percentage from 0% to below 100%", "必须是 0% 到 100%（不含）之间的百分比"),
    (
        r"is too many for (\S+): it would leave installments of 0\.00; at most (\d+) periods",
        r"期数太多：\1 分这么多期每期不足 0.01 元；最多 \2 期",
    ),
    (
        r"gives, with (\S+) and a markup of (\S+), an overdue rate of (\S+)/day, which .*",
        r"上浮后的逾期日利率为 \3，高于日利率 1%，可能写错了单位",
    ),
    (r"no rate between .* makes the NPV zero.*", "没有任何利率能使净现值为零（没有内部收益率）"),
    (r"could not tell if the NPV has a root.*", "无法确定是否存在使净现值为零的利率"),
)


def text(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    """The English or Chinese text under ``key``."""
    en, zh = table[key]
    return zh if lang == "zh" else en


def translate_error(message: str, lang: Lang, *, library: bool = False) -> str:
    """A message from argparse (or the library) in ``lang``; English when no match is known."""
    if lang != "zh":
        return message
    index = re.match(r"at index (\d+) (.*)", message) if library else None
    if index:  # the library counts from 0; people count flows from 1
        return f"第{int(index[1]) + 1}笔{translate_error(index[2], lang, library=True)}"
    for pattern, replacement in _LIBRARY_ZH if library else _ARGPARSE_ZH:
        translated, count = re.subn(rf"^{pattern}$", replacement, message)
        if count:
            return translated
    return message
