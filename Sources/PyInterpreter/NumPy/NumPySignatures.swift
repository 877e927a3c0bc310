/// The functions of `numpy`, `numpy.random` and `numpy.linalg` and the methods of `ndarray`, as
/// NumPy 2.4 declares them (`inspect.signature`), with the parameters the engine does not
/// implement marked `~` (see `Signature`). `SignatureRegistryTests` checks every line against
/// the real signature; `docs/engine.md` is generated from these tables.
enum NumPySignatures {
  static let ufuncKeywords =
    "out=None, *, ~where=True, ~casting='same_kind', ~order='K', ~dtype=None, ~subok=True, "
    + "~signature=None"

  static let unaryUfuncs = [
    "exp", "log", "log2", "log10", "sqrt", "tanh", "sin", "cos", "tan", "abs", "absolute", "sign",
    "square", "floor", "ceil", "log1p", "expm1", "negative", "isnan", "isinf", "isfinite",
    "logical_not", "rint",
  ]

  static let binaryUfuncs = [
    "maximum", "minimum", "add", "subtract", "multiply", "divide", "power", "mod",
    "floor_divide", "equal", "not_equal", "less", "greater", "less_equal", "greater_equal",
    "logical_and", "logical_or", "logical_xor",
  ]

  static let module = SignatureTable(
    "numpy",
    """
    [numpy] dtype(dtype, ~align=False, ~copy=False, **~kwargs)

    # Creation
    [numpy] array(object, dtype=None, *, ~copy=True, ~order='K', ~subok=False, ~ndmin=0, ~ndmax=0,
      ~like=None)
    [numpy] asarray(a, dtype=None, ~order=None, *, ~device=None, ~copy=None, ~like=None)
    [numpy] zeros(shape, dtype=None, ~order='C', *, ~device=None, ~like=None)
    [numpy] empty(shape, dtype=None, ~order='C', *, ~device=None, ~like=None)
    ones(shape, dtype=None, ~order='C', *, ~device=None, ~like=None)
    full(shape, fill_value, dtype=None, ~order='C', *, ~device=None, ~like=None)
    zeros_like(a, dtype=None, ~order='K', ~subok=True, ~shape=None, *, ~device=None)
    empty_like(prototype, /, dtype=None, ~order='K', ~subok=True, ~shape=None, *, ~device=None)
    ones_like(a, dtype=None, ~order='K', ~subok=True, ~shape=None, *, ~device=None)
    full_like(a, fill_value, dtype=None, ~order='K', ~subok=True, ~shape=None, *, ~device=None)
    # The C function also takes `stop=` alone, so its first parameter is optional here.
    [numpy] arange(start_or_stop=None, /, stop=None, step=1, *, dtype=None, ~device=None,
      ~like=None)
    linspace(start, stop, num=50, endpoint=True, ~retstep=False, dtype=None, ~axis=0, *,
      ~device=None)
    eye(N, M=None, k=0, dtype=<class 'float'>, ~order='C', *, ~device=None, ~like=None)
    identity(n, dtype=None, *, ~like=None)
    copy(a, ~order='K', ~subok=False)

    # Products
    dot(a, b, ~out=None)
    [ufunc] matmul(x1, x2, /, ~out=None, *, ~axes=<no value>, ~axis=<no value>, ~keepdims=False,
      ~casting='same_kind', ~order='K', ~dtype=None, ~subok=True, ~signature=None)
    outer(a, b, ~out=None)

    # Elementwise (the ufuncs are listed below the table)
    clip(a, a_min=<no value>, a_max=<no value>, ~out=None, *, min=<no value>, max=<no value>,
      **~kwargs)
    round(a, decimals=0, ~out=None)
    around(a, decimals=0, ~out=None)
    where(condition, x=None, y=None, /)

    # Reductions
    sum(a, axis=None, dtype=None, ~out=None, keepdims=<no value>, ~initial=<no value>,
      ~where=<no value>)
    mean(a, axis=None, dtype=None, ~out=None, keepdims=<no value>, *, ~where=<no value>)
    max(a, axis=None, ~out=None, keepdims=<no value>, ~initial=<no value>, ~where=<no value>)
    min(a, axis=None, ~out=None, keepdims=<no value>, ~initial=<no value>, ~where=<no value>)
    amax(a, axis=None, ~out=None, keepdims=<no value>, ~initial=<no value>, ~where=<no value>)
    amin(a, axis=None, ~out=None, keepdims=<no value>, ~initial=<no value>, ~where=<no value>)
    prod(a, axis=None, dtype=None, ~out=None, keepdims=<no value>, ~initial=<no value>,
      ~where=<no value>)
    any(a, axis=None, ~out=None, keepdims=<no value>, *, ~where=<no value>)
    all(a, axis=None, ~out=None, keepdims=<no value>, *, ~where=<no value>)
    std(a, axis=None, dtype=None, ~out=None, ddof=0, keepdims=<no value>, *, ~where=<no value>,
      ~mean=<no value>, ~correction=<no value>)
    var(a, axis=None, dtype=None, ~out=None, ddof=0, keepdims=<no value>, *, ~where=<no value>,
      ~mean=<no value>, ~correction=<no value>)
    argmax(a, axis=None, ~out=None, *, keepdims=<no value>)
    argmin(a, axis=None, ~out=None, *, keepdims=<no value>)
    cumsum(a, axis=None, dtype=None, ~out=None)
    median(a, axis=None, ~out=None, ~overwrite_input=False, keepdims=False)
    trace(a, ~offset=0, ~axis1=0, ~axis2=1, ~dtype=None, ~out=None)

    # Shapes and joining
    reshape(a, /, shape, ~order='C', *, ~copy=None)
    transpose(a, axes=None)
    concatenate(arrays, /, axis=0, ~out=None, *, ~dtype=None, ~casting='same_kind')
    stack(arrays, axis=0, ~out=None, *, ~dtype=None, ~casting='same_kind')
    vstack(tup, *, ~dtype=None, ~casting='same_kind')
    hstack(tup, *, ~dtype=None, ~casting='same_kind')
    column_stack(tup)
    squeeze(a, axis=None)
    expand_dims(a, axis)
    tile(A, reps)
    repeat(a, repeats, axis=None)
    flip(m, axis=None)
    diag(v, k=0)
    meshgrid(*xi, ~copy=True, ~sparse=False, indexing='xy')
    shape(a)
    size(a, ~axis=None)
    ndim(a)

    # Searching, sorting, counting
    nonzero(a)
    argsort(a, axis=-1, ~kind=None, ~order=None, *, ~stable=None)
    sort(a, axis=-1, ~kind=None, ~order=None, *, ~stable=None)
    unique(ar, ~return_index=False, ~return_inverse=False, return_counts=False, ~axis=None, *,
      ~equal_nan=True, ~sorted=True)
    bincount(x, /, weights=None, minlength=0)

    # Statistics and comparison
    cov(m, ~y=None, rowvar=True, bias=False, ddof=None, ~fweights=None, ~aweights=None, *,
      ~dtype=None)
    corrcoef(x, ~y=None, rowvar=True, *, ~dtype=None)
    allclose(a, b, rtol=1e-05, atol=1e-08, ~equal_nan=False)
    array_equal(a1, a2, ~equal_nan=False)

    # Input and printing
    load(file, ~mmap_mode=None, ~allow_pickle=False, ~fix_imports=True, ~encoding='ASCII', *,
      ~max_header_size=10000)
    set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
      suppress=None, ~nanstr=None, ~infstr=None, ~formatter=None, ~sign=None, ~floatmode=None, *,
      ~legacy=None, ~override_repr=None)
    """
      // `abs` is `absolute` itself and names itself so.
      + unaryUfuncs.map {
        "\n[ufunc] \($0)(x, /, \(ufuncKeywords))\($0 == "abs" ? " as absolute" : "")"
      }.joined()
      // `mod` is `remainder`.
      + binaryUfuncs.map {
        "\n[ufunc] \($0)(x1, x2, /, \(ufuncKeywords))\($0 == "mod" ? " as remainder" : "")"
      }.joined())

  static let random = SignatureTable(
    "numpy.random", style: .cython,
    """
    seed(seed=None)
    rand(*args)
    randn(*args)
    random(size=None)
    random_sample(size=None)
    sample(*args, **kwargs)
    ranf(*args, **kwargs)
    standard_normal(size=None)
    normal(loc=0.0, scale=1.0, size=None)
    uniform(low=0.0, high=1.0, size=None)
    randint(low, high=None, size=None, ~dtype=<class 'int'>)
    choice(a, size=None, replace=True, p=None)
    exponential(scale=1.0, size=None)
    standard_exponential(size=None)
    multivariate_normal(mean, cov, size=None, ~check_valid='warn', ~tol=1e-08)
    permutation(x)
    shuffle(x)
    lognormal(mean=0.0, sigma=1.0, size=None)
    RandomState(seed=None)
    """)

  static let linalg = SignatureTable(
    "numpy.linalg",
    """
    inv(a)
    det(a)
    solve(a, b)
    eig(a)
    eigh(a, ~UPLO='L')
    eigvalsh(a, ~UPLO='L')
    cholesky(a, /, *, ~upper=False)
    svd(a, full_matrices=True, compute_uv=True, ~hermitian=False)
    norm(x, ord=None, axis=None, keepdims=False)
    matrix_rank(A, tol=None, ~hermitian=False, *, rtol=None)
    """)
}

extension NumPySignatures {
  /// `ndarray`'s methods (NumPy scalars share them). The reductions are NumPy's Python
  /// `_methods` (`_sum`), which name themselves in their errors.
  static let ndarray = SignatureTable(
    "numpy.ndarray", methods: true,
    """
    sum(axis=None, dtype=None, ~out=None, keepdims=False, ~initial=<no value>, ~where=True) as _sum
    mean(axis=None, dtype=None, ~out=None, keepdims=False, *, ~where=True) as _mean
    max(axis=None, ~out=None, keepdims=False, ~initial=<no value>, ~where=True) as _amax
    min(axis=None, ~out=None, keepdims=False, ~initial=<no value>, ~where=True) as _amin
    prod(axis=None, dtype=None, ~out=None, keepdims=False, ~initial=<no value>,
      ~where=True) as _prod
    # `a.any(axis, dtype, out, keepdims)`: NumPy's _any takes a dtype second, which
    # inspect.signature does not show.
    any(axis=None, ~dtype=None, ~out=None, keepdims=False, *, ~where=True) as _any
    all(axis=None, ~dtype=None, ~out=None, keepdims=False, *, ~where=True) as _all
    std(axis=None, dtype=None, ~out=None, ddof=0, keepdims=False, *, ~where=True,
      ~mean=<no value>, ~correction=<no value>) as _std
    var(axis=None, dtype=None, ~out=None, ddof=0, keepdims=False, *, ~where=True,
      ~mean=<no value>, ~correction=<no value>) as _var
    [numpy] argmax(axis=None, ~out=None, *, keepdims=False)
    [numpy] argmin(axis=None, ~out=None, *, keepdims=False)
    [clinic] cumsum(axis=None, dtype=None, ~out=None)
    [clinic] reshape(*shape, ~order='C', ~copy=None) as this function
    [numpy] astype(dtype, ~order='K', ~casting='unsafe', ~subok=True, ~copy=True)
    [numpy] copy(~order='C')
    [numpy] flatten(~order='C')
    [numpy] ravel(~order='C')
    [single] tolist()
    [single] item(*args) as ndarray.item
    [single] transpose(*axes) as ndarray.transpose
    [numpy] dot(other, /, ~out=None)
    clip(min=None, max=None, ~out=None, **~kwargs) as _clip
    [numpy] squeeze(axis=None)
    [clinic] fill(value)
    [clinic] round(decimals=0, ~out=None)
    [numpy] argsort(axis=-1, ~kind=None, ~order=None, *, ~stable=None)
    [numpy] sort(axis=-1, ~kind=None, ~order=None, *, ~stable=None)
    [single] nonzero() as ndarray.nonzero
    [numpy] repeat(repeats, /, axis=None)
    [numpy] diagonal(offset=0, axis1=0, axis2=1)
    [numpy] swapaxes(axis1, axis2, /)
    [numpy] setflags(*, write=None, ~align=None, ~uic=None)
    __abs__()
    [single] __format__(spec, /)
    __round__(ndigits=None)
    # The number protocol the runtime's int(), float() and indexing call.
    __float__()
    __int__()
    __index__()
    """)
}
