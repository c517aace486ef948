from tests.sitebuild import build_site


def test_strict_build_succeeds_without_warnings():
    result = build_site()
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output


def test_build_produces_more_than_the_home_page():
    assert len(build_site().pages()) > 2
