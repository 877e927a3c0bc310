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

  /// The functions `torch.x(input, ...)` that run the method `input.x(...)`.
  static let sharedWithMethods = [
    "sum", "mean", "argmax", "max", "min", "mm", "clamp", "matmul", "add", "sub", "mul", "div",
    "flatten", "transpose", "permute", "softmax", "log_softmax",
  ]

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
    matmul(input, other, *, out=None)
    mm(input, mat2, *, out=None)
    [torchmulti] clamp(input, min=None, max=None, *, ~out=None)
    [torchmulti] linspace(start, end, steps, *, \(factory))
    rand_like(input, *, ~generator=None, dtype=None, ~layout=None, device=None,
      requires_grad=False, ~memory_format=torch.preserve_format)
    randn_like(input, *, ~generator=None, dtype=None, ~layout=None, device=None,
      requires_grad=False, ~memory_format=torch.preserve_format)
    [python] no_grad()
    [python] set_default_device(device)
    [python] get_default_device()
    [python] Generator(device='cpu')
    [python] FloatTensor(*args, **kwargs)
    [python] DoubleTensor(*args, **kwargs)
    [python] LongTensor(*args, **kwargs)
    [python] IntTensor(*args, **kwargs)
    [python] BoolTensor(*args, **kwargs)
    [python] ByteTensor(*args, **kwargs)
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
    [torchmulti] add(input, other, *, alpha=1, out=None)
    [torchmulti] sub(input, other, *, alpha=1, out=None)
    [torchmulti] mul(input, other, *, out=None)
    [torchmulti] div(input, other, *, ~rounding_mode=None, out=None)
    [torchmulti] flatten(input, start_dim=0, end_dim=-1)
    [torchmulti] transpose(input, dim0, dim1)
    permute(input, dims)
    """
      + unary.map { "\n\($0)(input, *, out=None)" }.joined())

  static let accelerator = SignatureTable(
    "torch.accelerator", style: .python,
    """
    is_available()
    device_count()
    current_accelerator(check_available=False)
    """)

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
    mm(mat2)
    [torchmulti] clamp(min=None, max=None)
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
    matmul(other)
    [torchmulti] add(other, *, alpha=1)
    [torchmulti] sub(other, *, alpha=1)
    [torchmulti] mul(other)
    [torchmulti] div(other, *, ~rounding_mode=None)
    [torchmulti] flatten(start_dim=0, end_dim=-1)
    [torchmulti] transpose(dim0, dim1)
    permute(*dims)
    [torchmulti] softmax(dim, dtype=None)
    [torchmulti] log_softmax(dim, dtype=None)
    """
      + unary.map { "\n[noargs] \($0)() as TensorBase.\($0)" }.joined())
}

extension TorchSignatures {
  /// The constructors of the `torch.nn` layers (`Linear.__init__`): Python classes, whose
  /// errors count `self`.
  static let nn = SignatureTable(
    "torch.nn", style: .python, methods: true,
    """
    Linear(in_features, out_features, bias=True, ~device=None, ~dtype=None) as Linear.__init__
    Identity(*args, **kwargs) as Identity.__init__
    Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
      bias=True, ~padding_mode='zeros', ~device=None, ~dtype=None) as Conv1d.__init__
    Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
      bias=True, ~padding_mode='zeros', ~device=None, ~dtype=None) as Conv2d.__init__
    MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ~return_indices=False,
      ceil_mode=False) as MaxPool2d.__init__
    AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, ~count_include_pad=True,
      ~divisor_override=None) as AvgPool2d.__init__
    AdaptiveAvgPool2d(output_size) as AdaptiveAvgPool2d.__init__
    Flatten(start_dim=1, end_dim=-1) as Flatten.__init__
    Dropout(p=0.5, inplace=False) as Dropout.__init__
    BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True,
      ~device=None, ~dtype=None, *, ~bias=True) as BatchNorm1d.__init__
    BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True,
      ~device=None, ~dtype=None, *, ~bias=True) as BatchNorm2d.__init__
    LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, ~bias=True, ~device=None,
      ~dtype=None) as LayerNorm.__init__
    Embedding(num_embeddings, embedding_dim, padding_idx=None, ~max_norm=None, ~norm_type=2.0,
      ~scale_grad_by_freq=False, ~sparse=False, ~_weight=None, ~_freeze=False, ~device=None,
      ~dtype=None) as Embedding.__init__
    RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=False,
      dropout=0.0, bidirectional=False, ~device=None, ~dtype=None) as RNN.__init__
    LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
      bidirectional=False, proj_size=0, ~device=None, ~dtype=None) as LSTM.__init__
    GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
      bidirectional=False, ~device=None, ~dtype=None) as GRU.__init__
    RNNCell(input_size, hidden_size, bias=True, nonlinearity='tanh', ~device=None, ~dtype=None)
      as RNNCell.__init__
    LSTMCell(input_size, hidden_size, bias=True, ~device=None, ~dtype=None) as LSTMCell.__init__
    GRUCell(input_size, hidden_size, bias=True, ~device=None, ~dtype=None) as GRUCell.__init__
    ReLU(inplace=False) as ReLU.__init__
    Tanh(*args, **kwargs) as Tanh.__init__
    Sigmoid(*args, **kwargs) as Sigmoid.__init__
    LeakyReLU(negative_slope=0.01, inplace=False) as LeakyReLU.__init__
    ELU(alpha=1.0, inplace=False) as ELU.__init__
    Softplus(beta=1.0, threshold=20.0) as Softplus.__init__
    Softmax(dim=None) as Softmax.__init__
    LogSoftmax(dim=None) as LogSoftmax.__init__
    CrossEntropyLoss(weight=None, ~size_average=None, ~ignore_index=-100, ~reduce=None,
      reduction='mean', label_smoothing=0.0) as CrossEntropyLoss.__init__
    NLLLoss(weight=None, ~size_average=None, ~ignore_index=-100, ~reduce=None, reduction='mean')
      as NLLLoss.__init__
    MSELoss(~size_average=None, ~reduce=None, reduction='mean') as MSELoss.__init__
    L1Loss(~size_average=None, ~reduce=None, reduction='mean') as L1Loss.__init__
    BCELoss(weight=None, ~size_average=None, ~reduce=None, reduction='mean') as BCELoss.__init__
    BCEWithLogitsLoss(weight=None, ~size_average=None, ~reduce=None, reduction='mean',
      ~pos_weight=None) as BCEWithLogitsLoss.__init__
    MultiMarginLoss(p=1, margin=1.0, weight=None, ~size_average=None, ~reduce=None,
      reduction='mean') as MultiMarginLoss.__init__
    Sequential(*args) as Sequential.__init__
    ModuleList(modules=None) as ModuleList.__init__
    ModuleDict(modules=None) as ModuleDict.__init__
    """)

  static let functional = SignatureTable(
    "torch.nn.functional", style: .python,
    """
    relu(input, ~inplace=False)
    sigmoid(input)
    tanh(input)
    leaky_relu(input, negative_slope=0.01, ~inplace=False)
    elu(input, alpha=1.0, ~inplace=False)
    [torch] softplus(input, beta=1, threshold=20)
    softmax(input, dim=None, ~_stacklevel=3, dtype=None)
    log_softmax(input, dim=None, ~_stacklevel=3, dtype=None)
    cross_entropy(input, target, weight=None, ~size_average=None, ~ignore_index=-100,
      ~reduce=None, reduction='mean', ~label_smoothing=0.0)
    nll_loss(input, target, weight=None, ~size_average=None, ~ignore_index=-100, ~reduce=None,
      reduction='mean')
    mse_loss(input, target, ~size_average=None, ~reduce=None, reduction='mean', ~weight=None)
    l1_loss(input, target, ~size_average=None, ~reduce=None, reduction='mean', ~weight=None)
    binary_cross_entropy(input, target, weight=None, ~size_average=None, ~reduce=None,
      reduction='mean')
    binary_cross_entropy_with_logits(input, target, weight=None, ~size_average=None,
      ~reduce=None, reduction='mean', ~pos_weight=None)
    multi_margin_loss(input, target, p=1, margin=1.0, ~weight=None, ~size_average=None,
      ~reduce=None, reduction='mean')
    dropout(input, p=0.5, training=True, ~inplace=False)
    [torch] linear(input, weight, bias=None)
    [torch] conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)
    [torch] conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)
    max_pool2d(input, kernel_size, stride=None, padding=0, ~dilation=1, ~ceil_mode=False,
      ~return_indices=False)
    [torch] avg_pool2d(input, kernel_size, stride=None, padding=0, ~ceil_mode=False,
      ~count_include_pad=True, ~divisor_override=None)
    adaptive_avg_pool2d(input, output_size)
    embedding(input, weight, ~padding_idx=None, ~max_norm=None, ~norm_type=2.0,
      ~scale_grad_by_freq=False, ~sparse=False)
    [torch] one_hot(tensor, num_classes=-1)
    [torch] flatten(input, start_dim=0, end_dim=-1)
    """)

  /// The optimizers' constructors: their defaults are the parameter groups' defaults.
  static let optim = SignatureTable(
    "torch.optim", style: .python, methods: true,
    """
    SGD(params, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
      ~maximize=False, foreach=None, ~differentiable=False, fused=None) as SGD.__init__
    Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, ~amsgrad=False, *,
      foreach=None, ~maximize=False, capturable=False, ~differentiable=False, fused=None,
      decoupled_weight_decay=False) as Adam.__init__
    AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01, ~amsgrad=False, *,
      ~maximize=False, foreach=None, capturable=False, ~differentiable=False, fused=None)
      as AdamW.__init__
    RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, centered=False,
      capturable=False, foreach=None, ~maximize=False, ~differentiable=False) as RMSprop.__init__
    Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
      eps=1e-10, foreach=None, *, ~maximize=False, ~differentiable=False, fused=None)
      as Adagrad.__init__
    """)
}

extension TorchSignatures {
  /// `torch.utils.data`: datasets and the loader.
  static let data = SignatureTable(
    "torch.utils.data", style: .python,
    """
    DataLoader(dataset, batch_size=1, shuffle=None, ~sampler=None, ~batch_sampler=None,
      num_workers=0, ~collate_fn=None, pin_memory=False, drop_last=False, ~timeout=0,
      ~worker_init_fn=None, ~multiprocessing_context=None, ~generator=None, *,
      ~prefetch_factor=None, ~persistent_workers=False, ~pin_memory_device='', ~in_order=True)
    TensorDataset(*tensors)
    Subset(dataset, indices)
    random_split(dataset, lengths, generator=None)
    """)
}

extension TorchSignatures {
  /// The schedulers of `torch.optim.lr_scheduler`.
  static let lrScheduler = SignatureTable(
    "torch.optim.lr_scheduler", style: .python, methods: true,
    """
    StepLR(optimizer, step_size, gamma=0.1, ~last_epoch=-1) as StepLR.__init__
    MultiStepLR(optimizer, milestones, gamma=0.1, ~last_epoch=-1) as MultiStepLR.__init__
    ExponentialLR(optimizer, gamma, ~last_epoch=-1) as ExponentialLR.__init__
    LambdaLR(optimizer, lr_lambda, ~last_epoch=-1) as LambdaLR.__init__
    ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=0.0001,
      threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-08) as ReduceLROnPlateau.__init__
    """)
}

extension TorchSignatures {
  /// `torch.autograd`'s functions.
  static let autograd = SignatureTable(
    "torch.autograd", style: .python,
    """
    Variable(data=<no value>, requires_grad=False, ~volatile=False)
    """)
}
