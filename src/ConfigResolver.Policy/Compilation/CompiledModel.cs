using System.Collections.Concurrent;
using System.Collections.Frozen;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// A model with its function table, and its matchers compiled per enforce context. The default context is
/// compiled up front (its problems reject the model); other contexts compile on first use and are cached.
/// Shared by every snapshot of the same model and functions.
/// </summary>
internal sealed class CompiledModel
{
    private readonly ConcurrentDictionary<EnforceContext, Lazy<(CompiledMatcher? Matcher, string? Error)>> _matchers = new();

    private CompiledModel(PolicyModel model, FunctionTable functions)
    {
        Model = model;
        Functions = functions;
        RoleKeys = [.. model.RoleDefinitions.Keys.Order(StringComparer.Ordinal)];
        RoleIndexes = RoleKeys.Select(static (k, i) => (k, i)).ToFrozenDictionary(static x => x.k, static x => x.i, StringComparer.Ordinal);
    }

    public PolicyModel Model { get; }

    public FunctionTable Functions { get; }

    /// <summary>Role definition keys in ordinal order; a role manager's position in a snapshot.</summary>
    public string[] RoleKeys { get; }

    public FrozenDictionary<string, int> RoleIndexes { get; }

    public CompiledMatcher Default { get; private set; } = null!;

    /// <summary>Warnings from compiling the default matcher (functions not registered yet).</summary>
    public List<Diagnostic> Warnings { get; } = [];

    /// <summary>Compiles the model's default matcher; throws with every diagnostic when it does not compile.</summary>
    public static CompiledModel Create(PolicyModel model, FunctionTable functions)
    {
        var diagnostics = new List<Diagnostic>();
        return TryCreate(model, functions, diagnostics) ?? throw new PolicyCompilationException(diagnostics);
    }

    /// <summary>Compiles the default matcher, adding problems to <paramref name="diagnostics"/>; null when it does not compile.</summary>
    public static CompiledModel? TryCreate(PolicyModel model, FunctionTable functions, List<Diagnostic> diagnostics)
    {
        var compiled = new CompiledModel(model, functions);
        var matcher = compiled.TryCompile(EnforceContext.Default, diagnostics);
        if (matcher is null)
        {
            return null;
        }

        compiled.Default = matcher;
        compiled._matchers[EnforceContext.Default] = new Lazy<(CompiledMatcher?, string?)>((matcher, null));
        return compiled;
    }

    /// <summary>The matcher for a context; throws <see cref="PolicyEvaluationException"/> when the context cannot be compiled.</summary>
    public CompiledMatcher Get(EnforceContext context)
    {
        if (ReferenceEquals(context, EnforceContext.Default) || context == EnforceContext.Default)
        {
            return Default;
        }

        var entry = _matchers.GetOrAdd(context, c => new Lazy<(CompiledMatcher?, string?)>(() =>
        {
            var diagnostics = new List<Diagnostic>();
            var m = TryCompile(c, diagnostics);
            return (m, m is null ? string.Join("; ", diagnostics) : null);
        })).Value;
        return entry.Matcher ?? throw new PolicyEvaluationException(entry.Error!);
    }

    private CompiledMatcher? TryCompile(EnforceContext context, List<Diagnostic> diagnostics)
    {
        var source = Model.SourceName;
        var request = Require(Model.RequestDefinitions, context.RType, "request definition", "request_definition");
        var policy = Require(Model.PolicyDefinitions, context.PType, "policy definition", "policy_definition");
        // The model parse already reports a missing or unsupported default effect; say nothing twice.
        var isDefault = context == EnforceContext.Default;
        var effect = isDefault ? Model.Effects.GetValueOrDefault(context.EType) : Require(Model.Effects, context.EType, "policy effect", "policy_effect");
        var matcher = Require(Model.Matchers, context.MType, "matcher", "matchers");
        if (request is null || policy is null || matcher is null)
        {
            return null;
        }

        var scope = new CompileScope(request, policy, RoleIndexes, Functions, source);
        var before = diagnostics.Count;
        var root = MatcherCompiler.Compile(matcher.Text, matcher.Map, scope, diagnostics);
        if (effect is null)
        {
            return null;
        }

        if (root is not null)
        {
            return new CompiledMatcher(context, request, policy, effect, matcher, root);
        }

        // Only unknown functions: load, warn, and fail checks until they are registered (casbin's order of calls).
        var found = diagnostics.Skip(before).ToList();
        if (found.Count > 0 && found.All(static d => d.Code == PolicyDiagnosticCodes.UnknownFunction))
        {
            diagnostics.RemoveRange(before, found.Count);
            if (isDefault)
            {
                Warnings.AddRange(found.Select(static d => d with { Severity = DiagnosticSeverity.Warning }));
            }

            return new CompiledMatcher(context, request, policy, effect, matcher, new Expressions.ConstantExpr(Evaluation.Value.False),
                $"{string.Join("; ", found)} (register it with AddFunction before enforcing)");
        }

        return null;

        T? Require<T>(FrozenDictionary<string, T> map, string key, string what, string section)
            where T : class
        {
            if (map.TryGetValue(key, out var value))
            {
                return value;
            }

            diagnostics.Add(new Diagnostic(
                PolicyDiagnosticCodes.UnknownDefinition,
                $"{what} '{key}' is not defined in '[{section}]'; expected one of {string.Join(", ", map.Keys.Order(StringComparer.Ordinal).Select(static k => $"'{k}'"))}.",
                source,
                1,
                1));
            return null;
        }
    }
}
