"""Per-article extraction on a Dask cluster (`extract.engine: dask`, `pip install 'digest[dask]'`).

Only the per-article work leaves this machine: each worker loads the model once
(ModelPlugin, also on workers that join or restart later), runs spaCy and the
rules over a batch and sends back, per article, the same JSON the extraction
cache stores. Collect, the cache, merge and render stay on the client, so
workers need digest and the model installed, but no access to the inputs or
the output folder. Batches are named by their articles' cache keys, so a
batch submitted twice (a retry, two clients) is computed once.

Failures: Dask reruns a batch whose worker was lost on another worker. A batch
that fails all the same (an error, or its workers kept dying) is split into
single articles, so one bad article cannot take its batch-mates down; an
article that fails on its own is skipped with the reason, like an unreadable
file. A scheduler that cannot be reached, or is lost mid-run, is an
ExtractError naming its address; what finished before is already cached.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Callable, Iterator

from distributed import Client, WorkerPlugin, as_completed, get_worker
from distributed.scheduler import KilledWorker

from .cache import dump_extraction, load_extraction
from .errors import ExtractError
from .extract import BATCH_SIZE, EXTRACTOR_VERSION, extract_doc, load_model
from .models import Article, Extraction, Skipped

log = logging.getLogger(__name__)

PLUGIN = "digest-model"


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once per worker process, before the worker's first batch."""

    name = PLUGIN

    def __init__(self, model: str):
        self.model = model
        self.nlp = None

    async def setup(self, worker) -> None:
        # In a thread: loading takes seconds, and the worker must keep answering the scheduler.
        self.nlp = await asyncio.to_thread(load_model, self.model)


def extract_batch(articles: list[Article], version: str) -> list[tuple[bool, str]]:
    """On a worker: (True, extraction JSON) or (False, why it failed) per article, in order.

    Any exception from the rules is caught per article, on purpose: on a
    cluster one odd article must cost its own place in the briefing, not the
    run (the local engine keeps the traceback, which is where bugs are found).
    """
    worker = get_worker()
    if version != EXTRACTOR_VERSION:
        raise ExtractError(f"the Dask worker {worker.address} runs other extraction rules "
                           f"({EXTRACTOR_VERSION}, this client {version}): install the same digest on both")
    nlp = worker.plugins[PLUGIN].nlp
    results = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)):
        try:
            results.append((True, dump_extraction(extract_doc(article, doc))))
        except Exception as exc:  # noqa: BLE001 - see the docstring
            log.exception("%s: extraction failed", article.path)
            results.append((False, f"extraction failed on a Dask worker: {type(exc).__name__}: {exc}"))
    return results


class DaskEngine:
    """A connection to a scheduler whose workers have the model loaded; use as a context manager."""

    def __init__(self, address: str, timeout: float, model: str, batch_size: int = BATCH_SIZE):
        self.address = address
        self.batch_size = batch_size  # articles per task: one nlp.pipe batch
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ExtractError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            self.client.wait_for_workers(1, timeout=timeout)
            self.client.register_plugin(ModelPlugin(model), name=PLUGIN)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ExtractError(f"the Dask scheduler at {address} has no usable workers: {exc}") from exc
        except ExtractError as exc:  # the model is missing on a worker
            self.close()
            raise ExtractError(f"on a Dask worker of {address}: {exc.message}") from exc
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def extract(self, articles: list[Article], key: Callable[[Article], str]) -> Iterator[Extraction | Skipped]:
        """Every article's Extraction, or a Skipped saying why not, as batches finish (not in order).

        `key` is the extraction cache's key, which names the batches.
        """
        pending = {}
        finished = as_completed(loop=self.client.loop)

        def submit(batch: list[Article]) -> None:
            name = hashlib.sha256("".join(key(a) for a in batch).encode("ascii")).hexdigest()
            future = self.client.submit(extract_batch, batch, EXTRACTOR_VERSION, key=f"digest-extract-{name}")
            pending[future] = batch
            finished.add(future)

        for start in range(0, len(articles), self.batch_size):
            submit(articles[start:start + self.batch_size])
        for future in finished:
            batch = pending.pop(future)
            try:
                results = future.result()
            except ExtractError:
                raise
            except Exception as exc:
                if future.status != "error":  # cancelled or lost: the scheduler went away
                    raise ExtractError(f"lost the Dask scheduler at {self.address}: {exc}") from exc
                if len(batch) > 1:
                    log.warning("a batch of %d articles failed on the cluster (%s); retrying them one by one",
                                len(batch), type(exc).__name__)
                    for article in batch:
                        submit([article])
                    continue
                yield Skipped(str(batch[0].path), _reason(exc))
                continue
            finally:
                future.release()
            for article, (ok, payload) in zip(batch, results):
                yield load_extraction(article, payload) if ok else Skipped(str(article.path), payload)


def _reason(exc: Exception) -> str:
    if isinstance(exc, KilledWorker):
        return "the Dask workers extracting it died each time (out of memory?)"
    return f"extraction failed on a Dask worker: {type(exc).__name__}: {' '.join(str(exc).split())}"
