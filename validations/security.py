"""Security checks against a portal's baseline (``records.Baseline``: its first night's
surface, or one a person accepted after a redesign): scripts and frames loaded from an
origin the portal did not use before (挂马, injected scripts), and its home page's stable
parts changed at once (篡改, defacement). A first night has nothing to compare with: it
passes and its surface becomes the baseline (``warehouse.load``).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from portal_audit.i18n import Msg, msg
from portal_audit.records import Baseline, Surface
from portal_audit.urls import origin

from .content import ad_network, load_ad_networks, load_hidden_lexicon
from .verdicts import Check

NAMED = 5
EXCERPT = 60  # characters of a part shown before and after
FRAME_KEPT = 0.5  # the frame's links (menus, footer) sharing less than this with the baseline's: changed
FOOTER_KEPT = 0.5  # the footer's words this unlike the baseline's: changed


def _short(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


def script_origins_check(surface: Surface | None, baseline: Baseline | None, base_url: str) -> Check:
    """A script or frame from an origin the baseline lacks: an ad network's, or one whose
    address carries a gambling, adult or illicit site's words, fails (严重); any other
    warns (疑似: a person confirms, then accepts the baseline). The portal's own origin is
    never new."""
    if surface is None or not surface.home:
        return Check("script_origins", "unknown", msg("surface.not_read"))
    if baseline is None:
        return Check("script_origins", "pass", msg("origins.first", n=len(surface.origins)))
    own = origin(base_url)
    new = [o for o in surface.origins if o[0] not in baseline.origins and o[0] != own]
    if not new:
        return Check("script_origins", "pass", msg("origins.same", n=len(surface.origins), run=baseline.run_id))
    words, networks = load_hidden_lexicon(), load_ad_networks()

    def bad(found: str) -> bool:
        return ad_network(found, networks) is not None or words.match("", found) is not None

    serious = [o for o in new if bad(o[0])]
    named = [msg("origins.hit", origin=o, tag=msg(f"embed_tag.{tag}"), page=page)
             for o, tag, page in (serious or new)[:NAMED]]
    args = dict(n=len(new), named=named, run=baseline.run_id)
    if serious:
        return Check("script_origins", "fail", msg("origins.serious", serious=len(serious), **args))
    return Check("script_origins", "warn", msg("origins.new", **args))


def _changed(part: str, before: str, after: str) -> bool:
    if part == "frame":
        a, b = set(before.split("|")) - {""}, set(after.split("|")) - {""}
        return bool(a | b) and len(a & b) / len(a | b) < FRAME_KEPT
    if part == "footer":
        return SequenceMatcher(None, before, after).ratio() < FOOTER_KEPT
    return before != after


def defacement_check(surface: Surface | None, baseline: Baseline | None) -> Check:
    """The home page's stable parts against the baseline's: a changed part whose new text
    carries a gambling, adult or illicit site's words fails (严重: tampered); the title
    changed, or two parts at once, warns (疑似: tampered, or redesigned — ``portal-audit
    baseline accept`` adopts a redesign); a part alone changing a little passes."""
    if surface is None or not surface.home:
        return Check("defacement", "unknown", msg("surface.not_read"))
    if baseline is None:
        return Check("defacement", "pass", msg("deface.first"))
    before, after = dict(baseline.home), dict(surface.home)
    changed = [p for p in after if _changed(p, before.get(p, ""), after[p])]
    words = load_hidden_lexicon()
    planted = [p for p in changed if (hit := words.match(after[p], "")) is not None
               and words.match(before.get(p, ""), "") != hit]
    shown: list[Msg] = [msg("deface.part", part=msg(f"surface_part.{p}"), before=_short(before.get(p, "")) or "—",
                            after=_short(after[p]) or "—") for p in (planted or changed)[:NAMED]]
    since = msg("deface.since", run=baseline.run_id, accepted=msg("deface.accepted") if baseline.accepted
                else msg("empty"))
    if planted:
        return Check("defacement", "fail", msg("deface.serious", n=len(planted), shown=shown, since=since))
    if "title" in changed or len(changed) >= 2:
        return Check("defacement", "warn", msg("deface.changed", n=len(changed), shown=shown, since=since))
    return Check("defacement", "pass", msg("deface.same", since=since, n=len(changed)))
