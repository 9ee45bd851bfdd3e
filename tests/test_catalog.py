from pathlib import Path

import pytest

from portal_audit.catalog import CatalogError, load_catalog, parse_catalog

REPO = Path(__file__).resolve().parents[1]

GOOD = """\
portals:
  - id: p1
    name: 示例局
    base_url: https://www.example.gov.cn/
    columns:
      - id: news
        path: [新闻动态, 工作动态]
        url: /col/col1/index.html
        frequency: 及時(shí)更新
      - id: budget
        path: [财政资金, 部门预算]
        url: https://www.example.gov.cn/col/col2/
        frequency: 年度更新
        category: planning
        responsible: 办公室
"""


def test_demo_catalog_has_the_75_rows_of_seed_003_and_a_mailbox():
    cat = load_catalog(REPO / "catalogs" / "demo.yaml")
    cols = cat.portals[0].columns
    assert len(cols) == 76 and cols[75].category == "consultation"  # the 局长信箱 seed 003 does not list
    assert cols[0].path == ["政策法规", "部门文件"] and cols[0].responsible == "各科室"
    assert cols[1].path == ["政策法规", "规范性文件发布"]  # row 2 inherits its upper level
    assert cols[6].responsible == "办公室" and cols[7].frequency == "季度更新"  # simplified, as published
    assert [c.frequency_code for c in cols].count("quarterly") == 4
    assert cols[54].frequency == "月度更新" and cols[54].frequency_code == "monthly"
    assert cat.allow_private_networks is True


def test_good_catalog_resolves_relative_urls():
    cat = parse_catalog(GOOD)
    p = cat.portals[0]
    assert p.column_url(p.columns[0]) == "https://www.example.gov.cn/col/col1/index.html"
    assert p.columns[0].frequency_code == "timely"
    assert p.columns[1].category == "planning"
    assert cat.allow_private_networks is False


def test_unknown_frequency_names_line_and_field():
    bad = GOOD.replace("年度更新", "偶尔更新")
    with pytest.raises(CatalogError) as err:
        parse_catalog(bad, "cat.yaml")
    msg = str(err.value)
    assert "cat.yaml:13:" in msg and "portals[0].columns[1].frequency" in msg and "偶尔更新" in msg


def test_missing_field_names_the_entry():
    bad = GOOD.replace("        frequency: 年度更新\n", "")
    with pytest.raises(CatalogError) as err:
        parse_catalog(bad, "cat.yaml")
    assert "cat.yaml:10:" in str(err.value) and "columns[1].frequency" in str(err.value)


def test_yaml_syntax_error_names_the_line():
    with pytest.raises(CatalogError, match=r"cat.yaml:[34]: 不是有效的 YAML"):
        parse_catalog("portals:\n  - id: x\n    name: [unclosed\n", "cat.yaml")


def test_duplicate_column_ids_and_bad_base_url():
    dup = GOOD.replace("id: budget", "id: news")
    with pytest.raises(CatalogError, match="栏目编号 news 重复"):
        parse_catalog(dup)
    with pytest.raises(CatalogError, match=r":4: portals\[0\].base_url"):
        parse_catalog(GOOD.replace("https://www.example.gov.cn/\n", "ftp://x\n", 1))


def test_unknown_field_and_category_rejected():
    with pytest.raises(CatalogError, match="colour"):
        parse_catalog(GOOD.replace("category: planning", "colour: red"))
    with pytest.raises(CatalogError, match="category"):
        parse_catalog(GOOD.replace("category: planning", "category: gossip"))


def test_select_unknown_portal():
    cat = parse_catalog(GOOD)
    assert [p.id for p in cat.select(None)] == ["p1"]
    with pytest.raises(CatalogError, match="目录中没有网站 nope"):
        cat.select(["nope"])


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://x.gov.cn/list", "http://"])
def test_column_urls_must_be_http_or_relative(url):
    with pytest.raises(CatalogError, match=r":8: portals\[0\].columns\[0\].url: url 须为 http\(s\) 网址"):
        parse_catalog(GOOD.replace("/col/col1/index.html", url), "c.yaml")


def test_invalid_port_is_a_catalog_error():
    with pytest.raises(CatalogError, match=r":4: portals\[0\].base_url: base_url 的端口无效"):
        parse_catalog(GOOD.replace("https://www.example.gov.cn/\n", "http://127.0.0.1:99999/\n", 1), "c.yaml")


def _big_catalog(portals: int, frequency: str = "每月更新") -> str:
    rows = "".join(f"""\
  - id: p{p}
    name: 示例县第{p}个部门
    base_url: https://www.dept{p}.example.gov.cn/
    columns:
""" + "".join(f"""\
      - id: c{c}
        path: [政务公开, 栏目{c}]
        url: /col/col{c}/index.html
        frequency: {frequency if (p, c) == (portals - 1, 4) else "及时更新"}
        responsible: 办公室
""" for c in range(5)) for p in range(portals))
    return "portals:\n" + rows


def test_a_large_catalog_is_streamed_pickled_and_loads_the_same(tmp_path):
    """A national catalog is read portal by portal from libyaml's events, each kept pickled
    (``Portals``): the same portals come back as from the whole parse; a bad one is still
    reported by line and field (the whole parse words it)."""
    from portal_audit.catalog import Portals, load_portals

    text = _big_catalog(1_000)
    path = tmp_path / "national.yaml"
    path.write_text(text, encoding="utf-8")
    settings, portals = load_portals(path)
    assert isinstance(portals, Portals) and len(portals) == 1_000 and portals.ids[:2] == ["p0", "p1"]
    assert list(portals) == parse_catalog(text, str(path)).portals
    assert portals[-1].columns[-1].frequency_code == "monthly"
    assert [p.id for p in portals.only({"p7", "p3"})] == ["p3", "p7"]
    assert portals.select(["p9", "p2"]).ids == ["p9", "p2"] and list(portals[5:7]) == list(portals)[5:7]
    with pytest.raises(CatalogError, match="p1000"):
        portals.select(["p1000"])
    assert load_catalog(path) == parse_catalog(text, str(path))
    bad = tmp_path / "bad.yaml"
    bad.write_text(_big_catalog(1_000, frequency="每两周更新"), encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_portals(bad)
    line = _big_catalog(1_000, frequency="每两周更新").splitlines().index("        frequency: 每两周更新") + 1
    assert f"bad.yaml:{line}: portals[999].columns[4].frequency" in str(err.value)


YAML_SHAPES = {
    "anchors, aliases, flow style, quotes, an explicit tag": """\
allow_private_networks: true
reference_urls: ["https://www.gov.cn/"]
politeness: {delay: 0.1, concurrency_per_host: 3}
checks: {links: none}
portals:
  - id: "p1"
    name: !!str 12345
    base_url: 'http://127.0.0.1:8000/'
    columns:
      - &news {id: c1, path: [要闻, "工作动态"], url: /a/, frequency: 每日更新, category: news}
      - {id: c2, path: &path [通知公告], url: null, frequency: 及時更新, responsible: ~}
  - id: p2
    name: 二
    base_url: http://127.0.0.2/
    columns: [*news, {id: c3, path: *path, url: /c/, frequency: 每年更新, home_page: yes}]
""",
    "a merge key (left to the whole parse)": """\
portals:
  - id: p1
    name: 一
    base_url: http://127.0.0.1/
    columns:
      - &base {id: c1, path: [a], url: /a/, frequency: 每月更新}
      - <<: *base
        id: c2
""",
}


@pytest.mark.parametrize("shape", YAML_SHAPES)
def test_the_streamed_parse_means_what_the_whole_parse_means(shape, tmp_path):
    """Every YAML shape loads as PyYAML's safe loader reads it; what the stream does not
    handle itself (merge keys) falls back to the whole parse."""
    from portal_audit.catalog import _streamed

    text = YAML_SHAPES[shape]
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_catalog(path) == parse_catalog(text)
    assert (_streamed(text) is None) == ("merge" in shape)


def test_the_last_catalog_loaded_is_kept_until_its_text_changes(tmp_path):
    """The command line checks the catalog and the flow then loads it in the same process:
    the second load is the first's result, unless the text changed meanwhile (even to one of the same
    size within the same clock tick)."""
    from portal_audit.catalog import load_portals

    path = tmp_path / "c.yaml"
    path.write_text(_big_catalog(3), encoding="utf-8")
    first = load_portals(path)
    assert load_portals(path) is first
    path.write_text(_big_catalog(3).replace("dept2.", "dept9."), encoding="utf-8")  # same size
    assert list(load_portals(path)[1])[2].base_url == "https://www.dept9.example.gov.cn/"
