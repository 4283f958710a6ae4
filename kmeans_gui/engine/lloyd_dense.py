"""Lloyd iterations on small weighted point sets by one distance product per iteration.

:func:`.kmeans.lloyd` keeps Hamerly's bounds so that most points skip the search; on a few
thousand points and K = 16 its hundred small NumPy calls per iteration (bound checks by
blocks, incremental sums) cost more than searching every point: 0.45 ms per iteration on the
logo's 989 RGBA bins, where one product of all points with all centres takes 0.05 ms. The
RGBA path uses this loop while ``n * k`` is small (:data:`DENSE_MAX_DISTANCES`); the opaque
path keeps :func:`.kmeans.lloyd` (its palettes stay the same).
"""

from __future__ import annotations

import numpy as np

from . import parallel
from .kmeans import Bounds, Cancelled, LloydResult, ProgressCallback, StopCheck, _assign_top2
from .kmeans import lloyd as bounded_lloyd
from .nearest import row_sq_norms

# Distances (points x centres) up to which a full search per iteration is the cheaper one:
# on the level the search is seeded on (10 iterations from k-means++ seeds: 2**18.5 distances
# 6.3 ms against 9.3 with bounds, 2**20.5 12.2 against 15.3, 2**21.2 21 against 17), and on the
# finer levels, which start with inherited bounds that settle most points.
DENSE_MAX_DISTANCES = 1 << 20
DENSE_MAX_DISTANCES_REFINING = 1 << 17
# Distances from which a search is split between two threads (a thread costs about 0.1 ms).
_SPLIT_DISTANCES = 1 << 18


def lloyd_dense(
    points: np.ndarray,
    weights: np.ndarray,
    centers: np.ndarray,
    *,
    max_iter: int,
    tol: float,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
    iteration_offset: int = 0,
) -> LloydResult:
    """Weighted Lloyd iterations from the given centres, every point searched each time.

    The same stopping rules and result as :func:`.kmeans.lloyd` (labels unchanged, inertia
    improved by at most ``tol`` times itself, or ``max_iter``); its bounds are made for the
    final centres, to warm-start a finer level. A cluster left empty hands the rest of the
    work to :func:`.kmeans.lloyd` and its empty-cluster rule.

    Parameters
    ----------
    points : ndarray of shape (n, d), float
    weights : ndarray of shape (n,), float64, all > 0
    centers : ndarray of shape (k, d)
    max_iter : int >= 1
    tol : float >= 0
    progress, should_stop, iteration_offset : as for :func:`.kmeans.lloyd`

    Returns
    -------
    LloydResult
    """
    n, dim = points.shape
    centers = np.array(centers, dtype=np.float64)
    k = centers.shape[0]
    points32 = np.asarray(points, dtype=np.float32)
    # Rows (p, 1): times the columns (-2c, |c|**2) they give |p - c|**2 - |p|**2.
    extended = np.ones((n, dim + 1), dtype=np.float32)
    extended[:, :dim] = points32
    columns = np.empty((dim + 1, k), dtype=np.float32)
    weighted = np.asarray(points, dtype=np.float64) * weights[:, None]
    square_total = float(weights @ row_sq_norms(np.asarray(points, dtype=np.float64)))

    def nearest(centers: np.ndarray) -> np.ndarray:
        np.multiply(centers.T, -2.0, out=columns[:dim])
        columns[dim] = row_sq_norms(centers)
        labels = np.empty(n, dtype=np.intp)

        def search(first: int, last: int) -> None:
            np.argmin(extended[first:last] @ columns, axis=1, out=labels[first:last])

        parallel.split_range(n, search, min_split=_SPLIT_DISTANCES // k)
        return labels

    def cluster_sums(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        mass = np.bincount(labels, weights=weights, minlength=k)
        sums = np.stack(
            [np.bincount(labels, weights=weighted[:, j], minlength=k) for j in range(dim)],
            axis=1,
        )
        return mass, sums

    labels = nearest(centers)
    mass, sums = cluster_sums(labels)
    previous_inertia = inertia = np.inf
    iteration = 0
    while iteration < max_iter:
        if should_stop is not None and should_stop():
            raise Cancelled
        if not np.all(mass > 0):
            rest = bounded_lloyd(
                points, weights, centers, max_iter=max_iter - iteration, tol=tol,
                progress=progress, should_stop=should_stop,
                iteration_offset=iteration_offset + iteration,
            )  # fmt: skip
            rest.iterations += iteration
            return rest
        iteration += 1
        centers = sums / mass[:, None]
        new_labels = nearest(centers)
        changed = int(np.count_nonzero(new_labels != labels))
        labels = new_labels
        mass, sums = cluster_sums(labels)
        cross = float(np.einsum("ij,ij->", centers, sums))
        inertia = max(square_total - 2.0 * cross + float(mass @ row_sq_norms(centers)), 0.0)
        if progress is not None:
            progress(iteration_offset + iteration, inertia)
        if changed == 0 or previous_inertia - inertia <= tol * inertia:
            break
        previous_inertia = inertia
    labels, upper, lower = _assign_top2(points, centers)
    return LloydResult(centers, labels, inertia, iteration, Bounds(labels, upper, lower))
