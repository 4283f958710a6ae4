"""Compress ▸ Find K for a Goal…: the goal panel, its searches on the scheduler, their outcome."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel

from ..files import shown_name
from ..goals import Goal
from .goals_panel import GoalPanel
from .i18n import number, size_text, tr, translate
from .imagelist import DONE, ERROR
from .jobs import GoalOutcome, GoalRequest, GoalStep
from .opened import OpenedImage
from .scheduler import CancelReason, Scheduler
from .signals import emit
from .stats import ssim_text

if TYPE_CHECKING:
    from .window import MainWindow


class GoalSeeking(QObject):
    """Goal searches for the window: one :class:`GoalRequest` per image, run by the scheduler.

    ``finished(path, k, met)`` for each image searched, then ``done()`` when none is left (or
    they were stopped). `set_state(image, state, detail)` shows an image's state in the list;
    `job_label` shows the K being tried.
    """

    finished = Signal(str, int, bool)
    done = Signal()

    def __init__(
        self,
        window: MainWindow,
        images: Mapping[Path, OpenedImage],
        scheduler: Scheduler,
        set_state: Callable[[OpenedImage, str, str], None],
        job_label: QLabel,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._images = images
        self._scheduler = scheduler
        self._set_state = set_state
        self._job_label = job_label
        self._panel: GoalPanel | None = None

    def panel(self) -> GoalPanel:
        """The goal-seeking panel (made on first use)."""
        if self._panel is None:
            panel = GoalPanel(self._window)
            panel.start_requested.connect(self.seek)
            panel.stop_requested.connect(self.stop)
            self._panel = panel
        return self._panel

    @Slot()
    def show_panel(self) -> None:
        """Compress ▸ Find K for a Goal…"""
        panel = self.panel()
        panel.show()
        panel.raise_()
        panel.activateWindow()

    @Slot(object, int, int, bool)
    def seek(self, goal: Goal, k_min: int = 2, k_max: int = 256, every_image: bool = False) -> int:
        """Queue the searches (see ``MainWindow.seek_goal``); returns how many."""
        current = self._window.current_path()
        if every_image:
            paths = [p for p in self._window.images() if self._images[p].state != ERROR]
        else:
            paths = (
                [current] if current is not None and self._images[current].state != ERROR else []
            )
        panel = self.panel()
        if not paths:
            panel.add_line(translate("GoalSeeking", "No image to search: open one first."))
            return 0
        options = self._window.options()
        panel.set_running(True)
        panel.add_line(
            tr(
                "Seeking {goal} for %n image(s), K between {k_min} and {k_max}…",
                "",
                len(paths),
            ).format(goal=goal.describe(), k_min=k_min, k_max=k_max)
        )
        self._scheduler.queue_goals(
            GoalRequest(-1, p, options, goal, k_min, k_max, keep=p == current) for p in paths
        )
        return len(paths)

    @Slot()
    def stop(self) -> None:
        """Stop goal seeking: the waiting searches and the running one."""
        if not self._scheduler.stop_goals():
            self._stopped()

    def _stopped(self) -> None:
        if self._panel is not None:
            self._panel.set_running(False)
        emit(self.done)

    def _line(self, text: str) -> None:
        if self._panel is not None:
            self._panel.add_line(text)

    def finish_if_done(self) -> None:
        """Say Done and end the search when no goal search runs or waits any more."""
        if self._scheduler.seeking_goals():
            return
        if self._panel is not None and not self._panel.find_button.isEnabled():
            self._panel.add_line(translate("GoalSeeking", "Done."))
            self._stopped()

    @Slot(object)
    def on_step(self, step: GoalStep) -> None:
        """One K measured: a line in the panel, the K in the status bar."""
        s = step.stats
        verdict = (
            translate("GoalSeeking", "meets it")
            if step.request.goal.met_by(s)
            else translate("GoalSeeking", "does not")
        )
        self._line(
            "  "
            + translate(
                "GoalSeeking",
                "{name}: K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}",
            ).format(
                name=shown_name(step.request.path),
                k=step.k,
                size=size_text(s.output_bytes),
                psnr=number(s.psnr, 2),
                delta_e=number(s.mean_delta_e, 2),
                ssim=ssim_text(s.ssim),
                verdict=verdict,
            )
        )
        self._job_label.setText(
            translate("GoalSeeking", "{name}: seeking {goal}, tried K = {k}").format(
                name=shown_name(step.request.path), goal=step.request.goal.describe(), k=step.k
            )
        )

    def found(self, outcome: GoalOutcome) -> None:
        """A search ended: the image keeps every K measured and its chosen K."""
        request = outcome.request
        image = self._images.get(request.path)
        k = outcome.result.options.k
        current = self._window.current_path()
        if image is not None:
            for result in outcome.results.values():
                image.remember(result)
            image.chosen_k = k
            image.goal_record = {
                "goal": request.goal.describe(),
                "goal_met": outcome.met,
                "k_tried": sorted(outcome.results),
            }
            if request.path != current or image.result is None:
                image.result = outcome.result
            s = outcome.result.stats
            met = (
                translate("GoalSeeking", "goal met")
                if outcome.met
                else translate("GoalSeeking", "goal NOT met, nearest")
            )
            self._set_state(image, DONE, f"K={k} ({met}) · {size_text(s.output_bytes)}")
        line = f"{shown_name(request.path)}: {outcome.message}."
        if outcome.result.stats.larger_than_input:
            line += translate(
                "GoalSeeking",
                " Its file is LARGER than the original: Save offers to keep the original.",
            )
        self._line(line)
        if not outcome.met:
            self._window.statusBar().showMessage(
                f"{shown_name(request.path)}: {outcome.message}", 15000
            )
        if request.path == current:
            self._window.set_k(k)  # shown from the measured result: only its file is decoded
        emit(self.finished, str(request.path), k, outcome.met)
        self.finish_if_done()

    def failed(self, request: GoalRequest, reason: str) -> None:
        """A search could not run (the image cannot be read)."""
        self._line(f"{shown_name(request.path)}: {reason}")
        self.finish_if_done()

    def cancelled(self, request: GoalRequest, reason: CancelReason | None) -> None:
        """A search stopped: by the user (every search ends), or to make way for a preview."""
        self._line(
            translate("GoalSeeking", "{name}: stopped.").format(name=shown_name(request.path))
        )
        if reason is CancelReason.USER:
            self._stopped()
