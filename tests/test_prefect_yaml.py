import importlib
import inspect

import yaml
from prefect import Flow

from .conftest import REPO


def test_deployments_point_at_flows_with_valid_parameters():
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    names = {d["name"] for d in spec["deployments"]}
    assert names == {"nightly-audit", "audit-part", "audit-portal", "import-catalog", "probe-homes"}
    for dep in spec["deployments"]:
        module, func = dep["entrypoint"].split(":")
        flow = getattr(importlib.import_module(module.removesuffix(".py").replace("/", ".")), func)
        assert isinstance(flow, Flow)
        params = inspect.signature(flow.fn).parameters
        assert set(dep.get("parameters", {})) <= set(params)
        for key in ("catalog", "table"):
            if key in dep["parameters"]:
                assert (REPO / dep["parameters"][key]).exists()
    nightly = next(d for d in spec["deployments"] if d["name"] == "nightly-audit")
    assert nightly["schedules"][0] == {"cron": "0 2 * * *", "timezone": "Asia/Shanghai", "active": True}
    probes = next(d for d in spec["deployments"] if d["name"] == "probe-homes")
    assert probes["schedules"][0]["cron"] == "*/30 * * * *"  # 48 a day: over the national 20


def test_deployments_keep_to_their_own_warehouse_and_every_parameter_is_described():
    """Issue 28: the deployments audited into the demo's ./audit.db, and the UI's custom-run
    form showed parameters without a word of description."""
    from prefect.utilities.callables import parameter_schema

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    for dep in spec["deployments"]:
        module, func = dep["entrypoint"].split(":")
        flow = getattr(importlib.import_module(module.removesuffix(".py").replace("/", ".")), func)
        params = inspect.signature(flow.fn).parameters
        if "warehouse" in params:
            assert dep["parameters"].get("warehouse") not in (None, "", "sqlite:///audit.db"), dep["name"]
        schema = parameter_schema(flow.fn).model_dump()["properties"]
        undescribed = [name for name in params if not schema[name].get("description")]
        assert undescribed == [], (dep["name"], undescribed)
