namespace ConfigResolver.Cli.Rendering;

/// <summary>ANSI colour for verdict words on a terminal: allow and PASS green, deny and FAIL red. Text is unchanged otherwise.</summary>
internal static class Colors
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    /// <summary>Colours <paramref name="word"/> as good or bad news when <paramref name="enabled"/>.</summary>
    /// <param name="word">The verdict (<c>allow</c>, <c>deny</c>, <c>PASS</c>, <c>FAIL</c>).</param>
    /// <param name="good">Green when true, red when false.</param>
    /// <param name="enabled">Whether colour is on (<see cref="CommandLine.CliConsole.UseColor"/>).</param>
    /// <returns>The word, coloured or not.</returns>
    public static string Verdict(string word, bool good, bool enabled) =>
        enabled ? (good ? Green : Red) + word + Reset : word;
}
