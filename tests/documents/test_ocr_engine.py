"""Which OCR engine loads: PP-OCRv6 (rapidocr 3.x) only when its models really load, else the
PP-OCRv4 models of rapidocr-onnxruntime."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rapidocr

from clearlane.documents import ocr


@pytest.fixture
def fresh_engine() -> Iterator[None]:
    ocr._engine.cache_clear()
    yield
    ocr._engine.cache_clear()  # the next test loads the real engine again


def test_broken_v6_models_fall_back_to_v4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_engine: None
) -> None:
    """rapidocr 3.x loads a model at its first use, not when built: a model file that does not
    load must be found out while choosing the engine, not on every page read after it."""
    (tmp_path / "models").mkdir()
    for name in ocr._V6_MODELS:
        (tmp_path / "models" / name).write_bytes(b"not an onnx model")
    monkeypatch.setattr(rapidocr, "__file__", str(tmp_path / "__init__.py"))
    assert ocr._engine().name == "PP-OCRv4"


def test_the_v6_sessions_run_without_the_layout_pass() -> None:
    """ONNX Runtime's NCHWc layout pass (ORT_ENABLE_ALL, rapidocr's setting) made blocked
    copies of the detector's activations: an A4 scan's OCR peaked some 150-200 MB higher."""
    import onnxruntime as ort

    model = Path(rapidocr.__file__).parent / "models" / ocr._V6_MODELS[0]
    options = ocr._session(model).get_session_options()
    assert options.graph_optimization_level == ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    assert not options.enable_cpu_mem_arena
