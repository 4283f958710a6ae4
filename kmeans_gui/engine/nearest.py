"""Exact nearest-centre searches among up to 256 centres, by cache-sized blocks of points,
split between two threads when large: the step k-means, the mapping and the palette costs share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from . import parallel

if TYPE_CHECKING:
    from .kmeans import Bounds

# Distances per block in nearest-centre searches: the (rows, k) block is read several times,
# so it should stay in cache. With 8192 rows whatever k, K=256 took twice as long.
_BLOCK_ELEMENTS = 1 << 18


def block_rows(k: int) -> int:
    """Rows per block of a nearest-centre search among ``k`` centres."""
    return min(8192, max(512, _BLOCK_ELEMENTS // max(k, 1)))


# Distances a nearest-centre search needs before it is split between two threads
# (parallel.split_range): NumPy releases the GIL in the product, the argmins and the gathers.
# Each thread's products run on one OpenBLAS thread (kmeans_gui sets it before NumPy loads).
_SPLIT_ELEMENTS = 1 << 20


def split_rows(k: int) -> int:
    """Rows each thread gets at least when a search among ``k`` centres is split."""
    return max(1, _SPLIT_ELEMENTS // max(k, 1))


# Points per block of :func:`nearest_center_warm`.
_WARM_BLOCK = 1 << 18


def row_sq_norms(a: np.ndarray) -> np.ndarray:
    """Squared Euclidean norm of every row of an (n, d) array (a BLAS matrix-vector product)."""
    return np.square(a) @ np.ones(a.shape[1], dtype=a.dtype)


def nearest_center(points: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index of and squared distance to the nearest centre for every point.

    Computed as ``|c|**2 - 2 p.c + |p|**2`` per block. Ties go to the lowest centre index.
    When both arrays have an integer dtype (8-bit RGB colours and an RGB palette), every term is
    an integer below 2**24, which float32 holds exactly: the fast float32 path is then exact.
    Other inputs (Oklab) are computed in float64.

    Parameters
    ----------
    points : ndarray of shape (n, d)
    centers : ndarray of shape (k, d)

    Returns
    -------
    labels : ndarray of shape (n,), intp
    dist2 : ndarray of shape (n,), float64
    """
    points = np.asarray(points)
    centers = np.asarray(centers)
    exact_in_float32 = np.issubdtype(points.dtype, np.integer) and np.issubdtype(
        centers.dtype, np.integer
    )
    dtype: type[np.floating] = np.float32 if exact_in_float32 else np.float64
    labels = np.empty(points.shape[0], dtype=np.intp)
    dist2 = np.empty(points.shape[0], dtype=np.float64)

    def search(first: int, last: int) -> None:
        for start, stop, d in distance_blocks(points[first:last], centers, dtype):
            start, stop = first + start, first + stop
            best = np.argmin(d, axis=1, out=labels[start:stop])
            # |p|**2 by block: whole-size, its squares took 8 bytes a channel per point
            block_norms = row_sq_norms(np.asarray(points[start:stop], dtype=dtype))
            np.add(d[np.arange(stop - start), best], block_norms, out=dist2[start:stop])

    parallel.split_range(points.shape[0], search, min_split=split_rows(centers.shape[0]))
    np.maximum(dist2, 0.0, out=dist2)
    return labels, dist2


def distance_blocks(
    points: np.ndarray, centers: np.ndarray, dtype: type[np.floating]
) -> Iterator[tuple[int, int, np.ndarray]]:
    """``(start, stop, d)`` for cache-sized blocks of rows: ``d[i, j] = |c_j|**2 - 2 p.c_j``.

    ``d`` (shape (stop - start, k), ``dtype``) is one product of the block's points extended
    by a column of ones with the centres' ``-2 c`` extended by a row of ``|c|**2``: the norms
    are added inside the GEMM rather than in a pass over ``d``. ``d`` is reused by the next
    block; ``|p|**2`` is left to the caller.
    """
    n, dim = points.shape
    k = centers.shape[0]
    c: np.ndarray = np.asarray(centers, dtype=dtype)
    extended_centers = np.empty((dim + 1, k), dtype=dtype)
    np.multiply(c.T, -2.0, out=extended_centers[:dim])
    extended_centers[dim] = np.einsum("ij,ij->i", c, c)
    step = min(block_rows(k), max(n, 1))
    extended_points = np.ones((step, dim + 1), dtype=dtype)
    distances = np.empty((step, k), dtype=dtype)
    for start in range(0, n, step):
        stop = min(start + step, n)
        block = extended_points[: stop - start]
        block[:, :dim] = points[start:stop]
        d = distances[: stop - start]
        np.matmul(block, extended_centers, out=d)
        yield start, stop, d


def nearest_center_warm(
    points: np.ndarray, centers: np.ndarray, previous_centers: np.ndarray, bounds: Bounds
) -> np.ndarray:
    """Exact nearest centre for every point, reusing Hamerly bounds of nearby centres.

    ``bounds`` must be valid for ``previous_centers`` (row ``i`` of ``centers`` is the moved
    ``previous_centers[i]``, e.g. a centroid rounded to 8 bits). The bounds, widened by how far
    each centre moved, settle most points; the others are searched with :func:`nearest_center`
    (exact for integer dtypes). A tie is never settled by the bounds.

    Parameters
    ----------
    points : ndarray of shape (n, d), in the space of the bounds
    centers : ndarray of shape (k, d)
    previous_centers : ndarray of shape (k, d), float64
    bounds : Bounds for ``previous_centers``

    Returns
    -------
    labels : ndarray of shape (n,), intp
    """
    moved = np.asarray(centers, dtype=np.float64)
    shift = np.sqrt(np.sum((moved - previous_centers) ** 2, axis=1))
    gaps = half_gaps(moved) if moved.shape[0] > 1 else None
    labels = bounds.labels.copy()
    # By blocks: the widened bounds of all points at once took 40 bytes a point.
    for start in range(0, labels.size, _WARM_BLOCK):
        stop = start + _WARM_BLOCK
        block = labels[start:stop]
        upper = bounds.upper[start:stop] + shift[block]
        lower = bounds.lower[start:stop] - shift.max()
        if gaps is not None:
            np.maximum(lower, gaps[block], out=lower)
        suspects = np.flatnonzero(upper >= lower)
        if suspects.size:
            # Their distance to their own centre, a hair up, settles many more (the mapping
            # after an RGBA search: 19,218 -> 10,707 of the icon sheet's 30,628 values searched).
            diff = points[start:stop][suspects] - moved[block[suspects]]
            own = np.sqrt(np.einsum("ij,ij->i", diff, diff)) * (1.0 + 1e-9) + 1e-12
            suspects = suspects[own >= lower[suspects]]
        if suspects.size:
            block[suspects] = nearest_center(points[start:stop][suspects], centers)[0]
    return labels


def half_gaps(centers: np.ndarray) -> np.ndarray:
    """Half the distance from each centre to its nearest other centre (rounded down a hair)."""
    norms = np.einsum("ij,ij->i", centers, centers)
    gaps2 = norms[:, None] - 2.0 * (centers @ centers.T) + norms[None, :]
    np.fill_diagonal(gaps2, np.inf)
    # Gram-form rounding can only shrink the gaps by a hair: shrink them a hair more.
    return 0.5 * np.sqrt(np.maximum(gaps2.min(axis=1) - 1e-9 * norms.max(), 0.0))
