"""The catalog: every id has English and Chinese words with the same fields."""

from __future__ import annotations

import pytest

from huabei_calc._catalog import LANGS, MESSAGES, fields, text
from huabei_calc.errors import InputError


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_id_speaks_both_languages(code: str) -> None:
    en, zh = MESSAGES[code]
    assert en.strip(), code
    assert zh.strip(), code
    assert fields(en) == fields(zh), code
    params = dict.fromkeys(fields(en), "X")
    for lang in LANGS:
        assert text(code, lang, **params)


def test_chinese_words_are_chinese() -> None:
    # a zh entry that is only ASCII was most likely left untranslated
    untranslated = [code for code, (en, zh) in MESSAGES.items() if zh == en and zh.isascii()]
    assert not untranslated


def test_an_error_carries_its_id_and_speaks_both_languages() -> None:
    err = InputError("periods", 0, "err.whole_number", lo=1, hi=60)
    assert (err.code, err.params) == ("err.whole_number", {"lo": 1, "hi": 60})
    assert str(err) == err.message("en") == "periods=0 must be a whole number from 1 to 60"
    assert err.message("zh") == "periods=0 必须是 1 到 60 之间的整数"
