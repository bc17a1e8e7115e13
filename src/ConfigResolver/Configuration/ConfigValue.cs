using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace ConfigResolver.Configuration;

/// <summary>
/// One configuration value: a string, a boolean, a list of strings, a number or a <see cref="Secret"/>.
/// </summary>
/// <remarks>
/// Immutable. <see cref="ToString"/> and <see cref="WriteTo"/> redact secrets unless asked to reveal them.
/// Equality is by kind and content.
/// </remarks>
public sealed class ConfigValue : IEquatable<ConfigValue>
{
    private static readonly ConfigValue s_true = new(ConfigValueKind.Boolean, null, true, default, null);
    private static readonly ConfigValue s_false = new(ConfigValueKind.Boolean, null, false, default, null);

    private readonly string? _string;
    private readonly bool _boolean;
    private readonly ImmutableArray<string> _list;
    private readonly Secret? _secret;

    // A number is kept as the integer the document wrote when it is one (limits, -1 = unlimited), else as a double.
    private readonly long _integer;
    private readonly double _number;
    private readonly bool _isInteger;

    private ConfigValue(ConfigValueKind kind, string? text, bool boolean, ImmutableArray<string> list, Secret? secret)
    {
        Kind = kind;
        _string = text;
        _boolean = boolean;
        _list = list;
        _secret = secret;
    }

    private ConfigValue(long integer, double number, bool isInteger)
        : this(ConfigValueKind.Number, null, false, default, null)
    {
        _isInteger = isInteger;
        _integer = integer;
        _number = number;
    }

    /// <summary>Gets the kind of value.</summary>
    public ConfigValueKind Kind { get; }

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static ConfigValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ConfigValue(ConfigValueKind.Text, value, false, default, null);
    }

    /// <summary>Returns the shared value for <paramref name="value"/>.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static ConfigValue FromBoolean(bool value) => value ? s_true : s_false;

    /// <summary>Creates a list value.</summary>
    /// <param name="values">The strings, in order.</param>
    /// <returns>The value.</returns>
    public static ConfigValue FromList(ImmutableArray<string> values) =>
        new(ConfigValueKind.StringList, null, false, values.IsDefault ? [] : values, null);

    /// <summary>Creates a secret value.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The value.</returns>
    public static ConfigValue FromSecret(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new ConfigValue(ConfigValueKind.Secret, null, false, default, secret);
    }

    /// <summary>Creates a number value holding an integer.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static ConfigValue FromInteger(long value) => new(value, value, isInteger: true);

    /// <summary>Creates a number value holding a finite double.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static ConfigValue FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A configuration number is finite.");
        }

        return new ConfigValue(0, value, isInteger: false);
    }

    /// <summary>Returns the text of a <see cref="ConfigValueKind.Text"/> value.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public string AsString() => Kind == ConfigValueKind.Text ? _string! : throw WrongKind(ConfigValueKind.Text);

    /// <summary>Returns a <see cref="ConfigValueKind.Boolean"/> value.</summary>
    /// <returns>The boolean.</returns>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public bool AsBoolean() => Kind == ConfigValueKind.Boolean ? _boolean : throw WrongKind(ConfigValueKind.Boolean);

    /// <summary>Returns a <see cref="ConfigValueKind.StringList"/> value.</summary>
    /// <returns>The strings.</returns>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public ImmutableArray<string> AsList() => Kind == ConfigValueKind.StringList ? _list : throw WrongKind(ConfigValueKind.StringList);

    /// <summary>Returns a <see cref="ConfigValueKind.Secret"/> value.</summary>
    /// <returns>The secret.</returns>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public Secret AsSecret() => Kind == ConfigValueKind.Secret ? _secret! : throw WrongKind(ConfigValueKind.Secret);

    /// <summary>Returns a <see cref="ConfigValueKind.Number"/> value as a double.</summary>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public double AsNumber() => Kind == ConfigValueKind.Number ? _number : throw WrongKind(ConfigValueKind.Number);

    /// <summary>Gets whether the value is a number that holds an integer (see <see cref="AsInt64"/>).</summary>
    public bool IsInteger => _isInteger;

    /// <summary>Returns a <see cref="ConfigValueKind.Number"/> value that holds an integer.</summary>
    /// <returns>The integer.</returns>
    /// <exception cref="InvalidOperationException">The value is not an integer number.</exception>
    public long AsInt64() => IsInteger ? _integer : throw WrongKind(ConfigValueKind.Number);

    /// <summary>Writes the value as JSON: a string, a boolean, an array, or for a secret <c>"[redacted]"</c> unless revealed.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="revealSecrets">Write a secret's plaintext instead of <c>[redacted]</c>.</param>
    public void WriteTo(Utf8JsonWriter writer, bool revealSecrets)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case ConfigValueKind.Boolean:
                writer.WriteBooleanValue(_boolean);
                break;
            case ConfigValueKind.StringList:
                writer.WriteStartArray();
                foreach (var item in _list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case ConfigValueKind.Secret:
                writer.WriteStringValue(revealSecrets ? _secret!.Reveal() : Secret.Redacted);
                break;
            case ConfigValueKind.Number when IsInteger:
                writer.WriteNumberValue(_integer);
                break;
            case ConfigValueKind.Number:
                writer.WriteNumberValue(_number);
                break;
            default:
                writer.WriteStringValue(_string);
                break;
        }
    }

    /// <summary>Renders the value for people: text as is, lists comma-separated in brackets, secrets redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() => Kind switch
    {
        ConfigValueKind.Boolean => _boolean ? "true" : "false",
        ConfigValueKind.StringList => "[" + string.Join(", ", _list) + "]",
        ConfigValueKind.Secret => Secret.Redacted,
        ConfigValueKind.Number => IsInteger ? _integer.ToString(CultureInfo.InvariantCulture) : _number.ToString("R", CultureInfo.InvariantCulture),
        _ => _string!,
    };

    /// <inheritdoc/>
    public bool Equals(ConfigValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            ConfigValueKind.Boolean => _boolean == other._boolean,
            ConfigValueKind.StringList => _list.AsSpan().SequenceEqual(other._list.AsSpan()),
            ConfigValueKind.Secret => _secret!.Equals(other._secret),
            ConfigValueKind.Number => IsInteger == other.IsInteger && (IsInteger ? _integer == other._integer : _number.Equals(other._number)),
            _ => string.Equals(_string, other._string, StringComparison.Ordinal),
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConfigValue);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        ConfigValueKind.Boolean => _boolean.GetHashCode(),
        ConfigValueKind.StringList => _list.Length,
        ConfigValueKind.Secret => _secret!.GetHashCode(),
        ConfigValueKind.Number => IsInteger ? _integer.GetHashCode() : _number.GetHashCode(),
        _ => StringComparer.Ordinal.GetHashCode(_string!),
    };

    private InvalidOperationException WrongKind(ConfigValueKind expected) =>
        new($"The value is a {Kind}, not a {expected}.");
}
