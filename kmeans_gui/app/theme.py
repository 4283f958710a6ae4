"""Light and dark: the platform's dark mode where Qt reports it, a dark Fusion palette on
request, and the few fixed colours (the warning red) chosen to stay readable on either."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

WARNING_ON_LIGHT = "#c0392b"  # 5.4:1 against white
WARNING_ON_DARK = "#ff8a7a"  # 6.3:1 against the dark palette's window colour


def is_dark(palette: QPalette) -> bool:
    """Whether text is light on a dark window in this palette."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def warning_colour(palette: QPalette) -> QColor:
    """The red of warnings (a file larger than its original, an error), readable on the
    palette's window and base colours."""
    return QColor(WARNING_ON_DARK if is_dark(palette) else WARNING_ON_LIGHT)


# The chart's three colours (file size, quality, the suggested K), 4.5:1 or more against the
# plot's background (the palette's Base) in a light and in a dark palette.
CHART_ON_LIGHT = {"size": "#1a66b8", "quality": "#a84f00", "knee": "#1b7a43"}
CHART_ON_DARK = {"size": "#5aa9f0", "quality": "#f0a050", "knee": "#4cd080"}


def chart_colour(palette: QPalette, curve: str) -> QColor:
    """The colour of a chart curve ("size", "quality" or "knee") for this palette."""
    return QColor((CHART_ON_DARK if is_dark(palette) else CHART_ON_LIGHT)[curve])


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21 (4.5 is the least for body text)."""

    def luminance(colour: QColor) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * linear(colour.redF())
            + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def warning_style(palette: QPalette) -> str:
    """A style sheet for a label that warns."""
    return f"color: {warning_colour(palette).name()}; font-weight: bold;"


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (Qt's own colours of its dark scheme)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2d2d2d",
        roles.WindowText: "#ececec",
        roles.Base: "#1e1e1e",
        roles.AlternateBase: "#353535",
        roles.ToolTipBase: "#3c3c3c",
        roles.ToolTipText: "#ececec",
        roles.PlaceholderText: "#9a9a9a",
        roles.Text: "#ececec",
        roles.Button: "#3a3a3a",
        roles.ButtonText: "#ececec",
        roles.BrightText: "#ff5555",
        roles.Light: "#4a4a4a",
        roles.Midlight: "#404040",
        roles.Mid: "#2a2a2a",
        roles.Dark: "#1a1a1a",
        roles.Shadow: "#000000",
        roles.Highlight: "#3d8ee8",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#6cb2ff",
        roles.LinkVisited: "#b99cff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


def use_dark(app: QApplication) -> None:
    """Fusion with the dark palette (for a platform style that has no dark mode of its own)."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())


def follow_platform(app: QApplication) -> None:
    """Go dark when the platform says it is in dark mode but the style's palette is light
    (Qt 6.5+ reports the scheme; Windows' classic style, for one, stays light)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        use_dark(app)
