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

  @Test func relativeNamesAreLookedUpInTheDataFoldersAndRecorded() throws {
    let dir = TemporaryDirectory("interp-files")
    try dir.write("first/notes.txt", "first\n")
    try dir.write("second/notes.txt", "second\n")
    try dir.write("second/digits/x.npy", "")
    let first = dir.url.appendingPathComponent("first").path
    let second = dir.url.appendingPathComponent("second").path
    // A 2x3 uint8 array as NumPy 2 saves it (format 1.0, header padded to 64 bytes).
    let header = "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }"
    var npy = Data([0x93] + Array("NUMPY".utf8) + [1, 0, 118, 0])
    npy.append(Data((header + String(repeating: " ", count: 117 - header.count) + "\n").utf8))
    npy.append(Data([1, 2, 3, 4, 5, 255]))
    try npy.write(to: dir.url.appendingPathComponent("second/digits/x.npy"))
    let session = Interpreter()
    registerBridge(in: session)
    session.readableFolders = [first, second]
    session.dataFiles = DataFileLookup(
      resolve: { name in
        [first, second].map { $0 + "/" + name }.first { FileManager.default.fileExists(atPath: $0) }
      }, missingMessage: { "data file '\($0)' not found; set JOURNAL_DATA" })
    var output = ""
    session.output = { output += $0 }
    try session.run(
      source: """
        import numpy as np
        print(open("notes.txt").read(), end="")
        x = np.load("digits/x.npy")
        print(x.dtype, x.shape, x.max())
        try:
            np.load("digits/missing.npy")
        except FileNotFoundError as e:
            print(e)
        """, filename: "cell.py")
    #expect(
      output == "first\nuint8 (2, 3) 255\n"
        + "[Errno 2] data file 'digits/missing.npy' not found; set JOURNAL_DATA\n")
    let opened = session.takeOpenedDataFiles()
    #expect(opened.map(\.name) == ["notes.txt", "digits/x.npy"])
    let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
    #expect(opened.map(\.path) == [real(first + "/notes.txt"), real(second + "/digits/x.npy")])
    #expect(session.takeOpenedDataFiles().isEmpty)
  }

  @Test func relativeGlobPatternsStartAtTheGlobRoot() throws {
    let dir = TemporaryDirectory("interp-files")
    try dir.write("data/names/a.txt", "a\n")
    try dir.write("data/names/b.txt", "b\n")
    let root = dir.url.appendingPathComponent("data").path
    let session = Interpreter()
    session.readableFolders = [root]
    session.dataFiles = DataFileLookup(
      resolve: { name in
        let path = root + "/" + name
        return FileManager.default.fileExists(atPath: path) ? path : nil
      }, missingMessage: { "data file '\($0)' not found" }, globRoot: root)
    var output = ""
    session.output = { output += $0 }
    try session.run(
      source: """
        import glob
        print(sorted(glob.glob("names/*.txt")))
        print(open("names/b.txt").read(), end="")
        """, filename: "cell.py")
    #expect(output == "['names/a.txt', 'names/b.txt']\nb\n")
  }
}
