/// Stand-alone runner for the interpreter benchmarks until `journal exec` lands: runs a script,
/// prints its output, and the traceback on stderr with exit code 1.
import Foundation

let path = CommandLine.arguments[1]
let source = try! String(contentsOfFile: path, encoding: .utf8)
let interp = Interpreter()
var out = ""
interp.output = { out += $0 }
do {
  try interp.run(source: source, filename: path)
  FileHandle.standardOutput.write(out.data(using: .utf8)!)
} catch let e as PythonError {
  FileHandle.standardOutput.write(out.data(using: .utf8)!)
  FileHandle.standardError.write(e.formatted.data(using: .utf8)!)
  exit(1)
}
