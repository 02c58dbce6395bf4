"""Scan to paint: the real till window, offscreen, with a 100-line receipt.

Each sample scans one of the receipt's products (its quantity and price change, the engine
prices all 100 lines again) and paints the whole window synchronously; the time is from the
scan to the end of that paint. Side by side in the same run: painting the unchanged window
alone, the floor any scan pays. The window is 1280 x 800, a member is identified, so the
member panel, the totals and the hints are all drawn.
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from pos_client.demo import start_demo
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from pos_client.ui.app import build_till
from pos_client.ui.smoke import start_demo_shift

LINES = 100
SAMPLES = 300
GOLD_CARD = "2780000000047"


def ean13(stem: str) -> str:
    """`stem` (12 digits) with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(stem))
    return stem + str((10 - total % 10) % 10)


def add_products(demo_hub: object, count: int) -> list[str]:
    """Products beyond the demo catalog, so a receipt can have 100 different lines."""
    barcodes = []
    for number in range(count):
        barcode = ean13(f"46070199{number:04d}")
        demo_hub.store.put_product(  # type: ignore[attr-defined]
            {
                "sku": f"BENCH-{number:04d}",
                "barcode": barcode,
                "name_ru": f"Товар для замера № {number}",
                "name_en": f"Benchmark item No. {number}",
                "category": "grocery",
                "price": 1000 + number * 10,
            }
        )
        barcodes.append(barcode)
    return barcodes


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run() -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    demo = start_demo(language="ru")
    try:
        barcodes = add_products(demo.hub, LINES)
        db = open_database(demo.config.db_path)
        with HubClient(demo.config.api_url, demo.config.token) as client:
            SyncEngine(client, Journal(db), Caches(db), lambda: datetime.now(UTC)).sync_once()
        db.close()
        till = build_till(demo.config, app)  # type: ignore[arg-type]
        window = till.window
        window.resize(1280, 800)
        window.show()
        assert start_demo_shift(window)
        window.handle_code(GOLD_CARD)
        for barcode in barcodes:
            window.handle_code(barcode)
        assert len(window.checkout.receipt.lines) == LINES
        app.processEvents()

        scan_ms, paint_ms = [], []
        for sample in range(SAMPLES):
            started = time.perf_counter()
            window.handle_code(barcodes[(sample * 37) % LINES])
            window.repaint()
            scan_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            window.repaint()
            paint_ms.append((time.perf_counter() - started) * 1000)
            app.processEvents()
        till.close()
    finally:
        demo.close()
    return {
        "receipt_lines": LINES,
        "samples": SAMPLES,
        "scan_to_paint_median_ms": round(statistics.median(scan_ms), 2),
        "scan_to_paint_p99_ms": round(percentile(scan_ms, 0.99), 2),
        "paint_only_median_ms": round(statistics.median(paint_ms), 2),
        "paint_only_p99_ms": round(percentile(paint_ms, 0.99), 2),
        "scan_to_paint_vs_paint_only": round(
            statistics.median(scan_ms) / statistics.median(paint_ms), 2
        ),
    }
