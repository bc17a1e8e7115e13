using System.Numerics;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A fast path for the anchored Go regexes keyMatch2..5 derive from ordinary key patterns: when the
/// derived body is only literal text, <c>[^/]+</c> (a parameter) and <c>.*</c> (from "/*"), it is
/// matched here by a tiny NFA instead of compiling a .NET regex, which costs milliseconds with the
/// non-backtracking engine. Same answers as Go: <c>[^/]</c> takes any character but '/',
/// <c>.</c> any but '\n', and the match must cover the whole key.
/// </summary>
/// <remarks>Immutable; matching is linear in the key, allocation-free, and safe for concurrent use.</remarks>
internal sealed class SimpleKeyPattern
{
    private const string Parameter = "[^/]+";
    private const string AnyRun = ".*";
    private const string RegexSpecials = "\\.+*?()|[]{}^$";

    // Bit-parallel state sets hold one bit per element plus the accepting state.
    private const int MaxElements = 63;

    private readonly Element[] _elements;
    private readonly char[] _chars;
    private readonly ulong _skippable;

    private SimpleKeyPattern(Element[] elements, char[] chars)
    {
        _elements = elements;
        _chars = chars;
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i] == Element.AnyRun)
            {
                _skippable |= 1UL << i;
            }
        }
    }

    private enum Element : byte
    {
        Char,
        Parameter,
        AnyRun,
    }

    /// <summary>Builds the fast path for a derived regex body (without ^ and $), or null when it uses other regex syntax.</summary>
    public static SimpleKeyPattern? TryCreate(string body)
    {
        var elements = new List<Element>();
        var chars = new List<char>();
        for (var i = 0; i < body.Length;)
        {
            if (string.CompareOrdinal(body, i, Parameter, 0, Parameter.Length) == 0)
            {
                elements.Add(Element.Parameter);
                chars.Add('\0');
                i += Parameter.Length;
            }
            else if (string.CompareOrdinal(body, i, AnyRun, 0, AnyRun.Length) == 0)
            {
                elements.Add(Element.AnyRun);
                chars.Add('\0');
                i += AnyRun.Length;
            }
            else if (RegexSpecials.Contains(body[i], StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                elements.Add(Element.Char);
                chars.Add(body[i]);
                i++;
            }

            if (elements.Count > MaxElements)
            {
                return null;
            }
        }

        return new SimpleKeyPattern([.. elements], [.. chars]);
    }

    public bool IsMatch(string key) => IsMatch(key.AsSpan());

    public bool IsMatch(ReadOnlySpan<char> key)
    {
        var states = Closure(1UL);
        foreach (var c in key)
        {
            var next = 0UL;
            for (var set = states; set != 0; set &= set - 1)
            {
                var i = BitOperations.TrailingZeroCount(set);
                if (i >= _elements.Length)
                {
                    continue;
                }

                switch (_elements[i])
                {
                    case Element.Char when c == _chars[i]:
                        next |= 1UL << (i + 1);
                        break;
                    case Element.Parameter when c != '/':
                        // One character taken: stay for more, or move on.
                        next |= (1UL << i) | (1UL << (i + 1));
                        break;
                    case Element.AnyRun when c != '\n':
                        next |= 1UL << i;
                        break;
                }
            }

            states = Closure(next);
            if (states == 0)
            {
                return false;
            }
        }

        return (states & (1UL << _elements.Length)) != 0;
    }

    // ".*" may match nothing, so being before it also means being after it; one ascending pass
    // suffices because skipping only moves forward.
    private ulong Closure(ulong states)
    {
        for (var candidates = _skippable; candidates != 0; candidates &= candidates - 1)
        {
            var i = BitOperations.TrailingZeroCount(candidates);
            if ((states & (1UL << i)) != 0)
            {
                states |= 1UL << (i + 1);
            }
        }

        return states;
    }
}
