"""The status bar's job display: what the running job does, a busy bar and the Cancel button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from ..files import shown_name
from .i18n import translate
from .job_context import Job
from .jobs import GoalRequest, HeatRequest, SweepRequest
from .worker import Request


class JobStatus:
    """Adds a label, a progress bar and a Cancel button to `status_bar` and keeps them true to
    the running job. `save_text(request)` says what a save job does (Save All counts them)."""

    def __init__(self, status_bar: QStatusBar, save_text: Callable[[Request], str]) -> None:
        self._save_text = save_text
        self.label = QLabel("", status_bar)
        self.progress = QProgressBar(status_bar)
        self.progress.setFixedWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.progress.setAccessibleName(translate("JobStatus", "Progress of the running job"))
        self.cancel_button = QPushButton(translate("JobStatus", "Cancel"), status_bar)
        self.cancel_button.setToolTip(translate("JobStatus", "Stop the running compression (Esc)"))
        self.cancel_button.setAccessibleName(translate("JobStatus", "Cancel the running job"))
        self.label.setAccessibleName(translate("JobStatus", "What the running job does"))
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)
        self._loaded = False
        self._iteration: int | None = None

    def started(self) -> None:
        """A new job runs: it has neither loaded its image nor iterated yet."""
        self._loaded = False
        self._iteration = None

    def loaded(self) -> None:
        self._loaded = True

    def iterated(self, iteration: int) -> None:
        self._iteration = iteration

    def show(self, running: Job | None) -> None:
        """Show `running` (None: no job; the bar hides)."""
        self.cancel_button.setEnabled(running is not None)
        if running is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setVisible(False)
            self.label.setText("")
            return
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy: the number of iterations is not known ahead
        self.label.setText(self._text(running))

    def _text(self, job: Job) -> str:
        """What the running job is doing."""
        name = shown_name(job.path)
        if isinstance(job, Request):
            if job.save_to is not None:
                return self._save_text(job)
            what = f"{name}, K = {job.options.k}"
            if job.reuse is not None:
                return translate("JobStatus", "{what}: decoding").format(what=what)
            if not self._loaded:
                return translate("JobStatus", "{what}: loading").format(what=what)
            if self._iteration is None:
                return translate("JobStatus", "{what}: analysing colours, seeding k-means").format(
                    what=what
                )
            return translate("JobStatus", "{what}: k-means iteration {iteration}").format(
                what=what, iteration=self._iteration
            )
        if isinstance(job, HeatRequest):
            return translate("JobStatus", "{name}, K = {k}: ΔE heat map").format(
                name=name, k=job.options.k
            )
        if not self._loaded:
            return translate("JobStatus", "{what}: loading").format(what=name)
        if isinstance(job, GoalRequest):
            return translate("JobStatus", "{name}: seeking {goal}").format(
                name=name, goal=job.goal.describe()
            )
        assert isinstance(job, SweepRequest)
        if job.quick:
            return translate("JobStatus", "{name}: K grid previews (K = {ks})").format(
                name=name, ks=", ".join(map(str, job.quick))
            )
        return translate("JobStatus", "{name}: K grid, measuring K = {ks} at full size").format(
            name=name, ks=", ".join(map(str, job.measure))
        )
