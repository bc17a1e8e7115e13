using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Reads <c>r.obj.Owner</c>-style attributes from request objects: string-keyed dictionaries, JSON objects and
/// plain CLR objects (public properties and fields, exact name as in Go). Getters for CLR types are compiled
/// once per type and member; reading a string or number attribute allocates nothing.
/// </summary>
internal static class AttributeReader
{
    // Process-wide on purpose: a getter depends only on a CLR type and a member name, the same for every snapshot.
    // Bounded by the application's request types times the attribute names its matchers read (both fixed by code
    // and models, not by request values: dictionaries and JSON objects are read without a getter).
    private static readonly ConcurrentDictionary<(Type Type, string Name), Func<object, Value>?> s_getters = new();

    public static bool TryRead(in Value target, string name, out Value value)
    {
        switch (target.Kind)
        {
            case ValueKind.Object:
                return TryReadObject(target.Object, name, out value);
            default:
                value = Value.Null;
                return false;
        }
    }

    private static bool TryReadObject(object target, string name, out Value value)
    {
        switch (target)
        {
            case IAttributeSource source:
                if (source.TryGetAttribute(name, out var attribute))
                {
                    value = Value.FromObject(attribute);
                    return true;
                }

                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                if (readOnly.TryGetValue(name, out var ro))
                {
                    value = Value.FromObject(ro);
                    return true;
                }

                break;
            case IDictionary<string, object?> dictionary:
                if (dictionary.TryGetValue(name, out var d))
                {
                    value = Value.FromObject(d);
                    return true;
                }

                break;
            case JsonElement json:
                if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var property))
                {
                    value = Value.FromJson(property);
                    return true;
                }

                break;
            case IDictionary legacy:
                if (legacy.Contains(name))
                {
                    value = Value.FromObject(legacy[name]);
                    return true;
                }

                break;
            default:
                var getter = s_getters.GetOrAdd((target.GetType(), name), static key => BuildGetter(key.Type, key.Name));
                if (getter is not null)
                {
                    value = getter(target);
                    return true;
                }

                break;
        }

        value = Value.Null;
        return false;
    }

    private static Func<object, Value>? BuildGetter(Type type, string name)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance;
        var property = type.GetProperty(name, Flags);
        MemberInfo? member = property is { CanRead: true } && property.GetIndexParameters().Length == 0
            ? property
            : type.GetField(name, Flags);
        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "target");
        var typed = Expression.Convert(parameter, type);
        Expression read = member is PropertyInfo p ? Expression.Property(typed, p) : Expression.Field(typed, (FieldInfo)member);
        var memberType = read.Type;
        Expression body = memberType switch
        {
            _ when memberType == typeof(string) => Expression.Call(typeof(AttributeReader).GetMethod(nameof(FromNullableString), BindingFlags.NonPublic | BindingFlags.Static)!, read),
            _ when memberType == typeof(bool) => Expression.Call(typeof(Value).GetMethod(nameof(Value.FromBool))!, read),
            _ when IsNumeric(memberType) => Expression.Call(typeof(Value).GetMethod(nameof(Value.FromNumber))!, Expression.Convert(read, typeof(double))),
            _ => Expression.Call(typeof(Value).GetMethod(nameof(Value.FromObject))!, Expression.Convert(read, typeof(object))),
        };
        return Expression.Lambda<Func<object, Value>>(body, parameter).Compile();
    }

    private static Value FromNullableString(string? value) => value is null ? Value.Null : Value.FromString(value);

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float)
        || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong)
        || type == typeof(ushort) || type == typeof(sbyte) || type == typeof(decimal);
}
