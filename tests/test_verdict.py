import pytest

from pressguard.verdict import fails, verdict_of


def test_verdict_is_about_the_fields():
    assert verdict_of({"headline": "ok", "template": "ok"}) == "healthy"
    assert verdict_of({"headline": "ok", "template": "template: u: expected x, found y"}) == "drift"
    assert verdict_of({"headline": "headline: u: expected a headline, found none", "template": "ok"}) == "broken"
    assert verdict_of({"authors": "authors: u: expected x, found []", "template": "template: …"}) == "broken"
    assert verdict_of({}) == "healthy"


def test_only_broken_fails_unless_drift_is_asked_for():
    assert fails("broken") and fails("broken", "drift")
    assert not fails("drift") and fails("drift", "drift")
    assert not fails("healthy", "drift")
    with pytest.raises(ValueError):
        fails("drift", "everything")
