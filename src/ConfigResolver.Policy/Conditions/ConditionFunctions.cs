using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Conditions;

/// <summary>Helpers conditions may call besides Casbin's built-ins.</summary>
internal static class ConditionFunctions
{
    public static IEnumerable<FunctionBinding> All { get; } =
    [
        // lookup(obj, 'a', key, ...): a path read with run-time keys; null where a step is missing (never an error).
        new FunctionBinding("lookup", 2, int.MaxValue, Lookup, null, mayThrow: true) { OnValues = Lookup },
        new FunctionBinding("startsWith", 2, 2, static a => Text(a, 0).StartsWith(Text(a, 1), StringComparison.Ordinal), static (s, p) => s.StartsWith(p, StringComparison.Ordinal), mayThrow: false),
        new FunctionBinding("endsWith", 2, 2, static a => Text(a, 0).EndsWith(Text(a, 1), StringComparison.Ordinal), static (s, p) => s.EndsWith(p, StringComparison.Ordinal), mayThrow: false),
        new FunctionBinding("contains", 2, 2, static a => Contains(a), static (s, p) => s.Contains(p, StringComparison.Ordinal), mayThrow: true),
    ];

    private static object? Lookup(object?[] args)
    {
        var current = Value.FromObject(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is not string key)
            {
                throw new ArgumentException($"lookup: key {i} must be a string; found '{args[i] ?? "nil"}'.");
            }

            if (!AttributeReader.TryRead(current, key, out current))
            {
                return null;
            }
        }

        return current.ToObject();
    }

    /// <summary>The same walk over matcher values, without converting them (the form calls of up to eight arguments take).</summary>
    private static Value Lookup(ReadOnlySpan<Value> args)
    {
        // A list is handed on as the CLR array the object form would receive, so both forms read the same attributes.
        var current = args[0].Kind == ValueKind.List ? Value.FromObject(args[0].ToObject()) : args[0];
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].Kind != ValueKind.String)
            {
                throw new ArgumentException($"lookup: key {i} must be a string; found '{args[i].ToObject() ?? "nil"}'.");
            }

            if (!AttributeReader.TryRead(current, args[i].String, out current))
            {
                return Value.Null;
            }
        }

        return current.Kind == ValueKind.List ? Value.FromObject(current.ToObject()) : current;
    }

    private static bool Contains(object?[] args)
    {
        if (args[0] is string text)
        {
            return text.Contains(Text(args, 1), StringComparison.Ordinal);
        }

        if (args[0] is System.Collections.IEnumerable items)
        {
            var needle = Value.FromObject(args[1]);
            foreach (var item in items)
            {
                if (Value.DeepEquals(Value.FromObject(item), needle))
                {
                    return true;
                }
            }

            return false;
        }

        throw new ArgumentException($"contains: the first argument must be a string or a list; found '{args[0] ?? "nil"}'.");
    }

    private static string Text(object?[] args, int index) =>
        args[index] as string ?? throw new ArgumentException($"argument {index + 1} must be a string; found '{args[index] ?? "nil"}'.");
}
