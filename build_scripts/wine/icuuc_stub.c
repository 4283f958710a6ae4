/* Qt 6.12's Qt6Core.dll links Windows' own ICU (icuuc.dll, in System32 since Windows 10
 * 1703) for legacy text codecs; Wine has none. This stub, built with MinGW into the prefix
 * that builds and tests the Windows app (wine_windows.py), knows no codec: Qt then handles
 * only the encodings it implements itself. Never part of the app: PyInstaller leaves System32's
 * DLLs out, and Windows has the real one. */
#include <stddef.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

static int failed(UErrorCode *status) {
    if (status != NULL && *status <= 0) *status = U_FILE_ACCESS_ERROR;
    return 0;
}

void *ucnv_open(const char *name, UErrorCode *status) { failed(status); return NULL; }
void ucnv_close(void *converter) {}
void ucnv_reset(void *converter) {}
int ucnv_countAvailable(void) { return 0; }
const char *ucnv_getAvailableName(int n) { return NULL; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status) {
    failed(status);
    return NULL;
}
const char *ucnv_getName(const void *converter, UErrorCode *status) { failed(status); return NULL; }
signed char ucnv_getMaxCharSize(const void *converter) { return 1; }
void ucnv_getToUCallBack(const void *c, void **action, const void **context) {}
void ucnv_getFromUCallBack(const void *c, void **action, const void **context) {}
void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc,
                         UErrorCode *status) { failed(status); }
void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc,
                           UErrorCode *status) { failed(status); }
void ucnv_cbToUWriteUChars(void *args, const void *source, int length, int offset,
                           UErrorCode *status) { failed(status); }
void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit, int offset,
                             UErrorCode *status) { failed(status); }
void ucnv_toUnicode(void *c, void **target, const void *limit, const char **source,
                    const char *source_limit, int *offsets, signed char flush,
                    UErrorCode *status) { failed(status); }
void ucnv_fromUnicode(void *c, char **target, const char *limit, const void **source,
                      const void *source_limit, int *offsets, signed char flush,
                      UErrorCode *status) { failed(status); }
int ucnv_toUCountPending(const void *c, UErrorCode *status) { return failed(status); }
int ucnv_fromUCountPending(const void *c, UErrorCode *status) { return failed(status); }
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const void *code_units,
                                     int length, int code_point, int reason,
                                     UErrorCode *status) {}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units,
                                   int length, int reason, UErrorCode *status) {}
