import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import PyInterpreter

/// A parsed SVG document: every element with its attributes and direct text, in order.
struct SVGDocument {
  final class Element {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [Element] = []
    weak var parent: Element?

    init(name: String, attributes: [String: String]) {
      self.name = name
      self.attributes = attributes
    }

    /// This element's text including that of its descendants (tspans).
    var allText: String { text + children.map(\.allText).joined() }

    func hasAncestor(withClass name: String) -> Bool {
      var node = parent
      while let current = node {
        if current.attributes["class"] == name { return true }
        node = current.parent
      }
      return false
    }
  }

  struct ParseError: Error {
    var message: String
  }

  let root: Element
  let all: [Element]

  init(_ svg: String) throws {
    let delegate = Delegate()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = delegate
    guard parser.parse(), let root = delegate.root else {
      throw ParseError(message: parser.parserError.map { "\($0)" } ?? "no root element")
    }
    self.root = root
    all = delegate.all
  }

  func elements(named name: String) -> [Element] { all.filter { $0.name == name } }

  func elements(withClass name: String) -> [Element] {
    all.filter { $0.attributes["class"] == name }
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    var root: Element?
    var stack: [Element] = []
    var all: [Element] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let element = Element(name: elementName, attributes: attributes)
      element.parent = stack.last
      stack.last?.children.append(element)
      if root == nil { root = element }
      stack.append(element)
      all.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
}
