"""LightGBM boosters compiled to machine code for batch scoring (optional, cached on disk).

``Booster.predict`` walks its trees node by node through generic data structures; on KCS the
engine's four boosters took about 75 % of a batch's CPU time. lleaves' code generator turns
each tree into straight-line compare-and-branch code, which LLVM (llvmlite) compiles for the
host CPU: the same predictions (within about 1e-15 on KCS rows; the tests hold them to 1e-9)
several times faster.

Compiling is slow (about half a minute of CPU for a 300-tree booster), so it never happens
while scoring: :func:`compile_booster` compiles once and writes the object code to a cache
directory kept beside the saved engine, named after the sha256 of the model text and the
target (CPU, its features, the compiler versions), each object with its own sha256 file;
:func:`load_booster` only ever loads from that cache. A booster with nothing attached (no
cache, a stale or altered object, no llvmlite or lleaves installed) is predicted by
``Booster.predict`` as before.

lleaves 1.3.0 (the current release) drives LLVM's legacy pass manager, which llvmlite 0.45
removed (numba, needed by shap, requires llvmlite 0.50), so only its parser and code
generator are used here; the optimisation and compilation run through llvmlite's new pass
manager and MCJIT.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Part of every cache key: bump when the way code is generated or compiled changes.
GLUE_VERSION = "1"
# Trees per cache block of lleaves' generated loop (its default).
_BLOCK_SIZE = 34
_ENTRY = "forest_root"

# Compiled forests by the booster they replace: never pickled with the engine, dropped with it.
_ATTACHED: weakref.WeakKeyDictionary[Any, CompiledForest] = weakref.WeakKeyDictionary()
_LLVM_LOCK = threading.Lock()


def available() -> bool:
    """Whether the compiler (llvmlite with the new pass manager, lleaves) can be imported."""
    try:
        _modules()
    except Exception:  # noqa: BLE001 - an optional dependency: any import failure means no
        return False
    return True


def _modules() -> tuple[Any, Any, Any, Any]:
    import llvmlite.binding as llvm
    import llvmlite.ir as llvm_ir
    from lleaves.compiler.ast import parse_to_ast
    from lleaves.compiler.codegen import gen_forest

    if not hasattr(llvm, "create_pass_builder"):
        raise ImportError("llvmlite without the new pass manager")
    return llvm, llvm_ir, parse_to_ast, gen_forest


@dataclass
class CompiledForest:
    """One booster's prediction (probability for a binary classifier, the raw value for a
    regressor: what ``Booster.predict`` returns) as native code."""

    key: str
    n_features: int
    compile_seconds: float = 0.0  # CPU seconds spent compiling (0 when loaded from the cache)
    _engine: Any = field(default=None, repr=False)  # keeps the machine code alive
    _entry: Any = field(default=None, repr=False)

    def predict(self, matrix: np.ndarray, threads: int = 1) -> np.ndarray:
        from ctypes import POINTER, c_double

        data = np.ascontiguousarray(matrix, dtype=np.float64)
        if data.ndim != 2 or data.shape[1] != self.n_features:
            raise ValueError(f"expected (rows, {self.n_features}) features, got {data.shape}")
        n = len(data)
        out = np.zeros(n, dtype=np.float64)
        if not n:
            return out
        src = data.ctypes.data_as(POINTER(c_double))
        dst = out.ctypes.data_as(POINTER(c_double))
        if threads <= 1 or n < 2 * threads:
            self._entry(src, dst, 0, n)
            return out
        step = -(-n // threads)
        # ctypes releases the GIL for the call: the chunks run in parallel.
        with ThreadPoolExecutor(max_workers=threads) as pool:
            done = [
                pool.submit(self._entry, src, dst, start, min(start + step, n))
                for start in range(0, n, step)
            ]
            for future in done:
                future.result()
        return out


def _target(llvm: Any) -> tuple[Any, str]:
    """The host target machine and a text naming it (part of the cache key)."""
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    cpu = llvm.get_host_cpu_name()
    try:
        features = llvm.get_host_cpu_features().flatten()
    except RuntimeError:
        features = ""
    triple = llvm.get_process_triple()
    machine = llvm.Target.from_triple(triple).create_target_machine(
        cpu=cpu, features=features, reloc="pic", codemodel="large", opt=3
    )
    return machine, f"{triple}|{cpu}|{features}"


def cache_key(booster: Any) -> str:
    """sha256 of the model text, then of the target and the toolchain (an object compiled for
    another CPU or by another compiler version is another file)."""
    from importlib.metadata import version

    llvm = _modules()[0]
    _, target = _target(llvm)
    model = hashlib.sha256(booster.model_to_string().encode()).hexdigest()
    toolchain = f"{target}|llvmlite {version('llvmlite')}|lleaves {version('lleaves')}"
    tool = hashlib.sha256(f"{toolchain}|glue {GLUE_VERSION}".encode()).hexdigest()
    return f"{model[:32]}-{tool[:16]}"


def _paths(cache_dir: Path, key: str) -> tuple[Path, Path]:
    obj = cache_dir / f"{key}.o"
    return obj, obj.with_name(obj.name + ".sha256")


def _build(booster: Any, key: str, cached: bytes | None) -> tuple[CompiledForest, bytes]:
    """Compile ``booster`` (``cached`` None) or load its object code ``cached``; the forest
    and its object code."""
    llvm, llvm_ir, parse_to_ast, gen_forest = _modules()
    with _LLVM_LOCK:
        machine, _ = _target(llvm)
        if cached is None:
            with tempfile.TemporaryDirectory() as tmp:
                text = Path(tmp) / "model.txt"
                text.write_text(booster.model_to_string(), encoding="utf-8")
                forest = parse_to_ast(str(text))
            forest.raw_score = False
            ir = llvm_ir.Module(name="forest")
            gen_forest(forest, ir, _BLOCK_SIZE, _ENTRY, True)
            ir.triple = llvm.get_process_triple()
            module = llvm.parse_assembly(str(ir))
            module.verify()
            builder = llvm.create_pass_builder(
                machine, llvm.create_pipeline_tuning_options(speed_level=3)
            )
            builder.getModulePassManager().run(module, builder)
        else:
            module = llvm.parse_assembly("")
        engine = llvm.create_mcjit_compiler(module, machine)
        written: list[bytes] = []
        if cached is None:
            engine.set_object_cache(notify_func=lambda _, buffer: written.append(bytes(buffer)))
        else:
            engine.set_object_cache(getbuffer_func=lambda _: cached)
        engine.finalize_object()
        engine.run_static_constructors()
        address = engine.get_function_address(_ENTRY)
    if not address:
        raise RuntimeError("compiled forest has no entry point")
    from ctypes import CFUNCTYPE, POINTER, c_double, c_int32

    entry = CFUNCTYPE(None, POINTER(c_double), POINTER(c_double), c_int32, c_int32)(address)
    forest = CompiledForest(key, int(booster.num_feature()), _engine=engine, _entry=entry)
    return forest, b"".join(written) if cached is None else cached


def compile_booster(booster: Any, cache_dir: Path | str) -> CompiledForest | None:
    """Compile ``booster`` into ``cache_dir`` (or load it when already there) and attach it,
    so that :func:`predict` uses it. None (and nothing attached) when no compiler is
    installed."""
    if not available():
        return None
    cache_dir = Path(cache_dir)
    key = cache_key(booster)
    forest = load_booster(booster, cache_dir, key=key)
    if forest is not None:
        return forest
    c0 = time.process_time()
    forest, code = _build(booster, key, None)
    forest.compile_seconds = time.process_time() - c0
    cache_dir.mkdir(parents=True, exist_ok=True)
    obj, digest = _paths(cache_dir, key)
    # Object first, then its digest, each renamed into place whole: a reader (another worker
    # loading the cache) sees no file, the old one, or the new one, never half of one.
    _replace(obj, code)
    _replace(digest, f"{hashlib.sha256(code).hexdigest()}  {obj.name}\n".encode())
    attach(booster, forest)
    return forest


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def load_booster(
    booster: Any, cache_dir: Path | str, *, key: str | None = None
) -> CompiledForest | None:
    """Attach the cached compiled code of ``booster`` from ``cache_dir``; never compiles. None
    when there is none for this model and target, when its sha256 does not match, or when no
    compiler is installed (the booster then predicts as before)."""
    if not available():
        return None
    key = key or cache_key(booster)
    obj, digest = _paths(Path(cache_dir), key)
    if not obj.exists() or not digest.exists():
        return None
    expected = digest.read_text(encoding="utf-8").split()[0]
    code = obj.read_bytes()  # checked and loaded from the same bytes
    if hashlib.sha256(code).hexdigest() != expected:
        log.warning("%s does not match its sha256: not loaded, Booster.predict is used", obj)
        return None
    forest, _ = _build(booster, key, code)
    attach(booster, forest)
    return forest


def attach(booster: Any, forest: CompiledForest) -> None:
    _ATTACHED[booster] = forest


def detach(booster: Any) -> None:
    _ATTACHED.pop(booster, None)


def attached(booster: Any) -> CompiledForest | None:
    return _ATTACHED.get(booster)


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def predict(booster: Any, matrix: np.ndarray, threads: int) -> np.ndarray:
    """``booster.predict(matrix, num_threads=threads)``, by its compiled code when attached."""
    forest = _ATTACHED.get(booster)
    if forest is not None:
        return forest.predict(matrix, threads)
    return np.asarray(booster.predict(matrix, num_threads=threads), dtype=float)
