namespace ConfigResolver.Authorization.Impact;

/// <summary>One principal whose decisions an impact analysis compares, with the name reports show for it.</summary>
/// <param name="Name">A user's email, or <c>apikey:&lt;id&gt;</c> for an API key (never its secret).</param>
/// <param name="Principal">The principal checks are asked as.</param>
public sealed record ImpactPrincipal(string Name, Principal Principal);
