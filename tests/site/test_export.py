"""`export-docs` writes the pages the plugin generates; Zensical builds them into the same site
as MkDocs (not yet publishing: this tells the day the move is safe); a site built without them
fails the post-build check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markupsafe import escape

from generator.audit import audit_site
from generator.check.pipeline import load_facts, read_facts
from generator.hosts import configured_hosts
from generator.site.completeness import missing_facts
from generator.site.export import MANIFEST, export_docs
from tests.site.conftest import REPO
from tests.site.test_build import broken_links

ZENSICAL = Path(sys.executable).parent / "zensical"


def exported(folder: Path, links: str = "site") -> Path:
    docs = folder / "docs"
    export_docs(docs, REPO / "mkdocs.yml", None, None, links)
    return docs


def test_an_unchanged_file_is_not_rewritten_and_a_stale_one_is_removed(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(REPO / "facts", facts)
    docs = tmp_path / "docs"
    first = export_docs(docs, REPO / "mkdocs.yml", None, facts, "site")
    stamps = {path: path.stat().st_mtime_ns for path in docs.rglob("*.md")}
    # the pages, the 4 downloads, the Atom feed and build.js (the citations' build and version)
    assert first[0] == len(stamps) + 6 and first[1] == 0
    assert export_docs(docs, REPO / "mkdocs.yml", None, facts, "site") == (0, first[0])
    political = facts / "diplomatic.yml"
    text = political.read_text(encoding="utf-8")
    claim = "especially majority-Muslim nations"  # a claim of a fact about the US alone
    political.write_text(text.replace(claim, "above all majority-Muslim nations"), "utf-8")
    written, _ = export_docs(docs, REPO / "mkdocs.yml", None, facts, "site")
    changed = {path for path, stamp in stamps.items() if path.stat().st_mtime_ns != stamp}
    # the pages showing the claim, and those alone, besides the one stating the data version
    downloads = docs / "downloads" / "index.md"
    assert downloads in changed and (docs / "assets" / "javascripts" / "build.js").is_file()
    shown = changed - {downloads}
    assert shown and all("above all majority-Muslim" in path.read_text("utf-8") for path in shown)
    assert docs / "countries" / "fr.md" not in changed
    assert 0 < written < first[0]
    (docs / "countries" / "xx.md").write_text("left by hand\n")  # not exported: kept
    listed = (docs / MANIFEST).read_text(encoding="utf-8").split()
    (docs / MANIFEST).write_text("\n".join([*listed, "countries/zz.md"]) + "\n")
    (docs / "countries" / "zz.md").write_text("exported once, no longer generated\n")
    export_docs(docs, REPO / "mkdocs.yml", None, facts, "site")
    assert not (docs / "countries" / "zz.md").exists()
    assert (docs / "countries" / "xx.md").exists()


def test_failing_facts_export_nothing(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "bad.yml").write_text("facts:\n  - id: x\n    claim: [\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "export-docs",
            str(tmp_path / "out"),
            "--config",
            str(REPO / "mkdocs.yml"),
            "--facts",
            str(facts),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1 and "nothing was exported" in result.stderr
    assert not (tmp_path / "out").exists()


def zensical_build(folder: Path, docs: Path) -> Path:
    """`zensical build` of the repository's mkdocs.yml (which Zensical reads) on `docs`."""
    for page in (REPO / "docs").rglob("*"):
        target = docs / page.relative_to(REPO / "docs")
        if page.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = docs.relative_to(folder).as_posix()  # Zensical panics on absolute
    config["site_dir"] = "site"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", str(folder / "mkdocs.yml")],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return folder / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("zensical")
    return zensical_build(folder, exported(folder, links="source"))


def pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


def test_zensical_builds_the_same_pages_as_mkdocs(zensical_site: Path, repo_site: Path) -> None:
    assert pages(zensical_site) == pages(repo_site)


def test_every_fact_and_claim_is_on_the_zensical_site(zensical_site: Path) -> None:
    base = load_facts(read_facts(REPO / "facts"))
    for entry in base.facts:
        fact = entry.model
        for code in fact.countries:
            page = zensical_site / "countries" / f"{code.lower()}.html"
            text = page.read_text(encoding="utf-8")
            assert f'id="fact-{fact.id}"' in text
            assert str(escape(fact.claim)) in text
    assert missing_facts(zensical_site, REPO / "facts") == []


def test_every_link_of_the_zensical_site_resolves(zensical_site: Path) -> None:
    assert broken_links(zensical_site) == []


def test_the_zensical_site_passes_the_audit(zensical_site: Path) -> None:
    count, findings = audit_site(zensical_site, configured_hosts(REPO / "mkdocs.yml"))
    assert count == len(pages(zensical_site)) and findings == []


def test_a_site_built_without_the_fact_pages_fails_the_check(
    tmp_path: Path, repo_site: Path
) -> None:
    """Zensical on the hand-written pages alone (the plugin ignored) builds without an error."""
    empty = zensical_build(tmp_path, tmp_path / "docs")
    (finding,) = missing_facts(empty, REPO / "facts")
    assert "none of the" in finding.message and "export-docs" in finding.message
    assert missing_facts(repo_site, REPO / "facts") == []
    result = subprocess.run(
        [sys.executable, "-m", "generator", "audit", str(empty), "--facts", str(REPO / "facts")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1 and "none of the" in result.stdout
