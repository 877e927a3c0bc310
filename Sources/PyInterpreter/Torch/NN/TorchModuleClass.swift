import Foundation
import Tensors

/// `torch.nn.Module` as a class of the cell language.
///
/// Built-in layers and user subclasses are ordinary instances whose attributes hold the state,
/// as PyTorch keeps it: parameters are `Parameter` tensors, submodules are module instances,
/// buffers are tensors flagged when registered, and `training` is a plain attribute. Traversal
/// (`parameters()`, `state_dict()`, the printed tree) walks the attributes in assignment order,
/// parameters and buffers of a module before its children, as PyTorch's registries do.
extension TorchContext {
  /// The instance when `v` is an `nn.Module`.
  func moduleInstance(_ v: PyValue) -> PyInstance? {
    guard case .instance(let i) = v, i.cls.isSubclass(of: moduleClass) else { return nil }
    return i
  }

  func requireModule(_ v: PyValue, _ what: String) throws -> PyInstance {
    guard let i = moduleInstance(v) else {
      throw PyException(.typeError, "\(what): \(rt.typeName(v)) is not a Module subclass")
    }
    return i
  }

  /// Attributes that are parameters, in assignment order.
  func ownParameters(_ m: PyInstance) -> [(String, TorchTensor)] {
    m.attributes.items.compactMap { k, v in
      guard case .str(let name) = k, case .native(let t as TorchTensor) = v, t.isParameter else {
        return nil
      }
      return (name, t)
    }
  }

  func ownBuffers(_ m: PyInstance) -> [(String, TorchTensor)] {
    m.attributes.items.compactMap { k, v in
      guard case .str(let name) = k, case .native(let t as TorchTensor) = v, t.isBuffer else {
        return nil
      }
      return (name, t)
    }
  }

  func childModules(_ m: PyInstance) -> [(String, PyInstance)] {
    m.attributes.items.compactMap { k, v in
      guard case .str(let name) = k, let c = moduleInstance(v) else { return nil }
      return (name, c)
    }
  }

  /// `named_modules()`: this module, then its descendants depth first, each once.
  func namedModules(_ m: PyInstance, prefix: String = "") -> [(String, PyInstance)] {
    var seen = Set<ObjectIdentifier>()
    var out: [(String, PyInstance)] = []
    func walk(_ m: PyInstance, _ prefix: String) {
      guard seen.insert(ObjectIdentifier(m)).inserted else { return }
      out.append((prefix, m))
      for (name, c) in childModules(m) { walk(c, prefix.isEmpty ? name : prefix + "." + name) }
    }
    walk(m, prefix)
    return out
  }

  /// `named_parameters()`: shared parameters appear once, under their first name.
  func namedParameters(_ m: PyInstance, recurse: Bool = true) -> [(String, TorchTensor)] {
    var seen = Set<ObjectIdentifier>()
    var out: [(String, TorchTensor)] = []
    let modules = recurse ? namedModules(m) : [("", m)]
    for (prefix, sub) in modules {
      for (name, p) in ownParameters(sub) where seen.insert(ObjectIdentifier(p)).inserted {
        out.append((prefix.isEmpty ? name : prefix + "." + name, p))
      }
    }
    return out
  }

  func namedBuffers(_ m: PyInstance) -> [(String, TorchTensor)] {
    namedModules(m).flatMap { prefix, sub in
      ownBuffers(sub).map { (prefix.isEmpty ? $0.0 : prefix + "." + $0.0, $0.1) }
    }
  }

  /// `state_dict()` order: each module's parameters, then its buffers, then its children.
  func stateEntries(_ m: PyInstance) -> [(String, TorchTensor)] {
    var out: [(String, TorchTensor)] = []
    func walk(_ m: PyInstance, _ prefix: String) {
      for (name, t) in ownParameters(m) + ownBuffers(m) { out.append((prefix + name, t)) }
      for (name, c) in childModules(m) { walk(c, prefix + name + ".") }
    }
    walk(m, "")
    return out
  }

  func isTraining(_ m: PyInstance) -> Bool {
    if case .bool(let b)? = m.attributes.get("training") { return b }
    return true
  }

  /// PyTorch's `Module.__repr__`: the extra representation, then each child indented by two.
  func moduleRepr(_ m: PyInstance) throws -> String {
    let extra = try rt.str(try rt.call(try rt.getAttribute(.instance(m), "extra_repr"), []))
    let extraLines = extra.isEmpty ? [] : extra.components(separatedBy: "\n")
    var childLines: [String] = []
    if m.cls.name == "ModuleList" || m.cls.name == "Sequential" && m.cls.module == "torch.nn" {
      childLines = try compressedChildLines(m)
    } else {
      for (name, c) in childModules(m) {
        let text = try rt.repr(.instance(c)).replacingOccurrences(of: "\n", with: "\n  ")
        childLines.append("(\(name)): \(text)")
      }
    }
    let lines = extraLines + childLines
    var out = m.cls.name + "("
    if !lines.isEmpty {
      if extraLines.count == 1 && childLines.isEmpty {
        out += extraLines[0]
      } else {
        out += "\n  " + lines.joined(separator: "\n  ") + "\n"
      }
    }
    return out + ")"
  }

  /// `ModuleList.__repr__` folds runs of identical children into `(0-1): 2 x Linear(...)`;
  /// `Sequential` lists each child.
  func compressedChildLines(_ m: PyInstance) throws -> [String] {
    let children = childModules(m)
    let reprs = try children.map {
      try rt.repr(.instance($0.1)).replacingOccurrences(of: "\n", with: "\n  ")
    }
    guard m.cls.name == "ModuleList" else {
      return zip(children, reprs).map { "(\($0.0)): \($1)" }
    }
    var lines: [String] = []
    var start = 0
    while start < reprs.count {
      var end = start
      while end + 1 < reprs.count && reprs[end + 1] == reprs[start] { end += 1 }
      if end == start {
        lines.append("(\(start)): \(reprs[start])")
      } else {
        lines.append("(\(start)-\(end)): \(end - start + 1) x \(reprs[start])")
      }
      start = end + 1
    }
    return lines
  }

  func parameterIterator(_ ps: [(String, TorchTensor)], named: Bool) -> PyValue {
    .iterator(
      .over(
        ps.map { named ? .tuple([.str($0.0), .native($0.1)]) : .native($0.1) },
        typeName: "generator"))
  }

  /// The class `nn.Module` with PyTorch's methods.
  func makeModuleClass() -> PyClass {
    let cls = PyClass(name: "Module", base: rt.objectClass, module: "torch.nn.modules.module")
    let rt = self.rt
    func define(_ name: String, _ body: @escaping (PyInstance, Arguments) throws -> PyValue) {
      cls.namespace.set(
        name,
        .builtin(
          PyBuiltin(name) { [unowned self] args, kwargs in
            guard let first = args.first, let me = self.moduleInstance(first) else {
              throw PyException(
                .typeError, "descriptor '\(name)' requires a 'Module' object")
            }
            return try body(me, Arguments(name, Array(args.dropFirst()), kwargs))
          }))
    }
    define("__init__") { me, _ in
      if me.attributes.get("training") == nil { me.attributes.set("training", .bool(true)) }
      return .none
    }
    // `model(x)` is the hot path of every training loop: call `forward` from the class without
    // building a bound method unless an instance attribute overrides it.
    cls.namespace.set(
      "__call__",
      .builtin(
        PyBuiltin("__call__") { args, kwargs in
          guard case .instance(let me)? = args.first else {
            throw PyException(.typeError, "descriptor '__call__' requires a 'Module' object")
          }
          if me.attributes.get("forward") == nil, let f = me.cls.lookup("forward") {
            switch f {
            case .builtin, .function: return try rt.call(f, args, kwargs)
            default: break
            }
          }
          return try rt.call(
            try rt.getAttribute(.instance(me), "forward"), Array(args.dropFirst()), kwargs)
        }))
    define("forward") { me, _ in
      throw PyException(
        .notImplementedError,
        "Module [\(me.cls.name)] is missing the required \"forward\" function")
    }
    define("extra_repr") { _, _ in .str("") }
    define("__repr__") { [unowned self] me, _ in .str(try self.moduleRepr(me)) }
    define("parameters") { [unowned self] me, a in
      let recurse = try a.value(0, "recurse").map { try rt.isTrue($0) } ?? true
      return self.parameterIterator(self.namedParameters(me, recurse: recurse), named: false)
    }
    define("named_parameters") { [unowned self] me, a in
      let prefix = try a.value(0, "prefix").map { try rt.string($0, "prefix") } ?? ""
      let recurse = try a.value(1, "recurse").map { try rt.isTrue($0) } ?? true
      let ps = self.namedParameters(me, recurse: recurse).map {
        (prefix.isEmpty ? $0.0 : prefix + "." + $0.0, $0.1)
      }
      return self.parameterIterator(ps, named: true)
    }
    define("buffers") { [unowned self] me, _ in
      self.parameterIterator(self.namedBuffers(me), named: false)
    }
    define("named_buffers") { [unowned self] me, _ in
      self.parameterIterator(self.namedBuffers(me), named: true)
    }
    define("children") { [unowned self] me, _ in
      .iterator(.over(self.childModules(me).map { .instance($0.1) }, typeName: "generator"))
    }
    define("named_children") { [unowned self] me, _ in
      .iterator(
        .over(
          self.childModules(me).map { .tuple([.str($0.0), .instance($0.1)]) },
          typeName: "generator"))
    }
    define("modules") { [unowned self] me, _ in
      .iterator(.over(self.namedModules(me).map { .instance($0.1) }, typeName: "generator"))
    }
    define("named_modules") { [unowned self] me, _ in
      .iterator(
        .over(
          self.namedModules(me).map { .tuple([.str($0.0), .instance($0.1)]) },
          typeName: "generator"))
    }
    define("train") { [unowned self] me, a in
      let mode = try a.value(0, "mode").map { try rt.isTrue($0) } ?? true
      for (_, m) in self.namedModules(me) { m.attributes.set("training", .bool(mode)) }
      return .instance(me)
    }
    define("eval") { [unowned self] me, _ in
      for (_, m) in self.namedModules(me) { m.attributes.set("training", .bool(false)) }
      return .instance(me)
    }
    define("zero_grad") { [unowned self] me, a in
      let toNone = try a.value(0, "set_to_none").map { try rt.isTrue($0) } ?? true
      for (_, p) in self.namedParameters(me) {
        guard let g = p.tensor.grad else { continue }
        if toNone {
          p.tensor.grad = nil
        } else {
          try bridged { try GradMode.withNoGrad { try g.fillInPlace(.int(0)) } }
        }
      }
      return .none
    }
    define("requires_grad_") { [unowned self] me, a in
      let flag = try a.value(0, "requires_grad").map { try rt.isTrue($0) } ?? true
      for (_, p) in self.namedParameters(me) {
        try bridged { try p.tensor.setRequiresGrad(flag) }
      }
      return .instance(me)
    }
    // One device and float32 parameters: moving is the identity, as on a CPU-only machine.
    for name in ["to", "cpu", "float"] {
      define(name) { me, _ in .instance(me) }
    }
    define("apply") { [unowned self] me, a in
      let fn = try a.required(0, "fn")
      // Children first, then the module itself, as `Module.apply` recurses.
      func visit(_ m: PyInstance) throws {
        for (_, c) in self.childModules(m) { try visit(c) }
        _ = try rt.call(fn, [.instance(m)])
      }
      try visit(me)
      return .instance(me)
    }
    define("add_module") { me, a in
      let name = try rt.string(try a.required(0, "name"), "name")
      me.attributes.set(name, try a.required(1, "module"))
      return .none
    }
    define("register_parameter") { me, a in
      let name = try rt.string(try a.required(0, "name"), "name")
      me.attributes.set(name, try a.required(1, "param"))
      return .none
    }
    define("register_buffer") { [unowned self] me, a in
      let name = try rt.string(try a.required(0, "name"), "name")
      let value = try a.required(1, "tensor")
      if case .none = value {
        me.attributes.set(name, .none)
        return .none
      }
      let t = TorchTensor(try self.tensor(value), torch: self)
      t.isBuffer = true
      me.attributes.set(name, .native(t))
      return .none
    }
    define("state_dict") { [unowned self] me, _ in
      let d = PyDict()
      d.flavor = .ordered
      for (name, t) in self.stateEntries(me) {
        d.set(name, .native(TorchTensor(t.tensor.detached(), torch: self)))
      }
      return .dict(d)
    }
    define("load_state_dict") { [unowned self] me, a in
      guard case .dict(let given) = try a.required(0, "state_dict") else {
        throw PyException(.typeError, "Expected state_dict to be dict-like")
      }
      let strict = try a.value(1, "strict").map { try rt.isTrue($0) } ?? true
      let mine = self.stateEntries(me)
      let names = Set(mine.map(\.0))
      let missing = mine.map(\.0).filter { given.get($0) == nil }
      let unexpected = given.keys.compactMap { k -> String? in
        guard case .str(let s) = k else { return nil }
        return names.contains(s) ? nil : s
      }
      if strict && (!missing.isEmpty || !unexpected.isEmpty) {
        var parts: [String] = []
        if !missing.isEmpty {
          parts.append(
            "Missing key(s) in state_dict: "
              + missing.map { "\"\($0)\"" }.joined(separator: ", ") + ". ")
        }
        if !unexpected.isEmpty {
          parts.append(
            "Unexpected key(s) in state_dict: "
              + unexpected.map { "\"\($0)\"" }.joined(separator: ", ") + ". ")
        }
        throw PyException(
          .runtimeError,
          "Error(s) in loading state_dict for \(me.cls.name):\n\t"
            + parts.joined(separator: "\n\t"))
      }
      for (name, t) in mine {
        guard let v = given.get(name) else { continue }
        let src = try self.tensor(v)
        guard src.shape == t.tensor.shape else {
          throw PyException(
            .runtimeError,
            "Error(s) in loading state_dict for \(me.cls.name):\n\tsize mismatch for \(name): "
              + "copying a param with shape torch.Size(\(self.sizeText(src.shape))) from "
              + "checkpoint, the shape in current model is "
              + "torch.Size(\(self.sizeText(t.tensor.shape))).")
        }
        try bridged {
          try GradMode.withNoGrad { try t.tensor.copyInPlace(from: src.casted(to: t.tensor.dtype)) }
        }
      }
      if missing.isEmpty && unexpected.isEmpty || strict {
        return .native(TorchKeysResult(missing: [], unexpected: []))
      }
      return .native(TorchKeysResult(missing: missing, unexpected: unexpected))
    }
    return cls
  }
}

/// What `load_state_dict` returns: `<All keys matched successfully>` or the keys that did not.
final class TorchKeysResult: PyNativeObject {
  let missing: [String]
  let unexpected: [String]
  init(missing: [String], unexpected: [String]) {
    self.missing = missing
    self.unexpected = unexpected
  }
  var typeName: String { "_IncompatibleKeys" }
  func repr() throws -> String {
    if missing.isEmpty && unexpected.isEmpty { return "<All keys matched successfully>" }
    func list(_ l: [String]) -> String { "[" + l.map { "'\($0)'" }.joined(separator: ", ") + "]" }
    return "_IncompatibleKeys(missing_keys=\(list(missing)), unexpected_keys=\(list(unexpected)))"
  }
  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "missing_keys": return .list(PyList(missing.map { .str($0) }))
    case "unexpected_keys": return .list(PyList(unexpected.map { .str($0) }))
    default: return nil
    }
  }
}
