"""The goal panel: find the smallest K meeting a quality target, or the best K under a size."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import engine
from ..goals import Goal
from .i18n import translate
from .signals import emit

PSNR, DELTA_E, SSIM, SIZE = "psnr", "delta_e", "ssim", "size"


class GoalPanel(QDialog):
    """A non-modal dialog: the goal, the K range, one image or all; what was found.

    ``start_requested(goal, k_min, k_max, every_image)`` when Find is pressed; the window
    runs the search and reports with ``add_line`` and ``set_running``.
    """

    start_requested = Signal(object, int, int, bool)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GoalPanel", "Find K for a Goal"))
        self.setObjectName("goalPanel")
        self.setModal(False)
        self.kind = QButtonGroup(self)
        self.psnr_radio = QRadioButton(
            translate("GoalPanel", "Smallest K whose &PSNR is at least"), self
        )
        self.delta_e_radio = QRadioButton(
            translate("GoalPanel", "Smallest K whose mean &ΔE is at most"), self
        )
        self.ssim_radio = QRadioButton(
            translate("GoalPanel", "Smallest K whose SS&IM is at least"), self
        )
        self.size_radio = QRadioButton(
            translate("GoalPanel", "Best quality whose &file is at most"), self
        )
        radios = (self.psnr_radio, self.delta_e_radio, self.ssim_radio, self.size_radio)
        for i, radio in enumerate(radios):
            self.kind.addButton(radio, i)
        self.psnr_radio.setChecked(True)
        self.psnr = QDoubleSpinBox(self)
        self.psnr.setRange(5.0, 80.0)
        self.psnr.setDecimals(1)
        self.psnr.setValue(35.0)
        self.psnr.setSuffix(" dB")
        self.psnr.setAccessibleName(translate("GoalPanel", "Least PSNR in dB"))
        self.delta_e = QDoubleSpinBox(self)
        self.delta_e.setRange(0.0, 50.0)
        self.delta_e.setDecimals(2)
        self.delta_e.setSingleStep(0.25)
        self.delta_e.setValue(2.0)
        self.delta_e.setToolTip(
            translate("GoalPanel", "Oklab ΔE×100: about 1 is just noticeable, over 5 is clear")
        )
        self.delta_e.setAccessibleName(translate("GoalPanel", "Largest mean ΔE"))
        self.ssim = QDoubleSpinBox(self)
        self.ssim.setObjectName("goalSsim")
        self.ssim.setRange(0.0, 1.0)
        self.ssim.setDecimals(4)
        self.ssim.setSingleStep(0.005)
        self.ssim.setValue(0.95)
        self.ssim.setToolTip(
            translate(
                "GoalPanel",
                "Structural similarity of the luma (1 = identical); follows what people see more "
                "closely than PSNR",
            )
        )
        self.ssim.setAccessibleName(translate("GoalPanel", "Least SSIM"))
        self.size_kb = QDoubleSpinBox(self)
        self.size_kb.setRange(0.1, 1_000_000.0)
        self.size_kb.setDecimals(1)
        self.size_kb.setValue(200.0)
        self.size_kb.setSuffix(translate("GoalPanel", " KB"))
        self.size_kb.setToolTip(translate("GoalPanel", "KB = 1000 bytes"))
        self.size_kb.setAccessibleName(translate("GoalPanel", "Largest file size in KB"))
        self.k_min = QSpinBox(self)
        self.k_max = QSpinBox(self)
        for box, value in ((self.k_min, 2), (self.k_max, engine.MAX_K)):
            box.setRange(2, engine.MAX_K)
            box.setValue(value)
        self.k_min.setAccessibleName(translate("GoalPanel", "Smallest K to try"))
        self.k_max.setAccessibleName(translate("GoalPanel", "Largest K to try"))
        self.every_image = QRadioButton(translate("GoalPanel", "&Every image in the list"), self)
        self.this_image = QRadioButton(translate("GoalPanel", "&This image"), self)
        self.this_image.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.this_image)
        scope.addButton(self.every_image)
        self.find_button = QPushButton(translate("GoalPanel", "&Find K"), self)
        self.find_button.setObjectName("goalFindButton")
        self.find_button.setDefault(True)
        self.stop_button = QPushButton(translate("GoalPanel", "&Stop"), self)
        self.stop_button.setEnabled(False)
        self.log = QPlainTextEdit(self)
        self.log.setObjectName("goalLog")
        self.log.setReadOnly(True)
        self.log.setPlaceholderText(
            translate(
                "GoalPanel",
                "Each K tried is compressed and measured for real, by bisection (about 9 K), "
                "reusing the image's colour analysis.",
            )
        )
        self.log.setAccessibleName(translate("GoalPanel", "Goal search log"))
        self.log.setMinimumHeight(120)

        form = QGridLayout()
        form.addWidget(self.psnr_radio, 0, 0)
        form.addWidget(self.psnr, 0, 1)
        form.addWidget(self.delta_e_radio, 1, 0)
        form.addWidget(self.delta_e, 1, 1)
        form.addWidget(self.ssim_radio, 2, 0)
        form.addWidget(self.ssim, 2, 1)
        form.addWidget(self.size_radio, 3, 0)
        form.addWidget(self.size_kb, 3, 1)
        k_range = QHBoxLayout()
        k_range.addWidget(QLabel(translate("GoalPanel", "K between"), self))
        k_range.addWidget(self.k_min)
        k_range.addWidget(QLabel(translate("GoalPanel", "and"), self))
        k_range.addWidget(self.k_max)
        k_range.addStretch(1)
        where = QHBoxLayout()
        where.addWidget(QLabel(translate("GoalPanel", "For:"), self))
        where.addWidget(self.this_image)
        where.addWidget(self.every_image)
        where.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(k_range)
        layout.addLayout(where)
        layout.addWidget(self.log, 1)
        layout.addWidget(buttons)
        self.find_button.clicked.connect(self._find)
        self.stop_button.clicked.connect(lambda: emit(self.stop_requested))
        self.resize(460, 380)

    def goal(self) -> Goal:
        """The goal the panel shows."""
        if self.psnr_radio.isChecked():
            return Goal(min_psnr=self.psnr.value())
        if self.delta_e_radio.isChecked():
            return Goal(max_delta_e=self.delta_e.value())
        if self.ssim_radio.isChecked():
            return Goal(min_ssim=self.ssim.value())
        return Goal(max_bytes=max(1, round(self.size_kb.value() * 1000)))

    def _find(self) -> None:
        k_min, k_max = sorted((self.k_min.value(), self.k_max.value()))
        emit(self.start_requested, self.goal(), k_min, k_max, self.every_image.isChecked())

    def set_running(self, running: bool) -> None:
        """Disable Find (and enable Stop) while a search runs."""
        self.find_button.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def add_line(self, text: str) -> None:
        """Append a line to the log."""
        self.log.appendPlainText(text)
        self.log.ensureCursorVisible()

    def text(self) -> str:
        """Everything the log says."""
        return self.log.toPlainText()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.stop_button.isEnabled():
            emit(self.stop_requested)
            event.accept()
            return
        super().keyPressEvent(event)
