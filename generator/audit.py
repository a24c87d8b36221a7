"""Post-build audit: no page of the built site runs anything the theme did not put there.

Every HTML page is parsed with the standard library's HTMLParser (which unescapes attribute
values, so `&#106;avascript:` is seen as `javascript:`). A finding is any `on*` attribute; any
`javascript:`, `vbscript:` or `data:` URL in a URL attribute; any element that embeds or
redirects (`iframe`, `object`, `embed`, `base`, `meta http-equiv=refresh`, ...); and any
`<script>` outside a small allow-list of what Material emits (see `_theme_script`); and any
URL (a link, an image, a stylesheet, a `url()` in a style) to a host the site did not put
there (`generator.hosts`) or of a scheme it does not use (`mailto:`, `ftp:`...).
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator.hosts import THEME_HOSTS, url_target

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "to", "from", "values"}
)
#: Attributes holding URLs that may point elsewhere (beyond those that could run code).
ELSEWHERE_ATTRIBUTES = URL_ATTRIBUTES | {"background", "cite", "longdesc", "ping", "manifest"}
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)""", re.IGNORECASE)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
FORBIDDEN_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base"})
THEME_SCRIPTS = "assets/javascripts/"
# Material's two inline scripts, byte for byte but for the base URL of the page: the first sets
# up its local storage scope, the second opens the content tab named by the URL's #fragment.
_MD_REST = (
    ",__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,'
    "JSON.stringify(_))}catch(e){}}"
)
INLINE_SCRIPTS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r'__md_scope=new URL\("(?:\.|\.\.(?:/\.\.)*|/[\w./~-]*)",location\)' + re.escape(_MD_REST)
    ),
    re.compile(
        re.escape(
            "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
            '(target.checked=target.name.startsWith("__tabbed_"))'
        )
    ),
)
# Zensical's (0.0.73) two inline scripts in the same place, byte for byte but for the base URL:
# the storage scope (with the platform attribute), and the colour palette the reader chose.
_ZENSICAL_REST = (
    ',__md_scope.pathname.endsWith("/")||(__md_scope=new URL(__md_scope.pathname+"/",location)),'
    "__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),"
    '__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),'
    '__md_set=(e,t,_=localStorage,a=__md_scope)=>{try{_.setItem(a.pathname+"."+e,'
    'JSON.stringify(t))}catch(e){}},document.documentElement.setAttribute("data-platform",'
    "navigator.platform)"
)
_ZENSICAL_PALETTE = (
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"'
    '===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document'
    ".querySelector(media.matches?\"[data-md-color-media='(prefers-color-scheme: light)']\":"
    "\"[data-md-color-media='(prefers-color-scheme: dark)']\");palette.color.media=input"
    '.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute('
    '"data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),'
    'palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of '
    'Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}'
)
INLINE_SCRIPTS += (
    re.compile(
        r'__md_scope=new URL\("(?:\.|\.\.(?:/\.\.)*|/[\w./~-]*)",location\)'
        + re.escape(_ZENSICAL_REST)
    ),
    re.compile(re.escape(_ZENSICAL_PALETTE)),
)
_BELOW_SITE_PATH = re.compile(r"/(?:[\w.~-]+/)*?(assets/javascripts/[\w.~/-]+)")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these before the scheme


@dataclass(frozen=True, slots=True)
class Finding:
    """Something on a page that could run code: file, 1-based line and column, what it is."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: error[audit] {self.message}"


class _PageAuditor(HTMLParser):
    def __init__(
        self, site: Path, page: Path, display: str, hosts: frozenset[str] = THEME_HOSTS
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.site, self.page, self.display, self.hosts = site, page, display, hosts
        self.findings: list[Finding] = []
        self._script: tuple[dict[str, str], tuple[int, int], list[str]] | None = None
        self._in_style = False

    def report(self, message: str, position: tuple[int, int] | None = None) -> None:
        line, offset = position or self.getpos()
        self.findings.append(Finding(self.display, line, offset + 1, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.report(f"<{tag}> has an event handler attribute {name}={value!r}")
            elif name in URL_ATTRIBUTES and _bad_scheme(value):
                self.report(f"<{tag}> has a {_bad_scheme(value)} URL in {name}={value!r}")
            else:
                self._check_elsewhere(tag, name, value)
        if tag in FORBIDDEN_ELEMENTS:
            self.report(f"<{tag}> element (embeds or redirects content)")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.report("<meta http-equiv=refresh> (redirects the page)")
        if tag == "script":
            self._script = (values, self.getpos(), [])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[2].append(data)
        if self._in_style:
            self._check_urls("<style>", "its text", _css_urls(data))

    def _check_elsewhere(self, tag: str, name: str, value: str) -> None:
        if name in ELSEWHERE_ATTRIBUTES:
            self._check_urls(f"<{tag}>", name, [value])
        elif name in SRCSET_ATTRIBUTES:
            candidates = [part.split()[0] for part in value.split(",") if part.split()]
            self._check_urls(f"<{tag}>", name, candidates)
        elif name == "style":
            self._check_urls(f"<{tag}>", name, _css_urls(value))

    def _check_urls(self, element: str, where: str, urls: list[str]) -> None:
        for url in urls:
            target = url_target(url)
            if target is None or target in self.hosts:
                continue
            what = f"a {target} URL" if target.endswith(":") else f"a URL to the host {target!r}"
            self.report(f"{element} has {what} the site did not put there, in {where}: {url!r}")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag == "script" and self._script is not None:
            values, position, parts = self._script
            self._script = None
            body = "".join(parts)
            if not self._theme_script(values, body):
                shown = values.get("src") or body.strip()[:60]
                self.report(f"<script> the theme did not emit: {shown!r}", position)

    def _theme_script(self, attrs: dict[str, str], body: str) -> bool:
        if set(attrs) == {"src"} and not body.strip():
            return self._theme_file(attrs["src"])
        if attrs == {"id": "__config", "type": "application/json"}:
            return _is_json(body)
        return not attrs and any(pattern.fullmatch(body) for pattern in INLINE_SCRIPTS)

    def _theme_file(self, src: str) -> bool:
        """A file of the built site under assets/javascripts/ (what Material ships).

        Relative sources are resolved from the page. The 404 page uses absolute ones below the
        path of `site_url` (`/repo/assets/...`), which the built files do not record: any
        plain leading path is accepted there, as long as the file exists in this site.
        """
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or parts.query or parts.fragment:
            return False
        if parts.path.startswith("/"):
            below_base = _BELOW_SITE_PATH.fullmatch(parts.path)
            relative = posixpath.normpath(below_base.group(1)) if below_base else ""
        else:
            base = self.page.parent.relative_to(self.site).as_posix()
            relative = posixpath.normpath(posixpath.join(base, parts.path))
        return relative.startswith(THEME_SCRIPTS) and (self.site / relative).is_file()


def _bad_scheme(value: str) -> str | None:
    cleaned = _IGNORED_IN_URLS.sub("", value).lower()
    return next((scheme for scheme in BAD_SCHEMES if cleaned.startswith(scheme)), None)


def _css_urls(text: str) -> list[str]:
    return [found.group(1) or found.group(2) for found in _CSS_URL.finditer(text)]


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def audit_page(
    site: Path, page: Path, display: str, hosts: frozenset[str] = THEME_HOSTS
) -> list[Finding]:
    """The findings of one HTML page of the site built into `site` (which may name `hosts`)."""
    auditor = _PageAuditor(site, page, display, hosts)
    auditor.feed(page.read_text(encoding="utf-8", errors="replace"))
    auditor.close()
    return auditor.findings


def audit_site(site: Path, hosts: frozenset[str] = THEME_HOSTS) -> tuple[int, list[Finding]]:
    """How many pages were audited, and every finding, in file, line, column order."""
    pages = sorted(site.rglob("*.html"))
    findings = [
        finding for page in pages for finding in audit_page(site, page, page.as_posix(), hosts)
    ]
    return len(pages), sorted(findings, key=lambda item: (item.file, item.line, item.column))


def run_audit(site: Path, hosts: frozenset[str] = THEME_HOSTS) -> int:
    """Print the findings; exit status 0 clean, 1 findings, 2 no built site to audit."""
    if not site.is_dir():
        print(f"error: {site} is not a folder (build the site first)", file=sys.stderr)
        return 2
    count, findings = audit_site(site, hosts)
    if count == 0:
        print(f"error: no HTML page under {site} (build the site first)", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    print(f"Audited {count} pages of {site}: {len(findings)} findings.")
    return 1 if findings else 0
