/// Binary operators of the cell language.
public enum BinaryOperator: String, Sendable {
  case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
  case matMul = "@", bitAnd = "&", bitOr = "|", bitXor = "^", lshift = "<<", rshift = ">>"

  /// The special-method names for the operator and its reflected form.
  var dunders: (String, String) {
    switch self {
    case .add: return ("__add__", "__radd__")
    case .sub: return ("__sub__", "__rsub__")
    case .mul: return ("__mul__", "__rmul__")
    case .div: return ("__truediv__", "__rtruediv__")
    case .floorDiv: return ("__floordiv__", "__rfloordiv__")
    case .mod: return ("__mod__", "__rmod__")
    case .pow: return ("__pow__", "__rpow__")
    case .matMul: return ("__matmul__", "__rmatmul__")
    case .bitAnd: return ("__and__", "__rand__")
    case .bitOr: return ("__or__", "__ror__")
    case .bitXor: return ("__xor__", "__rxor__")
    case .lshift: return ("__lshift__", "__rlshift__")
    case .rshift: return ("__rshift__", "__rrshift__")
    }
  }
}

public enum UnaryOperator: String, Sendable {
  case neg = "-", pos = "+", invert = "~", not = "not"
}

public enum CompareOperator: String, Sendable {
  case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
  case isSame = "is", isNot = "is not", contains = "in", notContains = "not in"
}

/// A literal constant.
enum Constant {
  case none, ellipsis
  case bool(Bool)
  case int(Int)
  case float(Double)
  case str(String)
}

/// A piece of an f-string: literal text or a replacement field.
enum FStringPart {
  case literal(String)
  /// `{value!conversion:spec}`; the spec may itself contain fields.
  case field(Expr, conversion: Character?, spec: [FStringPart])
}

/// One argument at a call site.
enum Argument {
  case positional(Expr)
  case star(Expr)
  case keyword(String, Expr)
  case doubleStar(Expr)
}

/// One `for ... in ... if ...` clause of a comprehension.
struct Comprehension {
  var target: Expr
  var iterable: Expr
  var conditions: [Expr]
}

/// A parameter of a `def` or `lambda`.
struct Parameter {
  enum Kind { case normal, varArgs, keywordOnly, varKeywords }
  var name: String
  var kind: Kind
  var defaultValue: Expr?
}

/// An expression node with its source range.
struct Expr {
  indirect enum Kind {
    case name(String)
    case constant(Constant)
    case fstring([FStringPart])
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    /// A nil key is a `**mapping` entry.
    case dict([(key: Expr?, value: Expr)])
    case starred(Expr)
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [Argument])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case boolean(isAnd: Bool, [Expr])
    case compare(Expr, [(CompareOperator, Expr)])
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda([Parameter], Expr)
    case listComp(Expr, [Comprehension])
    case setComp(Expr, [Comprehension])
    case dictComp(Expr, Expr, [Comprehension])
    case generator(Expr, [Comprehension])
  }

  var kind: Kind
  var range: SourceRange
}

/// An exception handler of a `try` statement.
struct ExceptHandler {
  var type: Expr?
  var name: String?
  var body: [Stmt]
  var range: SourceRange
}

/// A `def` statement (or the body of a lambda).
struct FunctionDef {
  var name: String
  var parameters: [Parameter]
  var body: [Stmt]
  var decorators: [Expr]
}

/// A statement node with its source range.
struct Stmt {
  indirect enum Kind {
    case expr(Expr)
    case assign(targets: [Expr], value: Expr)
    case augAssign(Expr, BinaryOperator, Expr)
    case annotated(target: Expr, value: Expr?)
    case `if`([(test: Expr, body: [Stmt])], orElse: [Stmt])
    case `while`(Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case function(FunctionDef)
    case `class`(name: String, bases: [Expr], body: [Stmt], decorators: [Expr])
    case `return`(Expr?)
    case pass
    case `break`
    case `continue`
    case raise(Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case assert(Expr, message: Expr?)
    case with([(context: Expr, target: Expr?)], body: [Stmt])
    case global([String])
    case nonlocal([String])
    case delete([Expr])
    case `import`([(name: String, alias: String?)])
    case importFrom(module: String, names: [(name: String, alias: String?)])
  }

  var kind: Kind
  var range: SourceRange
}
