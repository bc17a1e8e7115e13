namespace ConfigResolver.Policy.Compilation;

/// <summary>What one change in a batch does.</summary>
internal enum PolicyChangeKind
{
    Add,
    Remove,
    Update,
}

/// <summary>One change of a <see cref="PolicyChangeBatch"/>: a rule of <paramref name="Type"/> added, removed or replaced by <paramref name="NewRule"/>.</summary>
internal readonly record struct PolicyChange(string Type, PolicyChangeKind Kind, string[] Rule, string[]? NewRule = null);
