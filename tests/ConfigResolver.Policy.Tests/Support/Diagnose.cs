using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Tests.Support;

/// <summary>Runs code that must be rejected and returns what the diagnostics say, in order: code, line and column.</summary>
internal static class Diagnose
{
    /// <summary>The diagnostics of the <see cref="PolicyCompilationException"/> that <paramref name="action"/> throws.</summary>
    /// <param name="action">Code expected to be rejected.</param>
    /// <returns>The diagnostics in the order the exception holds them.</returns>
    public static IReadOnlyList<Diagnostic> All(Action action) =>
        Assert.Throws<PolicyCompilationException>(action).Diagnostics;

    /// <summary>Code, line and column of every diagnostic, in order.</summary>
    /// <param name="action">Code expected to be rejected.</param>
    /// <returns>One tuple per diagnostic.</returns>
    public static IReadOnlyList<(string Code, int Line, int Column)> Positions(Action action) =>
        [.. All(action).Select(static d => (d.Code, d.Line ?? 0, d.Column ?? 0))];

    /// <summary>The single diagnostic <paramref name="action"/> is rejected with.</summary>
    /// <param name="action">Code expected to be rejected with exactly one diagnostic.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Single(Action action) => Assert.Single(All(action));
}
