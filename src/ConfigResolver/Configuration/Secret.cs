using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigResolver.Configuration;

/// <summary>
/// A secret value (API key, token, signup key). Every rendering is redacted; only <see cref="Reveal"/> returns the value.
/// </summary>
/// <remarks>
/// <see cref="ToString"/>, the debugger display and System.Text.Json serialization all produce <c>[redacted]</c>,
/// so a secret that ends up in a log line, an exception message or a provenance entry stays hidden.
/// Equality compares values in constant time. Immutable and safe to share between threads.
/// </remarks>
[DebuggerDisplay("[redacted]")]
[JsonConverter(typeof(SecretJsonConverter))]
public sealed class Secret : IEquatable<Secret>
{
    /// <summary>The text every rendering of a secret shows.</summary>
    public const string Redacted = "[redacted]";

    private readonly string _value;

    /// <summary>Wraps a secret value.</summary>
    /// <param name="value">The plaintext value; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>Gets the number of characters, which is safe to show ("a 12-character value").</summary>
    public int Length => _value.Length;

    /// <summary>Returns the plaintext value. Call it only where the value is actually used or explicitly shown.</summary>
    /// <returns>The plaintext.</returns>
    public string Reveal() => _value;

    /// <summary>Describes the secret without revealing it.</summary>
    /// <returns>For example <c>a 12-character value</c>.</returns>
    public string Describe() => DescribeLength(_value.Length);

    /// <summary>Returns <c>[redacted]</c>.</summary>
    /// <returns><see cref="Redacted"/>.</returns>
    public override string ToString() => Redacted;

    /// <inheritdoc/>
    public bool Equals(Secret? other) =>
        other is not null
        && CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(_value.AsSpan()),
            MemoryMarshal.AsBytes(other._value.AsSpan()));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    internal static string DescribeLength(int length) =>
        length == 1 ? "a 1-character value" : $"a {length}-character value";

    private sealed class SecretJsonConverter : JsonConverter<Secret>
    {
        public override Secret? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text ? new Secret(text) : null;

        public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Redacted);
    }
}
