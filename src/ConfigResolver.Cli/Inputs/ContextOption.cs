using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Policy;

namespace ConfigResolver.Cli.Inputs;

/// <summary>The <c>--context r2,p2,e2,m2</c> value: request, policy, effect and matcher keys, in that order.</summary>
internal static class ContextOption
{
    /// <summary>Parses the value.</summary>
    /// <param name="value">Four comma-separated keys.</param>
    /// <param name="spec">The command, for the usage message.</param>
    /// <returns>The enforce context.</returns>
    /// <exception cref="UsageException">The value does not have four non-empty keys.</exception>
    public static EnforceContext Parse(string value, CommandSpec spec)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || parts.Any(static p => p.Length == 0))
        {
            throw new UsageException($"option '--context' expects four comma-separated keys such as 'r2,p2,e2,m2'; found '{value}'.") { Command = spec };
        }

        return new EnforceContext(parts[0], parts[1], parts[2], parts[3]);
    }
}
