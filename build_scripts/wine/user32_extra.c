/* Wine 8's user32.EnableNonClientDpiScaling fails ("Call not implemented"), and Qt's `windows`
 * platform warns about it for every top-level window (a self-test failure). Built with MinGW
 * into the native user32.dll of the prefix that tests the Windows app (wine_windows.py),
 * forwarding every other export to Wine's own user32. Never part of the app. Windows scales
 * the title bar itself then; Wine draws its own, so there is nothing to do. */
int k_EnableNonClientDpiScaling(void *hwnd) { return 1; }
