/// The tables that give TeX commands their characters and classes.
///
/// They are written as text (one class per line: a code, then name/character pairs) because a
/// dictionary literal of this size makes the Swift type checker crawl; they are parsed once.
enum Symbols {
  /// How a symbol command becomes a node.
  enum Entry: Sendable {
    /// A letter-like symbol: `<mi>`, italic unless `upright`.
    case identifier(String, upright: Bool)
    /// An operator of a class: `<mo>`.
    case symbol(String, AtomClass)
  }

  /// Math symbols by command name (without the backslash).
  static let math: [String: Entry] = {
    var table: [String: Entry] = [:]
    for line in mathTable.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard let code = fields.first else { continue }
      var i = 1
      while i + 1 < fields.count {
        let name = String(fields[i])
        let char = String(fields[i + 1])
        table[name] = entry(code: code, char: char)
        i += 2
      }
    }
    // Text letters that authors type in math (`\AA` for ångström): upright, as LaTeX sets them.
    // Not in the table above, so that a typed Å keeps the class of any letter.
    for (name, char) in ["AA": "Å", "aa": "å", "O": "Ø", "o": "ø", "L": "Ł", "l": "ł"] {
      table[name] = .identifier(char, upright: true)
    }
    return table
  }()

  /// The class of a character typed directly (Unicode input such as `≤` or `α`).
  static let byCharacter: [String: Entry] = {
    var table: [String: Entry] = [:]
    for line in mathTable.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard let code = fields.first else { continue }
      var i = 2
      while i < fields.count {
        let char = String(fields[i])
        if table[char] == nil { table[char] = entry(code: code, char: char) }
        i += 2
      }
    }
    return table
  }()

  private static func entry(code: Substring, char: String) -> Entry {
    switch code {
    case "v": .identifier(char, upright: false)
    case "u": .identifier(char, upright: true)
    case "b": .symbol(char, .binary)
    case "r": .symbol(char, .relation)
    case "o": .symbol(char, .open)
    case "c": .symbol(char, .close)
    case "p": .symbol(char, .punctuation)
    case "L": .symbol(char, .largeOperator(limits: true))
    case "N": .symbol(char, .largeOperator(limits: false))
    case "i": .symbol(char, .inner)
    default: .symbol(char, .ordinary)
    }
  }

  // Codes: v italic identifier, u upright identifier, m ordinary operator, b binary, r relation,
  // o opening, c closing, p punctuation, L large operator with limits, N large without, i inner.
  private static let mathTable = """
    v alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ
    v iota ι kappa κ varkappa ϰ lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ varrho ϱ
    v sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω
    v varGamma 𝛤 varDelta 𝛥 varTheta 𝛩 varLambda 𝛬 varXi 𝛯 varPi 𝛱 varSigma 𝛴 varUpsilon 𝛶
    v varPhi 𝛷 varPsi 𝛹 varOmega 𝛺 imath ı jmath ȷ ell ℓ partial ∂ wp ℘ hbar ℏ hslash ℏ
    u Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω
    u Alpha Α Beta Β Epsilon Ε Zeta Ζ Eta Η Iota Ι Kappa Κ Mu Μ Nu Ν Omicron Ο Rho Ρ Tau Τ Chi Χ
    u digamma ϝ aleph ℵ alef ℵ alefsym ℵ beth ℶ gimel ℷ daleth ℸ
    u infty ∞ infin ∞ nabla ∇ forall ∀ exists ∃ exist ∃ nexists ∄ emptyset ∅ empty ∅ varnothing ⌀
    u neg ¬ lnot ¬ top ⊤ bot ⊥ angle ∠ measuredangle ∡ sphericalangle ∢ triangle △
    u triangledown ▽ vartriangle △ Box □ square □ blacksquare ■ Diamond ◊ lozenge ◊ blacklozenge ⧫
    u clubsuit ♣ clubs ♣ diamondsuit ♢ diamonds ♢ heartsuit ♡ hearts ♡ spadesuit ♠ spades ♠
    u flat ♭ natural ♮ sharp ♯ Re ℜ real ℜ reals ℝ Reals ℝ Im ℑ image ℑ prime ′ backprime ‵
    u surd √ eth ð mho ℧ Finv Ⅎ Game ⅁ complement ∁ degree ° checkmark ✓ maltese ✠
    u dag † ddag ‡ S § P ¶ sect § copyright © textregistered ® circledR ® circledS Ⓢ pounds £
    u mathsterling £ yen ¥ bigstar ★ blacktriangle ▲ blacktriangledown ▼ Bbbk 𝕜 vdots ⋮
    u # # $ $ % % & & _ _ textdollar $ mathdollar $ natnums ℕ cnums ℂ Complex ℂ Z ℤ N ℕ R ℝ
    u diagup ╱ diagdown ╲ varclubsuit ♧ vardiamondsuit ♦ varheartsuit ♥ varspadesuit ♤
    u minuso ⦵ Bbbk 𝕜 weierp ℘
    u euro € geneuro € geneuronarrow € geneurowide € officialeuro € smiley ☺ C ℂ Q ℚ ang ∠
    u Digamma Ϝ Coppa Ϙ Koppa Ϟ Stigma Ϛ Sampi Ϡ textvisiblespace ␣
    v coppa ϙ koppa ϟ stigma ϛ sampi ϡ
    m Arrowvert ‖ arrowvert ⏐ bracevert ⎪
    b and ∧
    m | ‖ Vert ‖ vert | backslash \\ textbackslash \\ lq ‘ rq ′ mathellipsis … colon :
    m ldotp . cdotp ⋅
    o lbrace { { { langle ⟨ lceil ⌈ lfloor ⌊ lgroup ⟮ lmoustache ⎰ ulcorner ┌ llcorner └
    o llbracket ⟦ lBrace ⦃ lvert | lVert ‖ lbrack [ lparen ( lang ⟨ lAngle ⟪
    c rbrace } } } rangle ⟩ rceil ⌉ rfloor ⌋ rgroup ⟯ rmoustache ⎱ urcorner ┐ lrcorner ┘
    c rrbracket ⟧ rBrace ⦄ rvert | rVert ‖ rbrack ] rparen ) rang ⟩ rAngle ⟫
    b pm ± mp ∓ times × div ÷ cdot ⋅ ast ∗ star ⋆ circ ∘ bullet ∙ oplus ⊕ ominus ⊖ otimes ⊗
    b oslash ⊘ odot ⊙ cap ∩ cup ∪ sqcap ⊓ sqcup ⊔ uplus ⊎ wedge ∧ land ∧ vee ∨ lor ∨
    b setminus ∖ smallsetminus ∖ wr ≀ amalg ⨿ diamond ⋄ bigcirc ◯ bigtriangleup △
    b bigtriangledown ▽ triangleleft ◃ triangleright ▹ lhd ⊲ rhd ⊳ unlhd ⊴ unrhd ⊵ dagger †
    b ddagger ‡ centerdot ⋅ dotplus ∔ ltimes ⋉ rtimes ⋊ leftthreetimes ⋋ rightthreetimes ⋌
    b curlywedge ⋏ curlyvee ⋎ barwedge ⊼ veebar ⊻ doublebarwedge ⩞ boxplus ⊞ boxminus ⊟
    b boxtimes ⊠ boxdot ⊡ circleddash ⊝ circledast ⊛ circledcirc ⊚ divideontimes ⋇
    b intercal ⊺ Cap ⋒ Cup ⋓ doublecap ⋒ doublecup ⋓ gtrdot ⋗ lessdot ⋖ plus + minus −
    b And & sslash ⫽ plusmn ± sdot ⋅
    r coloncolon ∷ colonminus :− coloncolonapprox ∷≈ coloncolonequals ∷= coloncolonminus ∷−
    r coloncolonsim ∷∼ minuscolon −: minuscoloncolon −∷
    b bull • Dagger ‡
    r sub ⊂ sube ⊆ supe ⊇ Lrarr ⇔ Longleftrightarrow ⟺
    r leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ equiv ≡ approx ≈ approxeq ≊ sim ∼ simeq ≃ cong ≅
    r propto ∝ varpropto ∝ ll ≪ gg ≫ lll ⋘ llless ⋘ ggg ⋙ gggtr ⋙ prec ≺ succ ≻ preceq ⪯
    r succeq ⪰ subset ⊂ supset ⊃ subseteq ⊆ supseteq ⊇ subsetneq ⊊ supsetneq ⊋ nsubseteq ⊈
    r nsupseteq ⊉ sqsubset ⊏ sqsupset ⊐ sqsubseteq ⊑ sqsupseteq ⊒ in ∈ isin ∈ ni ∋ owns ∋
    r notin ∉ notni ∌ mid ∣ nmid ∤ parallel ∥ nparallel ∦ perp ⊥ vdash ⊢ dashv ⊣ models ⊨
    r vDash ⊨ Vdash ⊩ Vvdash ⊪ nvdash ⊬ nvDash ⊭ nVdash ⊮ nVDash ⊯ asymp ≍ doteq ≐
    r doteqdot ≑ Doteq ≑ bowtie ⋈ Join ⋈ smile ⌣ frown ⌢ leqq ≦ geqq ≧ leqslant ⩽
    r geqslant ⩾ lesssim ≲ gtrsim ≳ lessgtr ≶ gtrless ≷ nless ≮ ngtr ≯ nleq ≰ ngeq ≱ lneq ⪇
    r gneq ⪈ lneqq ≨ gneqq ≩ ncong ≇ nsim ≁ thicksim ∼ thickapprox ≈ backsim ∽ backsimeq ⋍
    r eqsim ≂ triangleq ≜ circeq ≗ bumpeq ≏ Bumpeq ≎ risingdotseq ≓ fallingdotseq ≒
    r therefore ∴ because ∵ between ≬ pitchfork ⋔ vartriangleleft ⊲ vartriangleright ⊳
    r trianglelefteq ⊴ trianglerighteq ⊵ ntriangleleft ⋪ ntriangleright ⋫ ntrianglelefteq ⋬
    r ntrianglerighteq ⋭ precsim ≾ succsim ≿ precapprox ⪷ succapprox ⪸ npreceq ⋠ nsucceq ⋡
    r nprec ⊀ nsucc ⊁ shortmid ∣ shortparallel ∥ nshortmid ∤ nshortparallel ∦ smallfrown ⌢
    r smallsmile ⌣ eqcirc ≖ lesseqgtr ⋚ gtreqless ⋛ lesseqqgtr ⪋ gtreqqless ⪌ Subset ⋐
    r Supset ⋑ subseteqq ⫅ supseteqq ⫆ subsetneqq ⫋ supsetneqq ⫌ nsubseteqq ⊈ nsupseteqq ⊉
    r varsubsetneq ⊊ varsupsetneq ⊋ varsubsetneqq ⫋ varsupsetneqq ⫌ lessapprox ⪅ gtrapprox ⪆
    r lnsim ⋦ gnsim ⋧ lnapprox ⪉ gnapprox ⪊ precneqq ⪵ succneqq ⪶ precnsim ⋨ succnsim ⋩
    r precnapprox ⪹ succnapprox ⪺ preccurlyeq ≼ succcurlyeq ≽ curlyeqprec ⋞ curlyeqsucc ⋟
    r eqslantless ⪕ eqslantgtr ⪖ lvertneqq ≨ gvertneqq ≩ ngeqq ≱ nleqq ≰ ngeqslant ≱
    r nleqslant ≰ backepsilon ∍ blacktriangleleft ◀ blacktriangleright ▶ vcentcolon ∶
    r coloneqq ≔ eqqcolon ≕ coloneq ≔ Coloneqq ∷= Coloneq ∷− Eqqcolon =∷ Eqcolon −∷
    r eqcolon ≕ colonapprox :≈ Colonapprox ∷≈ colonsim :∼ Colonsim ∷∼ dblcolon ∷ ratio ∶
    r approxcolon ≈: approxcoloncolon ≈∷ simcolon ∼: simcoloncolon ∼∷ colonequals ≔
    r Colonequals ∷= equalscolon ≕ equalscoloncolon =∷ colondash ∹ Colondash ∷− dashcolon −∹
    r dashcoloncolon −∷ eqdef ≝ neqq ≠ sqsubsetneq ⊏ origof ⊶ imageof ⊷ multimapboth ⧟
    r leftarrow ← gets ← rightarrow → to → leftrightarrow ↔ Leftarrow ⇐ Rightarrow ⇒
    r Leftrightarrow ⇔ longleftarrow ⟵ longrightarrow ⟶ longleftrightarrow ⟷ Longleftarrow ⟸
    r Longrightarrow ⟹ Longleftrightarrow ⟺ mapsto ↦ longmapsto ⟼ hookleftarrow ↩
    r hookrightarrow ↪ uparrow ↑ downarrow ↓ updownarrow ↕ Uparrow ⇑ Downarrow ⇓ Updownarrow ⇕
    r nearrow ↗ searrow ↘ swarrow ↙ nwarrow ↖ leftharpoonup ↼ leftharpoondown ↽
    r rightharpoonup ⇀ rightharpoondown ⇁ rightleftharpoons ⇌ leftrightharpoons ⇋
    r upharpoonleft ↿ upharpoonright ↾ downharpoonleft ⇃ downharpoonright ⇂ leftleftarrows ⇇
    r rightrightarrows ⇉ leftrightarrows ⇆ rightleftarrows ⇄ Lleftarrow ⇚ Rrightarrow ⇛
    r twoheadleftarrow ↞ twoheadrightarrow ↠ leftarrowtail ↢ rightarrowtail ↣ looparrowleft ↫
    r looparrowright ↬ curvearrowleft ↶ curvearrowright ↷ circlearrowleft ↺ circlearrowright ↻
    r Lsh ↰ Rsh ↱ upuparrows ⇈ downdownarrows ⇊ multimap ⊸ leftrightsquigarrow ↭
    r rightsquigarrow ⇝ leadsto ⇝ nleftarrow ↚ nrightarrow ↛ nLeftarrow ⇍ nRightarrow ⇏
    r nleftrightarrow ↮ nLeftrightarrow ⇎ dashleftarrow ⇠ dashrightarrow ⇢ restriction ↾
    r leftrightarroweq ↔ larr ← rarr → lrarr ↔ harr ↔ uarr ↑ darr ↓ lArr ⇐ rArr ⇒ Larr ⇐
    r Rarr ⇒ lArr ⇐ Lrarr ⇔ lrArr ⇔ hArr ⇔ Harr ⇔ uArr ⇑ dArr ⇓ Uarr ⇑ Darr ⇓ leftrightarrows ⇆
    r longleftrightarrow ⟷ nwarrow ↖ Darr ⇓ models ⊨ propto ∝ notin ∉
    r = = < < > > : :
    L sum ∑ prod ∏ coprod ∐ bigcup ⋃ bigcap ⋂ bigvee ⋁ bigwedge ⋀ bigoplus ⨁ bigotimes ⨂
    L bigodot ⨀ biguplus ⨄ bigsqcup ⨆ intop ∫ bigtimes ⨉ bigsqcap ⨅
    N int ∫ iint ∬ iiint ∭ iiiint ⨌ oint ∮ oiint ∯ oiiint ∰ smallint ∫ intkern ∫
    i iddots ⋰ ldots … dots … cdots ⋯ ddots ⋱ dotsc … dotsb ⋯ dotsm ⋯ dotsi ⋯ dotso … cdotp ⋅
    p , , ; ;
    """

  /// Named functions: upright names with TeX's limits placement.
  static let functions: [String: (name: String, limits: Bool)] = {
    var table: [String: (name: String, limits: Bool)] = [:]
    for name in """
    arcsin arccos arctan arctg arcctg arg ch cos cosec cosh cot cotg coth csc ctg cth deg dim
    exp hom ker lg ln log sec sgn sin sinh sh tan tanh tg th
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      table[String(name)] = (String(name), false)
    }
    for name in "det gcd inf lim max min Pr sup".split(separator: " ") {
      table[String(name)] = (String(name), true)
    }
    table["liminf"] = ("lim inf", true)
    table["limsup"] = ("lim sup", true)
    table["injlim"] = ("inj lim", true)
    table["projlim"] = ("proj lim", true)
    table["argmax"] = ("arg max", true)
    table["argmin"] = ("arg min", true)
    table["plim"] = ("plim", true)
    return table
  }()

  /// Math accents: the mark, whether it stretches over the base, and whether it goes below.
  static let accents: [String: (mark: String, stretchy: Bool, below: Bool)] = [
    "hat": ("^", false, false), "widehat": ("^", true, false),
    "check": ("ˇ", false, false), "widecheck": ("ˇ", true, false),
    "tilde": ("~", false, false), "widetilde": ("~", true, false),
    "bar": ("¯", false, false), "overline": ("\u{332}", true, false),
    "vec": ("→", false, false), "dot": ("˙", false, false), "ddot": ("¨", false, false),
    "dddot": ("⋯", false, false), "ddddot": ("····", false, false),
    "acute": ("´", false, false), "grave": ("`", false, false), "breve": ("˘", false, false),
    "mathring": ("˚", false, false),
    "overrightarrow": ("→", true, false), "overleftarrow": ("←", true, false),
    "overleftrightarrow": ("↔", true, false), "Overrightarrow": ("⇒", true, false),
    "overleftharpoon": ("↼", true, false), "overrightharpoon": ("⇀", true, false),
    "overgroup": ("⏠", true, false), "overlinesegment": ("\u{332}", true, false),
    "overbrace": ("⏞", true, false), "overbracket": ("⎴", true, false),
    "underline": ("\u{332}", true, true), "underbar": ("\u{332}", true, true),
    "utilde": ("~", true, true),
    "underleftarrow": ("←", true, true), "underrightarrow": ("→", true, true),
    "underleftrightarrow": ("↔", true, true), "undergroup": ("⏡", true, true),
    "underlinesegment": ("\u{332}", true, true), "underbrace": ("⏟", true, true),
    "underbracket": ("⎵", true, true), "overparen": ("⏜", true, false),
    "underparen": ("⏝", true, true), "wideparen": ("⏜", true, false),
  ]

  /// Delimiters that `\left`, `\right` and `\big` accept, by command name.
  static let delimiterCommands: [String: String] = [
    "{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
    "lang": "⟨", "rang": "⟩", "lAngle": "⟪", "rAngle": "⟫",
    "lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖",
    "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lgroup": "⟮", "rgroup": "⟯",
    "lmoustache": "⎰", "rmoustache": "⎱", "ulcorner": "┌", "urcorner": "┐", "llcorner": "└",
    "lrcorner": "┘", "llbracket": "⟦", "rrbracket": "⟧", "lBrace": "⦃", "rBrace": "⦄",
    "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
    "Updownarrow": "⇕", "backslash": "\\", "lbrack": "[", "rbrack": "]", "lparen": "(",
    "rparen": ")", "mid": "∣", "arrowvert": "⏐", "Arrowvert": "‖", "bracevert": "⎪",
    "lt": "<", "gt": ">", "\\": "\\", "ldelim": "(",
  ]

  /// Delimiter characters typed directly.
  static let delimiterCharacters: Set<Unicode.Scalar> = [
    "(", ")", "[", "]", "<", ">", "/", "|", ".", "⟨", "⟩", "‖", "⌊", "⌋", "⌈", "⌉", "↑", "↓",
    "⇑", "⇓", "↕", "⇕", "∣", "\\",
  ]

  /// Horizontal spaces in em, by command name.
  static let spaces: [String: Double] = [
    ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
    ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
    "negmedspace": -4.0 / 18, "negthickspace": -5.0 / 18, "quad": 1, "qquad": 2,
    "enspace": 0.5, " ": 0.25, "space": 0.25, "nobreakspace": 0.25, "enskip": 0.5,
    "nobreak": 0, "allowbreak": 0, "relax": 0, "mathstrut": 0, "strut": 0, "nonumber": 0,
    "notag": 0, "hfill": 0, "hfil": 0, "vfill": 0, "vfil": 0, "ignorespaces": 0, "hline": 0,
    "hdashline": 0, "nolinebreak": 0, "newpage": 0, "pagebreak": 0,
  ]

  /// Symbols in text mode (`\text{\ss}`), by command name.
  static let text: [String: String] = [
    "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", " ": "\u{A0}",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
    "textbar": "|", "textbardbl": "‖", "textbraceleft": "{", "textbraceright": "}",
    "textdollar": "$", "textsterling": "£", "pounds": "£", "dag": "†", "ddag": "‡",
    "textdagger": "†", "textdaggerdbl": "‡", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "textendash": "–",
    "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "textperiodcentered": "·", "textellipsis": "…", "textbullet": "•",
    "textdegree": "°", "textcopyright": "©", "textregistered": "®", "textsection": "§",
    "textparagraph": "¶", "S": "§", "P": "¶", "copyright": "©", "textless": "<",
    "textgreater": ">", "textasteriskcentered": "∗", "textvisiblespace": "␣", "ldots": "…",
    "dots": "…", "TeX": "TeX", "LaTeX": "LaTeX", "KaTeX": "KaTeX", "degree": "°",
    "textordfeminine": "ª", "textordmasculine": "º", "checkmark": "✓", "maltese": "✠",
    "yen": "¥", "textyen": "¥", "lq": "‘", "rq": "’", "textdollarsign": "$",
    "nobreakspace": "\u{A0}",
    "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", ",": "\u{2009}", ";": "\u{2004}",
    "enspace": "\u{2002}", "textasciigrave": "`", "sect": "§", "bull": "•", "Dagger": "‡",
  ]

  /// Accents in text mode, as combining characters.
  static let textAccents: [String: String] = [
    "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "\"": "\u{308}", "~": "\u{303}",
    "=": "\u{304}", ".": "\u{307}", "u": "\u{306}", "v": "\u{30C}", "H": "\u{30B}",
    "r": "\u{30A}", "c": "\u{327}", "k": "\u{328}", "b": "\u{331}", "d": "\u{323}",
  ]
}
