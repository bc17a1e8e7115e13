using System.Collections.Frozen;

namespace ConfigResolver.Policy.Conditions;

/// <summary>
/// What fields a condition variable has, so that <c>org.stauts</c> is rejected when the condition is compiled, at
/// its column, instead of failing when it is evaluated. A shape is a scalar (no fields), an object with named
/// fields (optionally any other field name, for maps such as <c>config.providers.&lt;name&gt;</c>), or anything.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class FieldShape
{
    private readonly FrozenDictionary<string, FieldShape> _fields;
    private readonly FieldShape? _otherFields;
    private readonly bool _anything;

    private FieldShape(FrozenDictionary<string, FieldShape> fields, FieldShape? otherFields, bool anything)
    {
        _fields = fields;
        _otherFields = otherFields;
        _anything = anything;
    }

    /// <summary>A string, number, boolean or list: no fields.</summary>
    public static FieldShape Scalar { get; } = new(FrozenDictionary<string, FieldShape>.Empty, null, anything: false);

    /// <summary>Any field path is accepted (nothing is checked at compile time).</summary>
    public static FieldShape Anything { get; } = new(FrozenDictionary<string, FieldShape>.Empty, null, anything: true);

    /// <summary>An object with the given fields, and optionally any other field name with one shape.</summary>
    /// <param name="fields">Named fields and their shapes.</param>
    /// <param name="otherFields">Shape of fields not named in <paramref name="fields"/>, or null to reject them.</param>
    /// <returns>The shape.</returns>
    public static FieldShape WithFields(IReadOnlyDictionary<string, FieldShape> fields, FieldShape? otherFields = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(fields.ToFrozenDictionary(StringComparer.Ordinal), otherFields, anything: false);
    }

    /// <summary>The named fields, for messages.</summary>
    public IEnumerable<string> KnownMembers => _fields.Keys.Order(StringComparer.Ordinal);

    /// <summary>The shape of one field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="shape">Its shape.</param>
    /// <returns>Whether the field exists.</returns>
    public bool TryGetMember(string name, out FieldShape shape)
    {
        if (_anything)
        {
            shape = Anything;
            return true;
        }

        if (_fields.TryGetValue(name, out shape!))
        {
            return true;
        }

        shape = _otherFields!;
        return _otherFields is not null;
    }
}
