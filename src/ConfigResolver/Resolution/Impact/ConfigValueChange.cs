using System.Diagnostics.CodeAnalysis;

namespace ConfigResolver.Resolution.Impact;

/// <summary>
/// One resolved value of one organization and setup that a configuration change would change. A secret's values are
/// never carried: <see cref="Before"/> and <see cref="After"/> are null for it and <see cref="IsSecret"/> says so.
/// </summary>
/// <param name="Organization">The organization's slug.</param>
/// <param name="Setup">The setup resolved.</param>
/// <param name="Pointer">The value's JSON pointer in the resolved view (<c>/providers/openai/base_url</c>).</param>
/// <param name="Before">The value as one line before the change (<c>(none)</c> when absent); null for a secret.</param>
/// <param name="After">The value after the change; null for a secret.</param>
/// <param name="LayerBefore">Where the value came from before (<c>org</c>, <c>env</c>, <c>system</c>, <c>default</c>, or <c>none</c>).</param>
/// <param name="LayerAfter">Where it comes from after.</param>
/// <param name="IsSecret">Whether the value is a secret (either side).</param>
public sealed record ConfigValueChange(
    string Organization,
    string Setup,
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer (RFC 6901), not a memory pointer.")]
    [property: SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer (RFC 6901), not a memory pointer.")]
    string Pointer,
    string? Before, string? After, string LayerBefore, string LayerAfter, bool IsSecret);
