namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary>Static facts about an expression, used to plan indexes and hoist request-only work.</summary>
[Flags]
internal enum ExprTraits
{
    None = 0,

    /// <summary>Reads a request value.</summary>
    UsesRequest = 1,

    /// <summary>Reads a field of the current policy rule.</summary>
    UsesPolicy = 2,

    /// <summary>May throw for some input even when every request value is a string (Go returns an error).</summary>
    MayThrow = 4,

    /// <summary>Calls eval(): its meaning depends on text found at run time.</summary>
    UsesEval = 8,

    /// <summary>Calls a role function g, g2, ...</summary>
    UsesRoles = 16,

    /// <summary>May answer differently for the same inputs (reads the clock, calls a caller function not declared deterministic, eval()): never cached.</summary>
    Volatile = 32,
}
