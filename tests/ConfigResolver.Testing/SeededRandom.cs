using System.Security.Cryptography;

namespace ConfigResolver.Testing;

/// <summary>A reproducible byte source for tests that compare output; production uses the operating system's CSPRNG.</summary>
public sealed class SeededRandom(int seed) : RandomNumberGenerator
{
    private readonly Random _random = new(seed);

    public override void GetBytes(byte[] data) => _random.NextBytes(data);

    public override void GetBytes(Span<byte> data) => _random.NextBytes(data);
}
