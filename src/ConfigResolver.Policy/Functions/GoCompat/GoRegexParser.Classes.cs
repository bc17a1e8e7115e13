using System.Buffers;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>Character classes: [...], Perl \d\s\w, POSIX [:name:], Unicode \p{..}; all ASCII-only except \p.</summary>
internal sealed partial class GoRegexParser
{
    private static readonly SearchValues<char> s_captureNameChars =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_");

    private static readonly RuneSet s_anyRune = Ranges(0, RuneSet.MaxRune);
    private static readonly RuneSet s_anyRuneButNewLine = Ranges(0, '\n' - 1, '\n' + 1, RuneSet.MaxRune);

    private static readonly Dictionary<char, RuneSet> s_perlClasses = new()
    {
        ['d'] = Ranges('0', '9'),
        ['s'] = Ranges('\t', '\n', '\f', '\r', ' ', ' '),
        ['w'] = Ranges('0', '9', 'A', 'Z', '_', '_', 'a', 'z'),
    };

    private static readonly Dictionary<string, RuneSet> s_posixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = Ranges('0', '9', 'A', 'Z', 'a', 'z'),
        ["alpha"] = Ranges('A', 'Z', 'a', 'z'),
        ["ascii"] = Ranges(0, 0x7F),
        ["blank"] = Ranges('\t', '\t', ' ', ' '),
        ["cntrl"] = Ranges(0, 0x1F, 0x7F, 0x7F),
        ["digit"] = Ranges('0', '9'),
        ["graph"] = Ranges('!', '~'),
        ["lower"] = Ranges('a', 'z'),
        ["print"] = Ranges(' ', '~'),
        ["punct"] = Ranges('!', '/', ':', '@', '[', '`', '{', '~'),
        ["space"] = Ranges('\t', '\r', ' ', ' '),
        ["upper"] = Ranges('A', 'Z'),
        ["word"] = Ranges('0', '9', 'A', 'Z', '_', '_', 'a', 'z'),
        ["xdigit"] = Ranges('0', '9', 'A', 'F', 'a', 'f'),
    };

    private void ParseClass()
    {
        var start = _pos;
        _pos++;
        var negate = false;
        if (_pos < _pattern.Length && _pattern[_pos] == '^')
        {
            // Go compiles with ClassNL, so a negated class may match '\n'.
            negate = true;
            _pos++;
        }

        var set = new RuneSet();
        var first = true;
        while (_pos >= _pattern.Length || _pattern[_pos] != ']' || first)
        {
            // ']' (and '-') are literal as the first item.
            first = false;
            if (TryParseNamedClass(set) || TryParseUnicodeClass(set) || TryParsePerlClass(set))
            {
                continue;
            }

            var rangeStart = _pos;
            var lo = ParseClassChar(start);
            var hi = lo;
            if (_pos + 1 < _pattern.Length && _pattern[_pos] == '-' && _pattern[_pos + 1] != ']')
            {
                _pos++;
                hi = ParseClassChar(start);
                if (hi < lo)
                {
                    throw Error(GoRegexSyntaxException.InvalidCharRange, rangeStart, _pos);
                }
            }

            if (Has(ParseFlags.FoldCase))
            {
                set.AddFolded(lo, hi);
            }
            else
            {
                set.Add(lo, hi);
            }
        }

        _pos++;
        if (negate)
        {
            set.Negate();
        }

        Push(new GoSetNode(set));
    }

    private int ParseClassChar(int classStart)
    {
        if (_pos >= _pattern.Length)
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.MissingBracket, _pattern[classStart..]);
        }

        return _pattern[_pos] == '\\' ? ParseEscape() : NextRune();
    }

    private bool TryParseNamedClass(RuneSet target)
    {
        var rest = _pattern.AsSpan(_pos);
        if (rest.Length <= 2 || rest[0] != '[' || rest[1] != ':')
        {
            return false;
        }

        var close = rest[2..].IndexOf(":]", StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var full = rest[..(close + 4)].ToString();
        var name = full[2..^2];
        var negated = name.StartsWith('^');
        if (!s_posixClasses.TryGetValue(negated ? name[1..] : name, out var group))
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.InvalidCharRange, full);
        }

        AddGroup(target, group, negated);
        _pos += full.Length;
        return true;
    }

    private bool TryParsePerlClass(RuneSet target)
    {
        if (_pos + 1 >= _pattern.Length || _pattern[_pos] != '\\')
        {
            return false;
        }

        var letter = _pattern[_pos + 1];
        if (!s_perlClasses.TryGetValue(char.ToLowerInvariant(letter), out var group) || !char.IsAsciiLetter(letter))
        {
            return false;
        }

        AddGroup(target, group, negated: char.IsAsciiLetterUpper(letter));
        _pos += 2;
        return true;
    }

    /// <summary>Adds a Perl or POSIX group; under (?i) Go folds the group before negating it.</summary>
    private void AddGroup(RuneSet target, RuneSet group, bool negated)
    {
        var effective = Has(ParseFlags.FoldCase) ? group.Folded() : group;
        if (negated)
        {
            target.AddNegated(effective);
        }
        else
        {
            target.AddSet(effective);
        }
    }

    private bool TryParseUnicodeClass(RuneSet target)
    {
        if (_pos + 1 >= _pattern.Length || _pattern[_pos] != '\\' || _pattern[_pos + 1] is not ('p' or 'P'))
        {
            return false;
        }

        var start = _pos;
        var negated = _pattern[_pos + 1] == 'P';
        _pos += 2;
        string name;
        if (_pos < _pattern.Length && _pattern[_pos] == '{')
        {
            var close = _pattern.IndexOf('}', start);
            if (close < 0)
            {
                throw new GoRegexSyntaxException(GoRegexSyntaxException.InvalidCharRange, _pattern[start..]);
            }

            name = _pattern[(start + 3)..close];
            _pos = close + 1;
        }
        else
        {
            // A single-letter name such as \pL; at the end of the pattern the name is empty.
            var nameStart = _pos;
            if (_pos < _pattern.Length)
            {
                NextRune();
            }

            name = _pattern[nameStart.._pos];
        }

        var sequence = _pattern[start.._pos];
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        if (!UnicodeClasses.TryGet(name, out var table))
        {
            throw IsLikelyScriptName(name)
                ? new GoRegexSyntaxException(GoRegexSyntaxException.UnsupportedClass, sequence)
                : new GoRegexSyntaxException(GoRegexSyntaxException.InvalidCharRange, sequence);
        }

        AddGroup(target, table, negated);
        return true;
    }

    // Go's script names are capitalised words of letters and underscores (Greek, Old_Italic, Han).
    private static bool IsLikelyScriptName(string name) =>
        name.Length > 1 && char.IsAsciiLetterUpper(name[0]) && !name.AsSpan().ContainsAnyExcept(s_captureNameChars);

    private static RuneSet Ranges(params int[] bounds)
    {
        var set = new RuneSet();
        for (var i = 0; i < bounds.Length; i += 2)
        {
            set.Add(bounds[i], bounds[i + 1]);
        }

        _ = set.Ranges;
        return set;
    }
}
