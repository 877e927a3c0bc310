#ifndef JOURNAL_COPENBLAS_SHIM_H
#define JOURNAL_COPENBLAS_SHIM_H
// The few CBLAS and LAPACKE routines Tensors calls, with their OpenBLAS / LAPACKE signatures.
//
// The libraries are loaded on first use (dlopen), not linked: linked, they cost every `journal`
// process about 20,000 symbol relocations and OpenBLAS's thread pool at start-up (5 ms of a
// 24 ms `journal --version`), while only cell runs use them. Each routine is looked up once.
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 } CBLAS_ORDER;
typedef enum CBLAS_TRANSPOSE {
  CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113, CblasConjNoTrans = 114
} CBLAS_TRANSPOSE;
typedef int blasint;
typedef int lapack_int;
#define LAPACK_ROW_MAJOR 101
#define LAPACK_COL_MAJOR 102

#if defined(__APPLE__)
#define JOURNAL_OPENBLAS_NAME "libopenblas.dylib"
#define JOURNAL_LAPACKE_NAME "liblapacke.dylib"
#else
#define JOURNAL_OPENBLAS_NAME "libopenblas.so.0"
#define JOURNAL_LAPACKE_NAME "liblapacke.so.3"
#endif

/// Names the kernels OpenBLAS should use, unless the user did (OPENBLAS_CORETYPE): SkylakeX
/// where the CPU has AVX-512, Haswell where it has AVX2 and FMA.
///
/// OpenBLAS picks its kernels from the CPU model when it loads, and Debian 12's 0.3.21 does not
/// know models newer than it: an Emerald Rapids Xeon (family 6, model 207) gets the generic
/// Prescott (SSE3) kernels, and every GEMM runs 4 to 5 times slower than NumPy's. NumPy's own
/// OpenBLAS chooses SkylakeX there, so naming it also gives NumPy's bits (corpus program 091).
static inline void journal_blas_choose_kernels(void) {
#if defined(__x86_64__) && !defined(__APPLE__)
  if (getenv("OPENBLAS_CORETYPE")) return;
  __builtin_cpu_init();
  const char *core = NULL;
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
      && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq")
      && __builtin_cpu_supports("avx512cd")) {
    core = "SkylakeX";
  } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    core = "Haswell";
  }
  if (core) setenv("OPENBLAS_CORETYPE", core, 0);
#endif
}

/// The address of `symbol` in `library`, loading it if needed; exits with a one-line message
/// when the library or the routine is missing (install libopenblas-dev and liblapacke-dev).
static inline void *journal_blas_symbol(const char *library, const char *symbol) {
  // Before the first load, and once: a second thread waits rather than loading OpenBLAS first.
  static pthread_once_t kernels = PTHREAD_ONCE_INIT;
  pthread_once(&kernels, journal_blas_choose_kernels);
  void *handle = dlopen(library, RTLD_NOW | RTLD_GLOBAL);
  void *address = handle ? dlsym(handle, symbol) : NULL;
  if (!address) {
    fprintf(stderr, "journal: cannot load %s from %s: %s\n", symbol, library, dlerror());
    exit(1);
  }
  return address;
}

#define JOURNAL_BLAS_ROUTINE(library, type, name)                                    \
  static type name##_address = NULL;                                                 \
  type routine = __atomic_load_n(&name##_address, __ATOMIC_ACQUIRE);                 \
  if (!routine) {                                                                    \
    routine = (type)journal_blas_symbol(library, #name);                             \
    __atomic_store_n(&name##_address, routine, __ATOMIC_RELEASE);                    \
  }

static inline void cblas_sgemm(
    const enum CBLAS_ORDER Order, const enum CBLAS_TRANSPOSE TransA,
    const enum CBLAS_TRANSPOSE TransB, const blasint M, const blasint N, const blasint K,
    const float alpha, const float *A, const blasint lda, const float *B, const blasint ldb,
    const float beta, float *C, const blasint ldc) {
  typedef void (*Routine)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, blasint,
                          blasint, blasint, float, const float *, blasint, const float *,
                          blasint, float, float *, blasint);
  JOURNAL_BLAS_ROUTINE(JOURNAL_OPENBLAS_NAME, Routine, cblas_sgemm)
  routine(Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

static inline void cblas_dgemm(
    const enum CBLAS_ORDER Order, const enum CBLAS_TRANSPOSE TransA,
    const enum CBLAS_TRANSPOSE TransB, const blasint M, const blasint N, const blasint K,
    const double alpha, const double *A, const blasint lda, const double *B, const blasint ldb,
    const double beta, double *C, const blasint ldc) {
  typedef void (*Routine)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, blasint,
                          blasint, blasint, double, const double *, blasint, const double *,
                          blasint, double, double *, blasint);
  JOURNAL_BLAS_ROUTINE(JOURNAL_OPENBLAS_NAME, Routine, cblas_dgemm)
  routine(Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

static inline double cblas_ddot(
    const blasint n, const double *x, const blasint incx, const double *y, const blasint incy) {
  typedef double (*Routine)(blasint, const double *, blasint, const double *, blasint);
  JOURNAL_BLAS_ROUTINE(JOURNAL_OPENBLAS_NAME, Routine, cblas_ddot)
  return routine(n, x, incx, y, incy);
}

static inline float cblas_sdot(
    const blasint n, const float *x, const blasint incx, const float *y, const blasint incy) {
  typedef float (*Routine)(blasint, const float *, blasint, const float *, blasint);
  JOURNAL_BLAS_ROUTINE(JOURNAL_OPENBLAS_NAME, Routine, cblas_sdot)
  return routine(n, x, incx, y, incy);
}

static inline void cblas_dgemv(
    const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE trans, const blasint m,
    const blasint n, const double alpha, const double *a, const blasint lda, const double *x,
    const blasint incx, const double beta, double *y, const blasint incy) {
  typedef void (*Routine)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, blasint, blasint, double,
                          const double *, blasint, const double *, blasint, double, double *,
                          blasint);
  JOURNAL_BLAS_ROUTINE(JOURNAL_OPENBLAS_NAME, Routine, cblas_dgemv)
  routine(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

static inline void cblas_sgemv(
    const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE trans, const blasint m,
    const blasint n, const float alpha, const float *a, const blasint lda, const float *x,
    const blasint incx, const float beta, float *y, const blasint incy) {
  typedef void (*Routine)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, blasint, blasint, float,
                          const float *, blasint, const float *, blasint, float, float *,
                          blasint);
  JOURNAL_BLAS_ROUTINE(JOURNAL_OPENBLAS_NAME, Routine, cblas_sgemv)
  routine(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

static inline lapack_int LAPACKE_dgeev(
    int matrix_layout, char jobvl, char jobvr, lapack_int n, double *a, lapack_int lda,
    double *wr, double *wi, double *vl, lapack_int ldvl, double *vr, lapack_int ldvr) {
  typedef lapack_int (*Routine)(int, char, char, lapack_int, double *, lapack_int, double *,
                                double *, double *, lapack_int, double *, lapack_int);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dgeev)
  return routine(matrix_layout, jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr);
}

static inline lapack_int LAPACKE_dgesdd(
    int matrix_layout, char jobz, lapack_int m, lapack_int n, double *a, lapack_int lda,
    double *s, double *u, lapack_int ldu, double *vt, lapack_int ldvt) {
  typedef lapack_int (*Routine)(int, char, lapack_int, lapack_int, double *, lapack_int,
                                double *, double *, lapack_int, double *, lapack_int);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dgesdd)
  return routine(matrix_layout, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);
}

static inline lapack_int LAPACKE_dgesv(
    int matrix_layout, lapack_int n, lapack_int nrhs, double *a, lapack_int lda,
    lapack_int *ipiv, double *b, lapack_int ldb) {
  typedef lapack_int (*Routine)(int, lapack_int, lapack_int, double *, lapack_int,
                                lapack_int *, double *, lapack_int);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dgesv)
  return routine(matrix_layout, n, nrhs, a, lda, ipiv, b, ldb);
}

static inline lapack_int LAPACKE_dgetrf(
    int matrix_layout, lapack_int m, lapack_int n, double *a, lapack_int lda,
    lapack_int *ipiv) {
  typedef lapack_int (*Routine)(int, lapack_int, lapack_int, double *, lapack_int, lapack_int *);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dgetrf)
  return routine(matrix_layout, m, n, a, lda, ipiv);
}

static inline lapack_int LAPACKE_dgetri(
    int matrix_layout, lapack_int n, double *a, lapack_int lda, const lapack_int *ipiv) {
  typedef lapack_int (*Routine)(int, lapack_int, double *, lapack_int, const lapack_int *);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dgetri)
  return routine(matrix_layout, n, a, lda, ipiv);
}

static inline lapack_int LAPACKE_dpotrf(
    int matrix_layout, char uplo, lapack_int n, double *a, lapack_int lda) {
  typedef lapack_int (*Routine)(int, char, lapack_int, double *, lapack_int);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dpotrf)
  return routine(matrix_layout, uplo, n, a, lda);
}

static inline lapack_int LAPACKE_dsyevd(
    int matrix_layout, char jobz, char uplo, lapack_int n, double *a, lapack_int lda,
    double *w) {
  typedef lapack_int (*Routine)(int, char, char, lapack_int, double *, lapack_int, double *);
  JOURNAL_BLAS_ROUTINE(JOURNAL_LAPACKE_NAME, Routine, LAPACKE_dsyevd)
  return routine(matrix_layout, jobz, uplo, n, a, lda, w);
}

#endif
