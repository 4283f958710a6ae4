"""Wine 8 gaps met by the Python that runs PyInstaller under Wine (wine_windows.py).

Imported at that Python's start only (its ._pth lists this folder); the app never sees it.
"""

import sys

# platform's WMI queries crash Wine (propsys.VariantToString is missing): without _wmi,
# platform falls back to the registry and GetVersionEx, as on Windows before 3.12.
sys.modules["_wmi"] = None

import _winapi  # noqa: E402

# shutil.copy2 calls kernel32.CopyFile2, which Wine 8 lacks (pip and PyInstaller copy files
# with it); without it shutil copies the bytes and the metadata itself.
if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
