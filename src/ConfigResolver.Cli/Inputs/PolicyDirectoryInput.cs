using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Cli.CommandLine;

namespace ConfigResolver.Cli.Inputs;

/// <summary>Loads a policy directory named on the command line; diagnostics name its files as the user typed the directory.</summary>
internal static class PolicyDirectoryInput
{
    /// <summary>Compiles the directory.</summary>
    /// <param name="context">The command context (working directory).</param>
    /// <param name="directory">The directory as given.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="Policy.Diagnostics.PolicyCompilationException">The policy has problems (the CLI prints them, exit 1).</exception>
    /// <exception cref="CommandFailedException">The directory does not exist.</exception>
    public static CompiledPolicy Load(CommandContext context, string directory)
    {
        var full = context.Resolve(directory);
        if (!Directory.Exists(full))
        {
            throw new CommandFailedException($"the policy directory '{directory}' does not exist.");
        }

        return PolicyLoader.LoadDirectory(full, displayRoot: directory.Replace('\\', '/'));
    }
}
