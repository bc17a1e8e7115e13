using System.Collections.Frozen;
using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>
    /// Casbin's <c>AddNamedMatchingFunc</c>: role names in links of <paramref name="roleType"/> may be patterns,
    /// matched with <paramref name="match"/> (called as <c>match(name, pattern)</c>).
    /// </summary>
    /// <param name="roleType">Role type, e.g. <c>g</c> or <c>g2</c>.</param>
    /// <param name="match">The matching function, e.g. <c>BuiltInFunctions.KeyMatch2</c>.</param>
    /// <returns><see langword="false"/> when the model has no such role type.</returns>
    public bool AddNamedMatchingFunc(string roleType, Func<string, string, bool> match)
    {
        ArgumentNullException.ThrowIfNull(roleType);
        ArgumentNullException.ThrowIfNull(match);
        return ChangeMatchers(roleType, s => s with { NameMatchers = With(s.NameMatchers, roleType, match) });
    }

    /// <summary>
    /// Casbin's <c>AddNamedDomainMatchingFunc</c>: domains in links of <paramref name="roleType"/> may be patterns
    /// (<c>*</c>, <c>domain*</c>), matched with <paramref name="match"/>; the links of every matching pattern apply.
    /// </summary>
    /// <param name="roleType">Role type with domains, e.g. <c>g</c>.</param>
    /// <param name="match">The matching function, called as <c>match(domain, pattern)</c>.</param>
    /// <returns><see langword="false"/> when the model has no such role type.</returns>
    public bool AddNamedDomainMatchingFunc(string roleType, Func<string, string, bool> match)
    {
        ArgumentNullException.ThrowIfNull(roleType);
        ArgumentNullException.ThrowIfNull(match);
        return ChangeMatchers(roleType, s => s with { DomainMatchers = With(s.DomainMatchers, roleType, match) });
    }

    /// <summary>Registers a function that matchers may call with two strings, e.g. <c>myMatch(r.obj, p.obj)</c>.</summary>
    /// <param name="name">The function name used in matchers.</param>
    /// <param name="function">The function.</param>
    /// <param name="deterministic">
    /// Whether the same arguments always give the same answer. Only then may decisions that use it be cached;
    /// by default they are not, so a function that reads the clock or outside state is never answered stale.
    /// </param>
    /// <remarks>Recompiles the model's matchers and publishes a new snapshot.</remarks>
    public void AddFunction(string name, Func<string, string, bool> function, bool deterministic = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(function);
        AddBinding(new FunctionBinding(name, 2, 2, args => function((string)args[0]!, (string)args[1]!), function, mayThrow: true, deterministic));
    }

    /// <summary>Registers a function over any values (strings, doubles, booleans, request objects), as Go casbin's <c>AddFunction</c>.</summary>
    /// <param name="name">The function name used in matchers.</param>
    /// <param name="function">The function; its result should be a boolean, number or string.</param>
    /// <param name="deterministic">Whether the same arguments always give the same answer (see the other overload).</param>
    public void AddFunction(string name, Func<object?[], object?> function, bool deterministic = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(function);
        AddBinding(new FunctionBinding(name, 0, int.MaxValue, function, null, mayThrow: true, deterministic));
    }

    private void AddBinding(FunctionBinding binding) =>
        Publish(s =>
        {
            var compiled = CompiledModel.Create(s.Model, s.Compiled.Functions.With(binding));
            return PolicySnapshotChanges.WithSettings(s, compiled, s.Settings, s.Revision + 1);
        });

    private bool ChangeMatchers(string roleType, Func<EnforcerSettings, EnforcerSettings> change)
    {
        if (!_snapshot.Model.RoleDefinitions.ContainsKey(roleType))
        {
            return false;
        }

        Publish(s => PolicySnapshotChanges.WithSettings(s, s.Compiled, change(s.Settings), s.Revision + 1));
        return true;
    }

    private static FrozenDictionary<string, Func<string, string, bool>> With(
        FrozenDictionary<string, Func<string, string, bool>> map, string key, Func<string, string, bool> value)
    {
        var copy = map.ToDictionary(StringComparer.Ordinal);
        copy[key] = value;
        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
