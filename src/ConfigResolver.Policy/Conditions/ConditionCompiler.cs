using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Conditions;

/// <summary>
/// Compiles conditions written in the matcher language over named variables (<c>org.status == 'suspended'</c>,
/// <c>'admin' in principal.roles</c>, <c>lookup(config, 'providers', resource.id, 'enabled') == true</c>) into
/// delegates-backed trees, checking names, fields, functions and arity at compile time with file, line and column.
/// Casbin's built-in functions are available, plus <c>lookup</c>, <c>startsWith</c>, <c>endsWith</c> and <c>contains</c>.
/// </summary>
/// <remarks>Immutable and safe for concurrent use; compiled conditions are too.</remarks>
public sealed class ConditionCompiler
{
    private static readonly TokenDefinition s_noPolicy = new("\0p", [], 0, 0);

    private readonly CompileScope _scope;
    private readonly Evaluation.EvaluationServices _services;

    /// <summary>Creates a compiler for the given variables.</summary>
    /// <param name="variables">The names conditions may read, in the order values are passed to <see cref="CompiledCondition.Evaluate(ReadOnlySpan{object})"/>.</param>
    /// <param name="timeProvider">Clock for <c>timeMatch</c>; the system clock by default.</param>
    public ConditionCompiler(IEnumerable<ConditionVariable> variables, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        Variables = [.. variables];
        var clock = timeProvider ?? TimeProvider.System;
        var functions = ConditionFunctions.All.Aggregate(BuiltInFunctionTable.Create(clock), static (table, f) => table.With(f));
        var request = new TokenDefinition(string.Empty, [.. Variables.Select(static v => v.Name)], 0, 0);
        _scope = new CompileScope(request, s_noPolicy, FrozenDictionary<string, int>.Empty, functions, null)
        {
            BareShapes = [.. Variables.Select(static v => v.Shape)],
        };
        _services = new Evaluation.EvaluationServices([], clock);
    }

    /// <summary>The variables, in evaluation order.</summary>
    public ImmutableArray<ConditionVariable> Variables { get; }

    /// <summary>Compiles one condition.</summary>
    /// <param name="text">The condition.</param>
    /// <param name="file">File it came from, for diagnostics.</param>
    /// <param name="line">One-based line of its first character.</param>
    /// <param name="column">One-based column of its first character.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <returns>The compiled condition, or null when it has problems.</returns>
    public CompiledCondition? Compile(string text, string? file, int line, int column, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new List<Diagnostic>();
        var root = MatcherCompiler.Compile(text, SourceMap.AtPosition(line, column), _scope with { SourceName = file }, found);
        foreach (var d in found)
        {
            diagnostics.Add(d);
        }

        return root is null ? null : new CompiledCondition(text, root, Variables, _services);
    }
}
