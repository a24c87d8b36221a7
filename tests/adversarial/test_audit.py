"""The post-build audit can fail: hand-made pages with each kind of active content are caught."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.audit import audit_site

MD_SCOPE = (
    '__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt'
    '(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.string'
    "ify(_))}catch(e){}}"
)
TABS = (
    "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
    '(target.checked=target.name.startsWith("__tabbed_"))'
)
THEME_PAGE = f"""<!doctype html>
<html><head>
<script>{MD_SCOPE}</script>
<script id="__config" type="application/json">{{"base": ".."}}</script>
</head><body>
<a href="../countries/au/">Australia</a> <a href="https://squidfunk.github.io/mkdocs-material/">theme</a>
<img src="../assets/images/favicon.png" alt="">
<p>javascript: is shown as text, and so is onclick=alert(1)</p>
<script>{TABS}</script>
<script src="../assets/javascripts/bundle.min.js"></script>
</body></html>
"""
#: The line of the page where `make_site` puts its extra snippet (where `</body>` was).
SNIPPET_LINE = THEME_PAGE[: THEME_PAGE.index("</body>")].count("\n") + 1

BAD = {
    '<a href="javascript:alert(1)">x</a>': "javascript: URL in href",
    '<a href="&#106;avascript:alert(1)">x</a>': "javascript: URL in href",
    '<a href="&#x6A;ava&#x09;script&colon;alert(1)">x</a>': "javascript: URL in href",
    '<a href=" JaVaScRiPt:alert(1)">x</a>': "javascript: URL in href",
    '<img src=x onerror="alert(1)">': "event handler attribute onerror",
    "<details open ontoggle=alert(1)>": "event handler attribute ontoggle",
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>': "javascript: URL in xlink:href",
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>': "data: URL in src",
    '<form><button formaction="javascript:alert(1)">go</button></form>': "in formaction",
    '<form action="vbscript:x"></form>': "vbscript: URL in action",
    "<script>alert(1)</script>": "<script> the theme did not emit: 'alert(1)'",
    f"<script>{MD_SCOPE};alert(1)</script>": "<script> the theme did not emit",
    '<script src="https://evil.example/x.js"></script>': "https://evil.example/x.js",
    '<script src="../docs/x.js"></script>': "<script> the theme did not emit: '../docs/x.js'",
    '<script src="../assets/javascripts/missing.js"></script>': "missing.js",
    '<script src="//evil.example/assets/javascripts/bundle.min.js"></script>': "evil.example",
    '<script src="/repo/assets/javascripts/../../x.js"></script>': "did not emit",
    '<script type="module">alert(1)</script>': "<script> the theme did not emit",
    '<script id="__config" type="application/json">alert(1)</script>': "did not emit",
    '<meta http-equiv="Refresh" content="0;url=javascript:alert(1)">': "<meta http-equiv=refresh>",
    '<object data="x.swf"></object>': "<object> element",
    '<base href="https://evil.example/">': "<base> element",
}


def make_site(root: Path, extra: str = "") -> Path:
    site = root / "site"
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "assets" / "javascripts" / "bundle.min.js").write_text("/* theme */\n")
    (site / "about").mkdir()
    page = THEME_PAGE.replace("</body>", extra + "\n</body>")
    (site / "about" / "index.html").write_text(page, encoding="utf-8")
    return site


def test_the_theme_page_is_clean(tmp_path: Path) -> None:
    assert audit_site(make_site(tmp_path)) == (1, [])


def test_the_404_pages_absolute_theme_script_is_clean(tmp_path: Path) -> None:
    """Material's 404 page loads its bundle by absolute path, below site_url's path."""
    snippet = '<script src="/repo/assets/javascripts/bundle.min.js"></script>'
    assert audit_site(make_site(tmp_path, snippet)) == (1, [])


@pytest.mark.parametrize("snippet", BAD)
def test_each_kind_of_active_content_is_found(snippet: str, tmp_path: Path) -> None:
    count, findings = audit_site(make_site(tmp_path, snippet))
    assert count == 1
    assert len(findings) >= 1, snippet
    assert any(BAD[snippet] in finding.message for finding in findings), findings
    assert all(finding.file.endswith("site/about/index.html") for finding in findings)
    assert {finding.line for finding in findings} == {SNIPPET_LINE}


def run_audit(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "audit", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_command_exits_1_on_findings_and_names_file_and_line(tmp_path: Path) -> None:
    site = make_site(tmp_path, '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>')
    completed = run_audit(str(site))
    assert completed.returncode == 1, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(
        f"{site.as_posix()}/about/index.html:{SNIPPET_LINE}:1: error[audit] <a> has"
    )
    assert "onerror" in lines[1]
    assert lines[2] == f"Audited 1 pages of {site}: 2 findings."


def test_the_command_exits_0_on_a_clean_site_and_2_without_one(tmp_path: Path) -> None:
    assert run_audit(str(make_site(tmp_path))).returncode == 0
    assert run_audit(str(tmp_path / "nowhere")).returncode == 2
    (tmp_path / "empty").mkdir()
    assert run_audit(str(tmp_path / "empty")).returncode == 2
