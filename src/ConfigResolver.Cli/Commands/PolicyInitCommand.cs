using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Shipped;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr policy init DIR</c>: writes the shipped policies (model.conf, roles.yaml, rules/, tests/) and the JSON Schemas
/// (DIR/schemas/) for editing, with each YAML file's <c># yaml-language-server: $schema=</c> header pointing at the
/// schema written beside it, so editors validate offline.
/// </summary>
internal sealed class PolicyInitCommand : ICliCommand
{
    private const string SchemaHeader = "# yaml-language-server: $schema=";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy init",
        "Write the shipped policies and their JSON Schemas into a directory, to edit, lint and test.",
        [
            new OptionSpec("--force", null, "Overwrite files that already exist."),
            CommonOptions.Json,
        ],
        [new ArgumentSpec("DIR", "The directory to create or fill.")])
    {
        Description = """
            Writes model.conf, roles.yaml, rules/*.yaml, tests/*_test.yaml and schemas/*.schema.json. Refuses to
            overwrite an existing file unless --force. The result passes 'cfgr policy lint DIR' and 'cfgr policy test DIR'.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Arguments.Positionals[0];
        var root = context.Resolve(directory);
        var files = ShippedFiles.Policies.Select(static f => (f.Path, Text: PointHeader(f.Path, f.Text)))
            .Concat(ShippedFiles.Schemas.Select(static f => (Path: "schemas/" + f.Path, f.Text)))
            .ToList();
        if (File.Exists(root))
        {
            throw new CommandFailedException($"'{directory}' is a file; give a directory to write the policies into.");
        }

        var existing = files.Where(f => File.Exists(Path.Combine(root, f.Path))).Select(f => $"'{Display(directory, f.Path)}'").ToList();
        if (existing.Count > 0 && !context.Arguments.Has("--force"))
        {
            throw new CommandFailedException($"{string.Join(", ", existing)} already exist(s); pass --force to overwrite, or choose another directory.");
        }

        foreach (var (path, text) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        var written = files.Select(f => Display(directory, f.Path)).ToList();
        if (context.Arguments.Json)
        {
            context.PrintJson(new { directory, files = written });
            return Task.FromResult(ExitCodes.Ok);
        }

        foreach (var path in written)
        {
            context.Print("wrote " + path);
        }

        var shown = directory.Contains(' ', StringComparison.Ordinal) ? $"'{directory}'" : directory;
        context.Print($"Edit them, then check and test them: {context.Console.Invocation} policy lint {shown} && {context.Console.Invocation} policy test {shown}");
        context.Print($"Decide with them: {context.Console.Invocation} check --policies {shown} --user EMAIL --org SLUG --action ACTION --explain");
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Points the schema header of a YAML file at <c>schemas/NAME</c> relative to the file's folder.</summary>
    internal static string PointHeader(string relativePath, string text)
    {
        var depth = relativePath.Count(static c => c == '/');
        var up = string.Concat(Enumerable.Repeat("../", depth));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(SchemaHeader, StringComparison.Ordinal))
            {
                var schema = lines[i][SchemaHeader.Length..].TrimEnd('\r');
                lines[i] = SchemaHeader + up + "schemas/" + schema[(schema.LastIndexOf('/') + 1)..];
            }
        }

        return string.Join('\n', lines);
    }

    private static string Display(string directory, string relative) => $"{directory.TrimEnd('/', '\\').Replace('\\', '/')}/{relative}";
}
