"""The examples in the docstrings of posol's pure-Python modules run and hold."""

import doctest
import importlib

import pytest

# Each module with the optional packages its examples need.
MODULES = {
    "posol.batch": [],
    "posol._docs": [],
    "posol.tables": ["pandas"],
    "posol.display": [],
    "posol.jsonio": [],
}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_docstring_examples(name):
    for optional in MODULES[name]:
        pytest.importorskip(optional)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
