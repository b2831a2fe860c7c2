"""The examples in the docstrings of posol's pure-Python modules run and hold."""

import doctest
import importlib

import pytest

MODULES = ["posol.batch", "posol._docs", "posol.tables", "posol.display", "posol.jsonio"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
