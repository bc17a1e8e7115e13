using System.Text.Json;
using ConfigResolver.Configuration;

namespace ConfigResolver.Tests.Configuration;

public sealed class SecretTests
{
    private const string Plaintext = "sk-live-1234567890";

    [Fact]
    public void Every_rendering_is_redacted_and_only_Reveal_returns_the_value()
    {
        var secret = new Secret(Plaintext);

        Assert.Equal("[redacted]", secret.ToString());
        Assert.Equal("[redacted]", $"{secret}");
        Assert.Equal("\"[redacted]\"", JsonSerializer.Serialize(secret));
        Assert.Equal("{\"Key\":\"[redacted]\"}", JsonSerializer.Serialize(new { Key = secret }));
        Assert.Equal("[redacted]", ConfigValue.FromSecret(secret).ToString());
        Assert.Equal(Plaintext, secret.Reveal());
    }

    [Fact]
    public void Describe_gives_the_length_only() =>
        Assert.Equal("a 18-character value", new Secret(Plaintext).Describe());

    [Fact]
    public void Secrets_with_the_same_value_are_equal()
    {
        Assert.Equal(new Secret(Plaintext), new Secret(Plaintext));
        Assert.NotEqual(new Secret(Plaintext), new Secret(Plaintext + "x"));
        Assert.Equal(new Secret(Plaintext).GetHashCode(), new Secret(Plaintext).GetHashCode());
    }

    [Fact]
    public void Writing_a_secret_value_as_json_redacts_unless_revealed()
    {
        var value = ConfigValue.FromSecret(new Secret(Plaintext));

        Assert.Equal("\"[redacted]\"", Write(value, reveal: false));
        Assert.Equal($"\"{Plaintext}\"", Write(value, reveal: true));
    }

    [Fact]
    public void Signup_key_hash_is_sha256_hex_and_round_trips()
    {
        var hash = SignupKeyHash.Compute("join-acme-2026");

        Assert.Equal(64, hash.Hex.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("join-acme-2026"u8)), hash.Hex);
        Assert.Equal(hash, SignupKeyHash.FromHex(hash.Hex.ToUpperInvariant()));
        Assert.Throws<FormatException>(() => SignupKeyHash.FromHex("abc"));
    }

    private static string Write(ConfigValue value, bool reveal)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteTo(writer, reveal);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
