using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Hostile;

/// <summary>One hostile input: how to lay it out in the sandbox, and what <c>cfgr</c> must answer.</summary>
/// <param name="Prepare">Writes the inputs into the sandbox (which holds the seeded <c>tenancy.db</c>) and returns the arguments.</param>
/// <param name="ExitCode">The exact exit code (an <c>ExitCodes</c> constant).</param>
/// <param name="ErrorCode">The code standard error must name, or null when the run succeeds.</param>
/// <param name="Stdout">Text standard output must hold, or null.</param>
internal sealed record HostileCase(Func<CliSandbox, string[]> Prepare, int ExitCode, string? ErrorCode, string? Stdout = null);
