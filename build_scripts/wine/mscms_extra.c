/* Qt's `windows` platform plugin imports mscms.WcsCreateIccProfile (the colour profile of a
 * screen), which Wine 8's mscms lacks, so the plugin does not load. Built with MinGW into the
 * native mscms.dll of the prefix that tests the Windows app (wine_windows.py), forwarding every
 * other export to Wine's own mscms. Never part of the app. Answers "no profile": Qt then
 * assumes sRGB. */
#include <stddef.h>

void *k_WcsCreateIccProfile(void *profile, unsigned long options) { return NULL; }
