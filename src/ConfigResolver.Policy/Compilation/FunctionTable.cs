using System.Collections.Frozen;

namespace ConfigResolver.Policy.Compilation;

/// <summary>Functions a matcher may call, by name; immutable, extended by copy.</summary>
internal sealed class FunctionTable
{
    private readonly FrozenDictionary<string, FunctionBinding> _bindings;

    public FunctionTable(IEnumerable<FunctionBinding> bindings) =>
        _bindings = bindings.ToFrozenDictionary(static b => b.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _bindings.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, out FunctionBinding binding) => _bindings.TryGetValue(name, out binding!);

    public FunctionTable With(FunctionBinding binding)
    {
        var copy = _bindings.Values.Where(b => b.Name != binding.Name).Append(binding);
        return new FunctionTable(copy);
    }
}
