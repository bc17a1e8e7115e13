using System.Text;

namespace ConfigResolver.Testing;

/// <summary>
/// Seeded, bounded mutation of text for fuzz tests: deletes, duplicates, swaps and flips, and inserts tokens that have
/// broken parsers before (deep nesting, huge numbers, lone surrogates, invalid UTF-8 bytes, YAML anchors and tags).
/// The same seed always gives the same inputs, so a failure names a reproducible case.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] s_tokens =
    [
        "{", "}", "[", "]", "\"", "'", ":", ",", "null", "true", "-", "#", "\t", "\n", "\\", "\\u", "\\ud800", "\\udc00",
        "10000000000000000000", "1e400", "-1e999", "0.0000000000000000000001", new string('9', 450), new string('[', 200),
        new string('{', 100), "&a", "*a", "!!binary", "---", "...", "? ", "|", ">", "%YAML 1.2", "\u0000", "\u00e9", "\U0001F600",
        "||", "&&", "=~", "'^(a+)+$'", "(((((", ")))))", "keyMatch(", "regexMatch(", new string('x', 70_000),
    ];

    private readonly Random _random = new(seed);

    /// <summary>A mutation of <paramref name="text"/> (one to four edits).</summary>
    /// <param name="text">The valid input to start from.</param>
    /// <returns>The mutated text.</returns>
    public string Mutate(string text)
    {
        var builder = new StringBuilder(text);
        var edits = _random.Next(1, 5);
        for (var i = 0; i < edits; i++)
        {
            var at = _random.Next(builder.Length + 1);
            switch (_random.Next(6))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at == builder.Length ? at - 1 : at, Math.Min(_random.Next(1, 20), builder.Length - Math.Max(0, at == builder.Length ? at - 1 : at)));
                    break;
                case 1:
                    var length = Math.Min(_random.Next(1, 40), builder.Length - at);
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 2 when builder.Length > 1 && at < builder.Length - 1:
                    (builder[at], builder[at + 1]) = (builder[at + 1], builder[at]);
                    break;
                case 3 when at < builder.Length:
                    builder[at] = (char)_random.Next(1, 128);
                    break;
                default:
                    builder.Insert(at, s_tokens[_random.Next(s_tokens.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The UTF-8 bytes of a mutation, sometimes with an invalid byte spliced in.</summary>
    /// <param name="text">The valid input to start from.</param>
    /// <returns>The bytes.</returns>
    public byte[] MutateBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(Mutate(text)).ToList();
        if (_random.Next(4) == 0)
        {
            bytes.Insert(_random.Next(bytes.Count + 1), (byte)_random.Next(0x80, 0x100));
        }

        return [.. bytes];
    }
}
