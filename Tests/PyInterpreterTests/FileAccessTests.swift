import Foundation
import TestSupport
import Testing

@testable import PyInterpreter

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

  @Test func relativePathsAreLookedUpInTheDataFoldersInOrder() throws {
    let dir = TemporaryDirectory("interp-files")
    try dir.write("first/names/a.txt", "from first\n")
    try dir.write("second/names/a.txt", "from second\n")
    try dir.write("second/names/b.txt", "only in second\n")
    let folders = ["missing", "first", "second"].map { dir.url.appendingPathComponent($0).path }
    let session = Interpreter()
    session.readableFolders = folders
    session.dataFolders = folders
    var output = ""
    session.output = { output += $0 }
    try session.run(
      source: """
        import glob
        print(sorted(glob.glob("names/*.txt")))
        print(open("names/a.txt").read(), end="")
        with open("names/b.txt", encoding="utf-8") as f:
            print(f.read(), end="")
        try:
            open("names/c.txt")
        except FileNotFoundError as e:
            print("FileNotFoundError", "names/c.txt" in str(e), "JOURNAL_DATA" in str(e))
        """, filename: "cell.py")
    // glob starts from the first folder that exists, as CPython does after chdir.
    #expect(
      output == "['names/a.txt']\nfrom first\nonly in second\nFileNotFoundError True True\n")
    let opened = session.takeOpenedDataFiles()
    #expect(opened.map(\.name) == ["names/a.txt", "names/b.txt"])
    #expect(opened.map(\.path) == [folders[1] + "/names/a.txt", folders[2] + "/names/b.txt"])
    #expect(session.takeOpenedDataFiles().isEmpty)
  }
}
