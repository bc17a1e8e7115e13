namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>Backslash escapes, as Go's parser reads them.</summary>
internal sealed partial class GoRegexParser
{
    private void ParseBackslash()
    {
        if (_pos + 1 < _pattern.Length)
        {
            switch (_pattern[_pos + 1])
            {
                case 'A':
                    Push(new GoAssertNode(GoAssertKind.BeginText));
                    _pos += 2;
                    return;
                case 'z':
                    Push(new GoAssertNode(GoAssertKind.EndText));
                    _pos += 2;
                    return;
                case 'b':
                    Push(new GoAssertNode(GoAssertKind.WordBoundary));
                    _pos += 2;
                    return;
                case 'B':
                    Push(new GoAssertNode(GoAssertKind.NotWordBoundary));
                    _pos += 2;
                    return;
                case 'C':
                    // Go: "any byte" is not supported.
                    throw Error(GoRegexSyntaxException.InvalidEscape, _pos, _pos + 2);
                case 'Q':
                    // Go: everything up to \E (or the end) is literal text.
                    var end = _pattern.IndexOf("\\E", _pos + 2, StringComparison.Ordinal);
                    var stop = end < 0 ? _pattern.Length : end;
                    _pos += 2;
                    while (_pos < stop)
                    {
                        PushLiteral(NextRune());
                    }

                    _pos = end < 0 ? _pattern.Length : end + 2;
                    return;
            }
        }

        var set = new RuneSet();
        if (TryParseUnicodeClass(set) || TryParsePerlClass(set))
        {
            Push(new GoSetNode(set));
            return;
        }

        PushLiteral(ParseEscape());
    }

    /// <summary>Reads one escaped rune at <c>_pos</c> (which holds the backslash), like Go's parseEscape.</summary>
    private int ParseEscape()
    {
        var start = _pos;
        _pos++;
        if (_pos >= _pattern.Length)
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.TrailingBackslash, string.Empty);
        }

        var c = NextRune();
        switch (c)
        {
            case >= '1' and <= '7' when !IsOctalAt(_pos):
                // A lone non-zero digit would be a backreference, which RE2 does not support.
                break;
            case >= '0' and <= '7':
                var value = c - '0';
                for (var i = 1; i < 3 && IsOctalAt(_pos); i++)
                {
                    value = (value * 8) + (_pattern[_pos++] - '0');
                }

                return value;
            case 'x':
                if (TryParseHexEscape(out var hex))
                {
                    return hex;
                }

                break;
            case 'a':
                return '\a';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return '\v';
            default:
                if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c))
                {
                    // Escaped ASCII punctuation (and \_) always stands for itself.
                    return c;
                }

                break;
        }

        throw Error(GoRegexSyntaxException.InvalidEscape, start, _pos);
    }

    private bool IsOctalAt(int index) => index < _pattern.Length && _pattern[index] is >= '0' and <= '7';

    private bool TryParseHexEscape(out int value)
    {
        value = 0;
        if (_pos >= _pattern.Length)
        {
            return false;
        }

        var c = NextRune();
        if (c == '{')
        {
            var digits = 0;
            while (true)
            {
                if (_pos >= _pattern.Length)
                {
                    return false;
                }

                c = NextRune();
                if (c == '}')
                {
                    return digits > 0;
                }

                var digit = HexValue(c);
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 16) + digit;
                if (value > RuneSet.MaxRune)
                {
                    return false;
                }

                digits++;
            }
        }

        var high = HexValue(c);
        var low = _pos < _pattern.Length ? HexValue(NextRune()) : -1;
        value = (high * 16) + low;
        return high >= 0 && low >= 0;
    }

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
