import asyncio

import pytest

from extractors.fetch import Fetcher, FetchPolicy, Refused, TooLarge, Unreachable
from portal_audit.text import decode_html

LOOPBACK = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=1, backoff=0.01, timeout=5)


def fetch(url: str, policy: FetchPolicy = LOOPBACK):
    async def go():
        async with Fetcher(policy) as f:
            return await f.get(url)
    return asyncio.run(go())


def test_loopback_refused_without_allow_private_networks_and_never_contacted(site):
    pages, base = site
    pages.add("/index.html", "<html>ok</html>")
    with pytest.raises(Refused, match="allow_private_networks"):
        fetch(base + "index.html", FetchPolicy())
    assert pages.hits == []  # refused before any connection


@pytest.mark.parametrize("host", ["10.1.2.3", "192.168.0.1", "169.254.169.254", "[::1]", "localhost",
                                  # IPv6 forms that carry a private IPv4 address (issue 27)
                                  "[64:ff9b::7f00:1]", "[64:ff9b::a9fe:a9fe]", "[2002:a9fe:a9fe::1]",
                                  "[2002:7f00:1::]", "[::7f00:1]", "[::a01:203]", "[::ffff:10.1.2.3]",
                                  "[64:ff9b:1::808:808]"])
def test_private_and_metadata_addresses_refused(host):
    with pytest.raises(Refused):
        fetch(f"http://{host}/", FetchPolicy(retries=0))


def test_redirect_to_private_address_refused_on_the_hop(site):
    pages, base = site
    pages.add("/go", "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    # the test portal itself is trusted by name; the guard still applies to every hop
    policy = FetchPolicy(trusted_hosts=frozenset({"127.0.0.1"}), per_host_delay=0, retries=0, obey_robots=False)
    with pytest.raises(Refused, match="169.254.169.254 is a private"):
        fetch(base + "go", policy)
    assert pages.hits == ["/go"]


def test_redirects_followed(site):
    pages, base = site
    pages.add("/old", "", status=301, headers={"Location": "/new"})
    pages.add("/new", "<html><body>新页面</body></html>")
    page = fetch(base + "old")
    assert page.url.endswith("/new") and "新页面" in page.text


def test_404_and_503_are_unreachable_with_retries_counted(site):
    pages, base = site
    pages.add("/down", "busy", status=503)
    with pytest.raises(Unreachable, match="HTTP 404"):
        fetch(base + "missing")
    with pytest.raises(Unreachable, match=r"HTTP 503 after 2 tries"):
        fetch(base + "down")
    assert pages.hits.count("/down") == 2


def test_size_cap(site):
    pages, base = site
    pages.add("/big", "<html>" + "x" * 300_000 + "</html>")
    with pytest.raises(TooLarge, match="cap"):
        fetch(base + "big", FetchPolicy(allow_private_networks=True, max_bytes=100_000, per_host_delay=0))


def test_robots_txt_is_obeyed(site):
    pages, base = site
    pages.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    pages.add("/private/list.html", "<html></html>")
    with pytest.raises(Refused, match="robots.txt"):
        fetch(base + "private/list.html")
    assert "/private/list.html" not in pages.hits


def test_connection_refused_is_unreachable():
    from app.localpg import free_port

    port = free_port()
    with pytest.raises(Unreachable, match="connection failed"):
        fetch(f"http://127.0.0.1:{port}/")


def test_gbk_page_declared_gb2312_and_misdeclared_utf8():
    text = "<html><head><meta charset='gb2312'></head><body>鎔基 民政局 通知公告</body></html>"
    assert "鎔基 民政局" in decode_html(text.encode("gb18030"))
    wrong = "<html><head><meta charset='utf-8'></head><body>民政局通知公告</body></html>".encode("gbk")
    assert "民政局通知公告" in decode_html(wrong)
    assert "民政局" in decode_html("<p>民政局</p>".encode(), "gbk")  # header lies, body is UTF-8


def test_per_host_delay_spaces_requests(site):
    import time

    pages, base = site
    pages.add("/a", "<html>a</html>")

    async def go():
        async with Fetcher(FetchPolicy(allow_private_networks=True, per_host_delay=0.2, obey_robots=False)) as f:
            t = time.perf_counter()
            await asyncio.gather(*(f.get(base + "a") for _ in range(3)))
            return time.perf_counter() - t
    assert asyncio.run(go()) >= 0.4  # three requests to one host: two delays at least


def test_invalid_port_is_refused_not_a_crash():
    with pytest.raises(Refused, match="invalid port"):
        fetch("http://127.0.0.1:99999/list.html")


def _rebinding(monkeypatch, name: str, answers: list[str]) -> list[str]:
    """Patch name resolution in this process: ``name`` resolves to each of ``answers`` in
    turn (the last one from then on), as a rebinding DNS server answers."""
    import socket

    real = socket.getaddrinfo
    asked: list[str] = []

    def resolve(host, port, *args, **kwargs):
        if (host.decode() if isinstance(host, bytes) else host) == name:  # anyio asks with IDNA bytes
            answer = answers[min(len(asked), len(answers) - 1)]
            asked.append(answer)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answer, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return asked


def test_dns_rebinding_connects_only_to_the_address_the_guard_checked(site, monkeypatch):
    """The name answers a public address to the guard, then loopback: the connection goes to
    the public address the guard checked (unreachable here), never to the loopback service."""
    pages, base = site
    pages.add("/latest/meta-data/", "secret")
    port = base.rsplit(":", 1)[1].strip("/")
    asked = _rebinding(monkeypatch, "rebind.example.gov.cn", ["93.184.216.34", "127.0.0.1"])
    policy = FetchPolicy(per_host_delay=0, retries=0, obey_robots=False, connect_timeout=1, timeout=2)
    with pytest.raises(Unreachable):
        fetch(f"http://rebind.example.gov.cn:{port}/latest/meta-data/", policy)
    assert pages.hits == [] and asked == ["93.184.216.34"]  # resolved once, by the guard


def test_a_checked_answer_is_kept_for_its_ttl_then_checked_again(site, monkeypatch):
    import extractors.fetch as fetch_module

    pages, base = site
    port = base.rsplit(":", 1)[1].strip("/")
    asked = _rebinding(monkeypatch, "ttl.example.gov.cn", ["93.184.216.34", "127.0.0.1"])
    monkeypatch.setattr(fetch_module, "PIN_TTL", 0.0)
    policy = FetchPolicy(per_host_delay=0, retries=0, obey_robots=False, connect_timeout=1, timeout=2)

    async def twice():
        async with Fetcher(policy) as f:
            await f.check_url(f"http://ttl.example.gov.cn:{port}/")  # public: passes
            with pytest.raises(Refused):
                await f.check_url(f"http://ttl.example.gov.cn:{port}/")  # expired, asked again: loopback
    asyncio.run(twice())
    assert asked == ["93.184.216.34", "127.0.0.1"] and pages.hits == []


@pytest.mark.parametrize("answer", ["64:ff9b::7f00:1", "2002:a9fe:a9fe::", "::c0a8:1", "64:ff9b:1::5db8:d822"])
def test_a_name_answering_an_ipv6_form_of_a_private_address_is_refused(site, monkeypatch, answer):
    """NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48), 6to4 (2002::/16) and
    IPv4-compatible (::a.b.c.d) addresses counted as public: on a NAT64 network
    64:ff9b::7f00:1 is the gateway's loopback. They are judged by the IPv4 address inside."""
    import socket

    pages, base = site
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if (host.decode() if isinstance(host, bytes) else host) == "six.example.gov.cn":
            return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (answer, port, 0, 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(Refused, match="private"):
        fetch("http://six.example.gov.cn/", FetchPolicy(retries=0, obey_robots=False))
    assert pages.hits == []


def test_public_addresses_inside_ipv6_forms_stay_public():
    from extractors.fetch import _is_public

    assert _is_public("64:ff9b::808:808") and _is_public("2002:808:808::1") and _is_public("2400:3200::1")


def test_a_name_that_does_not_resolve_is_final_and_a_resolver_hiccup_is_retried():
    """Connected by name (the catalog allows private networks), "no such name" behind
    httpx's connection error ends the fetch at once, as the guard's own lookup does; a
    resolver that may answer later (EAI_AGAIN) is left to the retries. A rendered page's
    script on a dead host held its render 1.5 s of backoff before this."""
    import socket

    import httpx

    from extractors.fetch import _unresolved

    def raised(errno: int) -> httpx.ConnectError:
        try:
            try:
                raise socket.gaierror(errno, "resolver")
            except socket.gaierror as inner:
                raise httpx.ConnectError("[Errno -2] Name or service not known") from inner
        except httpx.ConnectError as outer:
            return outer

    assert _unresolved(raised(socket.EAI_NONAME)) is not None
    assert _unresolved(raised(socket.EAI_AGAIN)) is None
    assert _unresolved(httpx.ConnectError("connection refused")) is None
