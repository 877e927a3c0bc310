import Foundation
import PackagePlugin

/// Builds the site's default templates into the binary: every file of the package's
/// `templates/` folder but its README becomes an entry of `DefaultTemplates.files`, generated at
/// build time by `embed-files`, so the folder is the only copy there is.
@main
struct EmbedTemplates: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "templates")
    let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates.swift")
    var files: [String] = []
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let path = walker?.nextObject() as? String {
      var isFolder: ObjCBool = false
      let url = folder.appending(path: path)
      guard path != "README.md", !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      files.append(path)
    }
    files.sort()
    return [
      .buildCommand(
        displayName: "Embedding templates/ in \(target.name)",
        executable: try context.tool(named: "embed-files").url,
        arguments: ["DefaultTemplates", folder.path, output.path] + files,
        inputFiles: files.map { folder.appending(path: $0) },
        outputFiles: [output])
    ]
  }
}
