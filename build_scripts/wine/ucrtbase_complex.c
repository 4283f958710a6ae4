/* Wine 8's ucrtbase only stubs the C99 complex functions (calling one aborts), and NumPy
 * imports 36 of them. Built with MinGW into the native ucrtbase.dll of the Wine prefix that
 * builds and tests the Windows app (wine_windows.py): every other export is forwarded to Wine's
 * own ucrtbase. Never part of the app: Windows' ucrtbase has them. Complex values in MSVC's
 * layout (_Dcomplex, _Fcomplex: structs of two numbers; long double is double). */
#include <complex.h>

typedef struct { double v[2]; } Dc;
typedef struct { float v[2]; } Fc;

static Dc dc(double complex w) { Dc r = {{creal(w), cimag(w)}}; return r; }
static Fc fc(float complex w) { Fc r = {{crealf(w), cimagf(w)}}; return r; }
#define D(z) ((z).v[0] + (z).v[1] * I)
#define F(z) ((z).v[0] + (z).v[1] * I)

#define COMPLEX_TO_COMPLEX(name) \
    Dc k_##name(Dc z) { return dc(name(D(z))); } \
    Fc k_##name##f(Fc z) { return fc(name##f(F(z))); } \
    Dc k_##name##l(Dc z) { return dc(name(D(z))); }
#define COMPLEX_TO_REAL(name) \
    double k_##name(Dc z) { return name(D(z)); } \
    float k_##name##f(Fc z) { return name##f(F(z)); } \
    double k_##name##l(Dc z) { return name(D(z)); }

COMPLEX_TO_COMPLEX(cacos) COMPLEX_TO_COMPLEX(cacosh) COMPLEX_TO_COMPLEX(casin)
COMPLEX_TO_COMPLEX(casinh) COMPLEX_TO_COMPLEX(catan) COMPLEX_TO_COMPLEX(catanh)
COMPLEX_TO_COMPLEX(ccos) COMPLEX_TO_COMPLEX(ccosh) COMPLEX_TO_COMPLEX(cexp)
COMPLEX_TO_COMPLEX(clog) COMPLEX_TO_COMPLEX(csin) COMPLEX_TO_COMPLEX(csinh)
COMPLEX_TO_COMPLEX(csqrt) COMPLEX_TO_COMPLEX(ctan) COMPLEX_TO_COMPLEX(ctanh)
COMPLEX_TO_COMPLEX(conj) COMPLEX_TO_COMPLEX(cproj)
COMPLEX_TO_REAL(cabs) COMPLEX_TO_REAL(carg) COMPLEX_TO_REAL(creal) COMPLEX_TO_REAL(cimag)

Dc k_cpow(Dc a, Dc b) { return dc(cpow(D(a), D(b))); }
Fc k_cpowf(Fc a, Fc b) { return fc(cpowf(F(a), F(b))); }
Dc k_cpowl(Dc a, Dc b) { return dc(cpow(D(a), D(b))); }
