namespace ConfigResolver.Policy;

/// <summary>
/// Which request, policy, effect and matcher definitions an enforce call uses, as Casbin's <c>EnforceContext</c>.
/// The default is <c>r</c>, <c>p</c>, <c>e</c>, <c>m</c>.
/// </summary>
/// <param name="RType">Request definition key, e.g. <c>r2</c>.</param>
/// <param name="PType">Policy definition key, e.g. <c>p2</c>.</param>
/// <param name="EType">Effect key, e.g. <c>e2</c>.</param>
/// <param name="MType">Matcher key, e.g. <c>m2</c>.</param>
public sealed record EnforceContext(string RType = "r", string PType = "p", string EType = "e", string MType = "m")
{
    /// <summary>The default context: <c>r</c>, <c>p</c>, <c>e</c>, <c>m</c>.</summary>
    public static EnforceContext Default { get; } = new();

    /// <summary>Casbin's <c>NewEnforceContext</c>: every key with the same suffix, e.g. <c>"2"</c> gives r2, p2, e2, m2.</summary>
    /// <param name="suffix">The suffix.</param>
    /// <returns>The context.</returns>
    public static EnforceContext WithSuffix(string suffix) => new("r" + suffix, "p" + suffix, "e" + suffix, "m" + suffix);

    /// <inheritdoc />
    public override string ToString() => $"{RType},{PType},{EType},{MType}";
}
