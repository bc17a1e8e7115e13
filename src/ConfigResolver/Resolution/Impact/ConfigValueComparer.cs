using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution.Impact;

/// <summary>Compares two resolved configurations value by value; secrets are compared but never copied out.</summary>
internal static class ConfigValueComparer
{
    public static IEnumerable<ConfigValueChange> Compare(string organization, string setup, TenantConfig before, TenantConfig after)
    {
        var pointers = before.AllValues.Select(static v => v.Pointer).Concat(after.AllValues.Select(static v => v.Pointer))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var pointer in pointers)
        {
            var old = before.TryGetValue(pointer, out var b) ? b : null;
            var @new = after.TryGetValue(pointer, out var a) ? a : null;
            if (Same(old?.Value, @new?.Value))
            {
                continue;
            }

            var secret = old?.Value?.Kind == ConfigValueKind.Secret || @new?.Value?.Kind == ConfigValueKind.Secret;
            yield return new ConfigValueChange(
                organization, setup, pointer,
                secret ? null : Text(old?.Value), secret ? null : Text(@new?.Value),
                Layer(old), Layer(@new), secret);
        }
    }

    private static bool Same(ConfigValue? left, ConfigValue? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind == ConfigValueKind.Secret
            ? left.AsSecret().Equals(right.AsSecret())
            : string.Equals(left.ToString(), right.ToString(), StringComparison.Ordinal);
    }

    private static string Text(ConfigValue? value) =>
        value is null ? "(none)" : value.ToString().Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Layer(ResolvedValue? value) => value is null ? "none" : ResolutionNames.ToName(value.Layer) ?? "none";
}
