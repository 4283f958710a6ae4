"""The engine's two-thread split of per-pixel passes."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from kmeans_gui.engine import parallel


@pytest.mark.parametrize("n", [0, 1, 1000, (1 << 19) + 7])
def test_split_range_covers_every_index_once(n: int) -> None:
    seen = np.zeros(n, dtype=np.int64)
    threads = set()

    def work(start: int, stop: int) -> None:
        threads.add(threading.get_ident())
        seen[start:stop] += 1

    parallel.split_range(n, work)
    np.testing.assert_array_equal(seen, 1)
    # Large ranges are split between the caller and a helper thread (when there are 2 cores).
    expected = parallel.WORKERS if n >= 2 * parallel.MIN_SPLIT else 1
    assert len(threads) == expected


def test_split_range_raises_a_part_failure_after_every_part_ran() -> None:
    n = 4 * parallel.MIN_SPLIT
    finished = []

    def work(start: int, stop: int) -> None:
        if stop == n:
            raise ValueError(f"part ending at {stop} failed")
        finished.append(start)

    with pytest.raises(ValueError, match="part ending at"):
        parallel.split_range(n, work)
    # With two threads the caller's first part ran to its end before the failure was raised.
    assert finished == ([0] if parallel.WORKERS > 1 else [])


@pytest.mark.parametrize("mode", ["clip", "wrap"])
@pytest.mark.parametrize("dtype", [np.int32, np.intp])
# Whole blocks of the int32 cast, a ragged last block, and one shorter than a block.
@pytest.mark.parametrize("n", [1 << 20, (1 << 20) + 12_345, 1000])
def test_take_equals_numpy_take(mode: str, dtype: type, n: int) -> None:
    rng = np.random.default_rng(0)
    table = rng.integers(0, 256, 300, dtype=np.int64).astype(np.uint8)
    indices = rng.integers(-1 if mode == "wrap" else 0, 300, n).astype(dtype)
    out = np.empty(indices.size, dtype=np.uint8)
    parallel.take(table, indices, out, mode=mode)
    np.testing.assert_array_equal(out, np.take(table, indices, mode=mode))


@pytest.mark.parametrize("dtype", [np.uint8, np.intp])
@pytest.mark.parametrize("n", [(1 << 20) + 12_345, 1000])
def test_take_of_palette_rows_equals_numpy_take(dtype: type, n: int) -> None:
    rng = np.random.default_rng(1)
    palette = rng.integers(0, 256, (256, 3), dtype=np.int64).astype(np.uint8)
    indices = rng.integers(0, 256, n).astype(dtype)
    out = np.empty((n, 3), dtype=np.uint8)
    parallel.take(palette, indices, out)
    np.testing.assert_array_equal(out, np.take(palette, indices, axis=0))


def test_no_thread_outlives_a_split() -> None:
    before = threading.active_count()
    parallel.split_range(4 * parallel.MIN_SPLIT, lambda start, stop: None)
    assert threading.active_count() == before
