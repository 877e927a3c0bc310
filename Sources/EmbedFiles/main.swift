import Foundation

// embed-files NAME FOLDER OUTPUT FILE...
//
// Writes OUTPUT, a Swift file declaring `enum NAME { static let files: [String: String] }` that
// maps each FILE (a path relative to FOLDER) to its text. Run by the EmbedTemplates build-tool
// plugin; the text is kept byte for byte in raw string literals.

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
  FileHandle.standardError.write(Data("usage: embed-files NAME FOLDER OUTPUT FILE...\n".utf8))
  exit(2)
}
let (name, folder, output) = (arguments[1], arguments[2], arguments[3])
var swift = """
  // Generated at build time from templates/ by the EmbedTemplates plugin.

  /// The default site templates and assets, built into the binary.
  enum \(name) {
    /// Path relative to `templates/` to file contents.
    static let files: [String: String] = [

  """
for path in arguments.dropFirst(4) {
  let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
  guard let data = FileManager.default.contents(atPath: url.path),
    let text = String(data: data, encoding: .utf8)
  else {
    FileHandle.standardError.write(Data("embed-files: \(url.path): not a UTF-8 file\n".utf8))
    exit(1)
  }
  // Enough `#`s that nothing in the text ends the literal or starts an escape.
  var hashes = "#"
  while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
  // The line break before the closing delimiter is not part of a multi-line literal.
  swift += "    \"\(path)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
swift += "  ]\n}\n"
do {
  try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
  FileHandle.standardError.write(Data("embed-files: cannot write \(output): \(error)\n".utf8))
  exit(1)
}
