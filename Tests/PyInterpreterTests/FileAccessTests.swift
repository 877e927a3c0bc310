import Foundation
import Testing

@testable import PyInterpreter
import TestSupport

@Suite struct FileAccessTests {
  private func run(_ source: String, readable: [String]) throws -> String {
    let session = Interpreter()
    session.readableFolders = readable
    var output = ""
    session.output = { output += $0 }
    try session.run(source: source, filename: "cell.py")
    return output
  }

  @Test func readsFilesInsideTheDataFolders() throws {
    let dir = TemporaryDirectory("interp-files")
    try dir.write("data/names/a.txt", "Ada\nBo\n")
    try dir.write("data/names/b.txt", "Cy\n")
    let root = dir.url.appendingPathComponent("data").path
    let output = try run(
      """
      import glob, os
      files = sorted(glob.glob(os.path.join(\(reprString(root)), "names", "*.txt")))
      print([os.path.basename(f) for f in files])
      with open(files[0]) as f:
          print([line.strip() for line in f])
      print(open(files[1]).read(), end="")
      print(open(files[0]).readlines())
      """, readable: [root])
    #expect(output == "['a.txt', 'b.txt']\n['Ada', 'Bo']\nCy\n['Ada\\n', 'Bo\\n']\n")
  }

  @Test func refusesReadsOutsideAndEveryWrite() throws {
    let dir = TemporaryDirectory("interp-files")
    try dir.write("data/x.txt", "x")
    try dir.write("secret.txt", "s")
    let before = dir.snapshot()
    let root = dir.url.appendingPathComponent("data").path
    let secret = dir.url.appendingPathComponent("secret.txt").path
    let output = try run(
      """
      for path, mode in [(\(reprString(secret)), "r"), (\(reprString(root + "/x.txt")), "w"),
                         (\(reprString(root + "/new.txt")), "a")]:
          try:
              open(path, mode)
          except PermissionError as e:
              print("PermissionError")
      """, readable: [root])
    #expect(output == "PermissionError\nPermissionError\nPermissionError\n")
    #expect(dir.snapshot() == before)
  }
}
