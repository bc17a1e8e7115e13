using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Policy.Conditions;

namespace ConfigResolver.Authorization.Evaluation;

internal ref partial struct CheckEvaluation
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;
    private static readonly string[] s_none = [];
    private static readonly IReadOnlyDictionary<string, object?> s_noAttributes = new Dictionary<string, object?>();

    /// <summary>Whether the user is a platform administrator (an admin or owner of the system organization); read once, when needed.</summary>
    private bool PlatformAdmin => _platformAdmin ??= _principal.UserId is { } user && _snapshot.Facts.PlatformAdmins.Contains(user);

    private bool EvaluateCondition(CompiledCondition condition, ulong reads)
    {
        Fill(reads);
        ReadOnlySpan<object?> values = _values;
        return _time is { } now ? condition.Evaluate(values, now) : condition.Evaluate(values);
    }

    /// <summary>The six variables as objects, for rendering reason templates (explanations only).</summary>
    [UnscopedRef]
    private ReadOnlySpan<object?> AllVariables()
    {
        Fill((1UL << ConditionVariables.BaseCount) - 1);
        return _values;
    }

    private void Fill(ulong reads)
    {
        var missing = reads & ~_filled;
        _filled |= missing;
        while (missing != 0)
        {
            var slot = BitOperations.TrailingZeroCount(missing);
            missing &= missing - 1;
            _values[slot] = ValueOf(slot);
        }
    }

    private object? ValueOf(int slot) => slot switch
    {
        ConditionVariables.Principal => new PrincipalView(_principal, _role?.Name, _role?.EffectiveRoleArray ?? s_none, PlatformAdmin),
        ConditionVariables.Org => _organization,
        ConditionVariables.Action => _action,
        ConditionVariables.Resource => new ResourceView(_resource, _context?.ResourceAttributes),
        ConditionVariables.Context => new ContextView(Now, _context?.ClientIp),
        ConditionVariables.Config => _organization.Config,
        ConditionVariables.PrincipalId => _principal.ApiKeyId ?? _principal.UserIdText,
        ConditionVariables.PrincipalType => _principal.IsApiKey ? "api_key" : "user",
        ConditionVariables.PrincipalUserId => _principal.UserIdText ?? string.Empty,
        ConditionVariables.PrincipalApiKey => _principal.ApiKeyId ?? string.Empty,
        ConditionVariables.PrincipalRole => _role?.Name ?? string.Empty,
        ConditionVariables.PrincipalRoles => _role?.EffectiveRoleArray ?? s_none,
        ConditionVariables.PrincipalPlatformAdmin => PlatformAdmin ? s_true : s_false,
        ConditionVariables.PrincipalScopes => _principal.IsApiKey ? _principal.ScopeArray : s_none,
        ConditionVariables.OrgId => _organization.IdText,
        ConditionVariables.OrgSlug => _organization.Slug,
        ConditionVariables.OrgStatus => _organization.StatusName,
        ConditionVariables.OrgPlan => _organization.Organization.Plan,
        ConditionVariables.OrgIsSystem => _organization.Organization.IsSystem ? s_true : s_false,
        ConditionVariables.ResourceName => _resource,
        ConditionVariables.ResourceKind => ResourceKind(),
        ConditionVariables.ResourceId => ResourceId(),
        ConditionVariables.ResourceAttributes => _context?.ResourceAttributes ?? s_noAttributes,
        ConditionVariables.ContextTime => ContextView.Format(Now),
        ConditionVariables.ContextClientIp => _context?.ClientIp ?? string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a condition variable"),
    };

    /// <summary>The check's instant: the decision's, or (for an explanation of a rule set that reads no time) the clock's now.</summary>
    private DateTimeOffset Now => _time ?? _snapshot.TimeProvider.GetUtcNow();

    /// <summary><c>provider/openai</c> is of kind <c>provider</c>; a resource without a slash is its own kind.</summary>
    private string ResourceKind()
    {
        var slash = _resource.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? _resource : Name(_resource.AsSpan(0, slash));
    }

    /// <summary><c>provider/openai</c> has the id <c>openai</c>; a resource without a slash has none (<c>''</c>).</summary>
    private string ResourceId()
    {
        var slash = _resource.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : Name(_resource.AsSpan(slash + 1));
    }

    /// <summary>
    /// A part of the resource as a string: the policy's own constant or the organization's provider name when it equals
    /// one (nothing to allocate, and the names conditions compare with or look up are exactly these), else a new string.
    /// </summary>
    private string Name(ReadOnlySpan<char> part) =>
        _policy.Names.TryGetValue(part, out var constant) ? constant
        : _organization.ProviderNames.TryGetValue(part, out var provider) ? provider
        : part.ToString();
}

/// <summary>One value per slot of <see cref="ConditionVariables.All"/>, inside the evaluation (no array to allocate).</summary>
[System.Runtime.CompilerServices.InlineArray(ConditionVariables.Count)]
internal struct ConditionValues
{
    private object? _first;
}
