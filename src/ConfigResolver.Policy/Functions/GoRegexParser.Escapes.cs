namespace ConfigResolver.Policy.Functions;

/// <summary>Backslash escapes, flag groups and counted repetitions, as Go's parser reads them.</summary>
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

    /// <summary>Parses "(?" forms: named captures, flag settings and non-capturing groups.</summary>
    private void ParsePerlFlags()
    {
        var start = _pos;
        var rest = _pattern.AsSpan(_pos);

        // Go accepts (?P<name>re) and, since Go 1.22, (?<name>re); names are [A-Za-z0-9_]+.
        var nameStart = rest.Length > 4 && rest[2] == 'P' && rest[3] == '<' ? 4
            : rest.Length > 3 && rest[2] == '<' ? 3
            : -1;
        if (nameStart > 0)
        {
            var close = rest.IndexOf('>');
            if (close < 0)
            {
                throw new GoRegexSyntaxException(GoRegexSyntaxException.InvalidNamedCapture, _pattern[start..]);
            }

            var name = rest[nameStart..close];
            if (name.IsEmpty || name.ContainsAnyExcept(s_captureNameChars))
            {
                throw Error(GoRegexSyntaxException.InvalidNamedCapture, start, start + close + 1);
            }

            _captureCount++;
            _frames.Add(new Frame(capturing: true, savedFlags: _flags));
            _pos += close + 1;
            return;
        }

        _pos += 2;
        var flags = _flags;
        var negated = false;
        var sawFlag = false;
        while (_pos < _pattern.Length)
        {
            var c = NextRune();
            switch (c)
            {
                case 'i':
                    flags = negated ? flags & ~ParseFlags.FoldCase : flags | ParseFlags.FoldCase;
                    sawFlag = true;
                    continue;
                case 'm':
                    flags = negated ? flags | ParseFlags.OneLine : flags & ~ParseFlags.OneLine;
                    sawFlag = true;
                    continue;
                case 's':
                    flags = negated ? flags & ~ParseFlags.DotNewLine : flags | ParseFlags.DotNewLine;
                    sawFlag = true;
                    continue;
                case 'U':
                    flags = negated ? flags & ~ParseFlags.NonGreedy : flags | ParseFlags.NonGreedy;
                    sawFlag = true;
                    continue;
                case '-' when !negated:
                    negated = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negated || sawFlag:
                    if (c == ':')
                    {
                        // The group remembers the flags from before its own settings.
                        _frames.Add(new Frame(capturing: false, savedFlags: _flags));
                    }

                    _flags = flags;
                    return;
            }

            break;
        }

        throw Error(GoRegexSyntaxException.InvalidPerlOp, start, _pos);
    }

    /// <summary>Reads {n}, {n,} or {n,m} at <c>_pos</c>; min is -1 when a number is too large. False: '{' is literal.</summary>
    private bool TryParseRepeatCount(out int min, out int max, out int end)
    {
        max = 0;
        end = _pos + 1;
        if (!TryParseInt(ref end, out min) || end >= _pattern.Length)
        {
            return false;
        }

        if (_pattern[end] != ',')
        {
            max = min;
        }
        else
        {
            end++;
            if (end >= _pattern.Length)
            {
                return false;
            }

            if (_pattern[end] == '}')
            {
                max = -1;
            }
            else if (!TryParseInt(ref end, out max))
            {
                return false;
            }
            else if (max < 0)
            {
                min = -1;
            }
        }

        if (end >= _pattern.Length || _pattern[end] != '}')
        {
            return false;
        }

        end++;
        return true;
    }

    /// <summary>Go's parseInt: digits without a leading zero; a value of 10^8 or more reads as -1.</summary>
    private bool TryParseInt(ref int index, out int value)
    {
        value = 0;
        var start = index;
        if (start >= _pattern.Length || !char.IsAsciiDigit(_pattern[start]))
        {
            return false;
        }

        if (_pattern[start] == '0' && start + 1 < _pattern.Length && char.IsAsciiDigit(_pattern[start + 1]))
        {
            return false;
        }

        while (index < _pattern.Length && char.IsAsciiDigit(_pattern[index]))
        {
            if (value >= 100_000_000)
            {
                value = -1;
            }
            else if (value >= 0)
            {
                value = (value * 10) + (_pattern[index] - '0');
            }

            index++;
        }

        return true;
    }
}
