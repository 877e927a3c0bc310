#ifndef JOURNAL_COPENBLAS_SHIM_H
#define JOURNAL_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
