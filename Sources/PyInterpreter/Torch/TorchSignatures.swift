/// The functions of `torch` and the methods of `torch.Tensor`, as PyTorch 2.13 declares them
/// (its C++ argument parser's signatures, which `inspect` cannot read; `[torch]` copies that
/// parser's messages, `[torchmulti]` its "invalid combination of arguments" for overloaded
/// names), with the parameters the engine does not implement marked `~` (see `Signature`).
enum TorchSignatures {
  /// The keywords of PyTorch's factory functions.
  static let factory =
    "~out=None, dtype=None, ~layout=torch.strided, device=None, requires_grad=False, "
    + "~pin_memory=False"

  static let unary = ["exp", "log", "tanh", "sigmoid", "relu", "abs", "sqrt", "sin", "cos"]

  static let module = SignatureTable(
    "torch", style: .torch,
    """
    tensor(data, *, dtype=None, device=None, requires_grad=False, ~pin_memory=False)
    [python] manual_seed(seed)
    [torchmulti] randn(*sizes, size=None, ~generator=None, \(factory))
    [torchmulti] rand(*sizes, size=None, ~generator=None, \(factory))
    [torchmulti] randint(*bounds, low=None, high=None, size=None, ~generator=None, \(factory))
    [torchmulti] randperm(n, *, ~generator=None, \(factory))
    [single] from_numpy(ndarray, /) as torch._VariableFunctionsClass.from_numpy
    full(size, fill_value, *, \(factory))
    [torchmulti] eye(n, m=None, *, \(factory))
    zeros_like(input, *, dtype=None, ~layout=None, device=None, requires_grad=False,
      ~memory_format=torch.preserve_format)
    ones_like(input, *, dtype=None, ~layout=None, device=None, requires_grad=False,
      ~memory_format=torch.preserve_format)
    softmax(input, dim, dtype=None)
    log_softmax(input, dim, dtype=None)
    zeros(*sizes, size=None, \(factory))
    ones(*sizes, size=None, \(factory))
    [torchmulti] arange(start=<no value>, end=<no value>, step=<no value>, *, \(factory))
    matmul(input, other, *, ~out=None)
    [python] no_grad()
    device(type, index=None)
    equal(input, other)
    allclose(input, other, rtol=1e-05, atol=1e-08, ~equal_nan=False)
    cat(tensors, dim=0, *, ~out=None)
    stack(tensors, dim=0, *, ~out=None)
    [torchmulti] sum(input, dim=None, keepdim=False, *, dtype=None)
    [torchmulti] mean(input, dim=None, keepdim=False, *, dtype=None, ~out=None)
    argmax(input, dim=None, keepdim=False)
    [torchmulti] max(input, dim=None, keepdim=False, *, ~out=None)
    [torchmulti] min(input, dim=None, keepdim=False, *, ~out=None)
    """
      + unary.map { "\n\($0)(input, *, ~out=None)" }.joined())

  static let cuda = SignatureTable(
    "torch.cuda", style: .python,
    """
    is_available()
    device_count()
    """)

  /// `torch.Tensor`'s methods. The ones PyTorch binds without arguments name themselves
  /// `TensorBase.x` in their errors.
  static let tensor = SignatureTable(
    "torch.Tensor", style: .torch, methods: true,
    """
    size(dim=None)
    [noargs] dim() as TensorBase.dim
    [noargs] numel() as TensorBase.numel
    [noargs] item() as TensorBase.item
    [noargs] tolist() as TensorBase.tolist
    [python] backward(gradient=None, retain_graph=None, ~create_graph=False, ~inputs=None) as Tensor.backward
    [noargs] detach() as TensorBase.detach
    clone(*, ~memory_format=torch.preserve_format)
    requires_grad_(requires_grad=True)
    [noargs] zero_() as TensorBase.zero_
    float(~memory_format=torch.preserve_format)
    double(~memory_format=torch.preserve_format)
    long(~memory_format=torch.preserve_format)
    [torchmulti] view(*shape)
    reshape(shape, *more)
    [noargs] t() as TensorBase.t
    unsqueeze(dim)
    [torchmulti] squeeze(dim=None)
    [torchmulti] sum(dim=None, keepdim=False, *, dtype=None)
    [torchmulti] mean(dim=None, keepdim=False, *, dtype=None)
    [torchmulti] std(dim=None, unbiased=True, keepdim=False, *, correction=None)
    [torchmulti] var(dim=None, unbiased=True, keepdim=False, *, correction=None)
    [torchmulti] any(dim=None, keepdim=False)
    [torchmulti] all(dim=None, keepdim=False)
    argmax(dim=None, keepdim=False)
    [torchmulti] max(dim=None, keepdim=False)
    [torchmulti] min(dim=None, keepdim=False)
    topk(k, dim=-1, largest=True, sorted=True)
    [torchmulti] pow(exponent)
    numpy(*, ~force=False)
    [torchmulti] to(*args, dtype=None, device=None, non_blocking=False, copy=False,
      ~memory_format=torch.preserve_format)
    cpu(~memory_format=torch.preserve_format)
    contiguous(~memory_format=torch.contiguous_format)
    [python] norm(p='fro', dim=None, keepdim=False, dtype=None) as Tensor.norm
    [torchmulti] fill_(value)
    copy_(src, ~non_blocking=False)
    uniform_(from=0, to=1, *, ~generator=None)
    normal_(mean=0, std=1, *, ~generator=None)
    [torchmulti] round(*, decimals=0)
    [noargs] neg() as TensorBase.neg
    [noargs] floor() as TensorBase.floor
    [noargs] ceil() as TensorBase.ceil
    [torchone] add_(other, *, alpha=1)
    [torchone] sub_(other, *, alpha=1)
    mul_(other)
    div_(other, *, ~rounding_mode=None)
    """
      + unary.map { "\n[noargs] \($0)() as TensorBase.\($0)" }.joined())
}
