using System.Globalization;
using System.Text.Json;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// A matcher value with govaluate's types: nil, bool, float64 number, string, an object (map, struct,
/// JSON object) or a list. A struct so that evaluation allocates nothing for strings, numbers and booleans.
/// </summary>
internal readonly struct Value
{
    public static Value Null => default;
    public static readonly Value True = new(ValueKind.Bool, 1, null);
    public static readonly Value False = new(ValueKind.Bool, 0, null);

    private static readonly object s_boxedTrue = true;
    private static readonly object s_boxedFalse = false;

    private readonly object? _ref;
    private readonly double _number;

    private Value(ValueKind kind, double number, object? reference)
    {
        Kind = kind;
        _number = number;
        _ref = reference;
    }

    public ValueKind Kind { get; }

    public bool IsTrue => Kind == ValueKind.Bool && _number != 0;

    public bool IsFalse => Kind == ValueKind.Bool && _number == 0;

    public double Number => _number;

    public string String => (string)_ref!;

    public object Object => _ref!;

    public Value[] List => (Value[])_ref!;

    public static Value FromBool(bool value) => value ? True : False;

    public static Value FromNumber(double value) => new(ValueKind.Number, value, null);

    public static Value FromString(string value) => new(ValueKind.String, 0, value);

    public static Value FromList(Value[] items) => new(ValueKind.List, 0, items);

    /// <summary>Converts a CLR value, as numbers become float64 in govaluate.</summary>
    public static Value FromObject(object? value) => value switch
    {
        null => Null,
        string s => FromString(s),
        bool b => FromBool(b),
        double d => FromNumber(d),
        int i => FromNumber(i),
        long l => FromNumber(l),
        float f => FromNumber(f),
        decimal m => FromNumber((double)m),
        short s16 => FromNumber(s16),
        byte u8 => FromNumber(u8),
        uint u32 => FromNumber(u32),
        ulong u64 => FromNumber(u64),
        ushort u16 => FromNumber(u16),
        sbyte s8 => FromNumber(s8),
        JsonElement json => FromJson(json),
        Value v => v,
        _ => new Value(ValueKind.Object, 0, value),
    };

    public static Value FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => FromString(json.GetString()!),
        JsonValueKind.Number => FromNumber(json.GetDouble()),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        _ => new Value(ValueKind.Object, 0, json),
    };

    /// <summary>The CLR value handed to functions: string, double, bool, null, the object, or an array for a list.</summary>
    public object? ToObject() => Kind switch
    {
        ValueKind.Null => null,
        ValueKind.Bool => _number != 0 ? s_boxedTrue : s_boxedFalse,
        ValueKind.Number => _number,
        ValueKind.List => Array.ConvertAll(List, static v => v.ToObject()),
        _ => _ref,
    };

    /// <summary>govaluate's <c>==</c>: reflect.DeepEqual, so values of different types are never equal.</summary>
    public static bool DeepEquals(in Value a, in Value b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Bool or ValueKind.Number => a._number == b._number,
            ValueKind.String => string.Equals((string)a._ref!, (string)b._ref!, StringComparison.Ordinal),
            ValueKind.List => ListEquals(a.List, b.List),
            _ => Equals(a._ref, b._ref),
        };
    }

    /// <summary>Formats like Go's <c>%v</c>, for messages and string concatenation.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "<nil>",
        ValueKind.Bool => _number != 0 ? "true" : "false",
        ValueKind.Number => FormatNumber(_number),
        ValueKind.String => (string)_ref!,
        ValueKind.List => "[" + string.Join(" ", List.Select(static v => v.ToString())) + "]",
        _ => _ref is JsonElement json ? json.GetRawText() : _ref?.ToString() ?? "<nil>",
    };

    private static string FormatNumber(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e21
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static bool ListEquals(Value[] a, Value[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!DeepEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
