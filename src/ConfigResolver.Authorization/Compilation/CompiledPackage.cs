using System.Collections.Immutable;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>A compiled rule package: its default and its rules, in file order.</summary>
/// <param name="Name">The package name.</param>
/// <param name="File">The file it came from.</param>
/// <param name="DefaultAllows">Whether <c>default: allow</c>.</param>
/// <param name="OverlayOrganization">The organization of an overlay package, or null.</param>
/// <param name="Rules">The rules.</param>
internal sealed record CompiledPackage(string Name, string File, bool DefaultAllows, string? OverlayOrganization, ImmutableArray<CompiledRule> Rules)
{
    /// <summary>Whether some rule of the package selects the request (the package then applies, and so does its default).</summary>
    public bool Applies(string action, string resource)
    {
        foreach (var rule in Rules)
        {
            if (rule.Selects(action, resource))
            {
                return true;
            }
        }

        return false;
    }
}
