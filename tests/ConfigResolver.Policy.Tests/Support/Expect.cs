namespace ConfigResolver.Policy.Tests.Support;

/// <summary>Sequence assertions whose failure message names the case, for tables whose rows hold delegates.</summary>
internal static class Expect
{
    /// <summary>Asserts that two string sequences are equal, element by element.</summary>
    /// <param name="label">The case, named in the failure message.</param>
    /// <param name="expected">The expected values.</param>
    /// <param name="actual">The actual values.</param>
    public static void Sequence(string label, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = string.Join(" | ", expected);
        var a = string.Join(" | ", actual);
        Assert.True(e == a, $"{label}: expected [{e}], actual [{a}]");
    }

    /// <summary>Asserts that two lists of rules are equal, rule by rule and field by field.</summary>
    /// <param name="label">The case, named in the failure message.</param>
    /// <param name="expected">The expected rules.</param>
    /// <param name="actual">The actual rules.</param>
    public static void Rules(string label, IEnumerable<IEnumerable<string>> expected, IEnumerable<IEnumerable<string>> actual) =>
        Sequence(label, expected.Select(static r => string.Join(", ", r)), actual.Select(static r => string.Join(", ", r)));
}
