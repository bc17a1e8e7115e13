using System.Text;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Parses a pattern with Go's regexp/syntax rules (the Perl flags regexp.Compile uses) into a
/// <see cref="GoRegexNode"/> tree, rejecting exactly what Go rejects with Go's error codes.
/// </summary>
/// <remarks>
/// The parse mirrors Go's stack discipline where it is observable: a repetition applies to the
/// last item of the current sequence (so <c>a(?i)*</c> repeats <c>a</c>), two repetition operators
/// in a row are an error, and flags set by <c>(?i)</c> last until the enclosing group closes.
/// </remarks>
internal sealed partial class GoRegexParser
{
    private readonly string _pattern;
    private readonly List<Frame> _frames = [new Frame(capturing: false, savedFlags: ParseFlags.OneLine)];
    private int _pos;
    private ParseFlags _flags = ParseFlags.OneLine;
    private int _lastRepeatStart = -1;
    private int _captureCount;

    private GoRegexParser(string pattern)
    {
        _pattern = pattern;
    }

    [Flags]
    private enum ParseFlags
    {
        None = 0,
        FoldCase = 1,
        DotNewLine = 2,
        OneLine = 4,
        NonGreedy = 8,
    }

    private Frame Current => _frames[^1];

    /// <summary>Parses <paramref name="pattern"/>; throws <see cref="GoRegexSyntaxException"/> where Go's parser fails.</summary>
    public static (GoRegexNode Root, int CaptureCount) Parse(string pattern)
    {
        var parser = new GoRegexParser(pattern);
        var root = parser.ParseAll();
        GoRegexLimits.Check(root, pattern);
        return (root, parser._captureCount);
    }

    private GoRegexNode ParseAll()
    {
        while (_pos < _pattern.Length)
        {
            var repeatStart = -1;
            switch (_pattern[_pos])
            {
                case '(':
                    if (_pos + 1 < _pattern.Length && _pattern[_pos + 1] == '?')
                    {
                        ParsePerlFlags();
                        break;
                    }

                    _captureCount++;
                    _frames.Add(new Frame(capturing: true, savedFlags: _flags));
                    _pos++;
                    break;
                case '|':
                    Current.EndBranch();
                    _pos++;
                    break;
                case ')':
                    CloseGroup();
                    _pos++;
                    break;
                case '^':
                    Push(new GoAssertNode(Has(ParseFlags.OneLine) ? GoAssertKind.BeginText : GoAssertKind.BeginLine));
                    _pos++;
                    break;
                case '$':
                    Push(new GoAssertNode(Has(ParseFlags.OneLine) ? GoAssertKind.EndText : GoAssertKind.EndLine));
                    _pos++;
                    break;
                case '.':
                    Push(new GoSetNode(Has(ParseFlags.DotNewLine) ? s_anyRune : s_anyRuneButNewLine));
                    _pos++;
                    break;
                case '[':
                    ParseClass();
                    break;
                case '*':
                    repeatStart = _pos;
                    ApplyRepeat(_pos, _pos + 1, 0, -1, counted: false);
                    break;
                case '+':
                    repeatStart = _pos;
                    ApplyRepeat(_pos, _pos + 1, 1, -1, counted: false);
                    break;
                case '?':
                    repeatStart = _pos;
                    ApplyRepeat(_pos, _pos + 1, 0, 1, counted: false);
                    break;
                case '{':
                    if (TryParseRepeatCount(out var min, out var max, out var end))
                    {
                        if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max))
                        {
                            throw Error(GoRegexSyntaxException.InvalidRepeatSize, _pos, end);
                        }

                        repeatStart = _pos;
                        ApplyRepeat(_pos, end, min, max, counted: true);
                        break;
                    }

                    // Go: a '{' that does not start a well-formed count is a literal.
                    PushLiteral('{');
                    _pos++;
                    break;
                case '\\':
                    ParseBackslash();
                    break;
                default:
                    PushLiteral(NextRune());
                    break;
            }

            _lastRepeatStart = repeatStart;
        }

        if (_frames.Count != 1)
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.MissingParen, _pattern);
        }

        return _frames[0].Build();
    }

    private bool Has(ParseFlags flag) => (_flags & flag) != 0;

    private void Push(GoRegexNode node) => Current.Items.Add(node);

    private void PushLiteral(int rune)
    {
        if (Has(ParseFlags.FoldCase))
        {
            var set = new RuneSet();
            set.AddFolded(rune, rune);
            Push(set.IsSingleRune ? new GoLiteralNode(rune) : new GoSetNode(set));
            return;
        }

        Push(new GoLiteralNode(rune));
    }

    private void ApplyRepeat(int opStart, int opEnd, int min, int max, bool counted)
    {
        var after = opEnd;
        var greedy = !Has(ParseFlags.NonGreedy);
        if (after < _pattern.Length && _pattern[after] == '?')
        {
            after++;
            greedy = !greedy;
        }

        if (_lastRepeatStart >= 0)
        {
            throw Error(GoRegexSyntaxException.InvalidRepeatOp, _lastRepeatStart, after);
        }

        var items = Current.Items;
        if (items.Count == 0)
        {
            throw Error(GoRegexSyntaxException.MissingRepeatArgument, opStart, after);
        }

        var node = new GoRepeatNode(items[^1], min, max, greedy, counted);
        items[^1] = node;
        if (counted && (min >= 2 || max >= 2) && !GoRegexLimits.RepeatIsValid(node, 1000))
        {
            throw Error(GoRegexSyntaxException.InvalidRepeatSize, opStart, after);
        }

        _pos = after;
    }

    private void CloseGroup()
    {
        if (_frames.Count == 1)
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.UnexpectedParen, _pattern);
        }

        var frame = Current;
        _frames.RemoveAt(_frames.Count - 1);
        _flags = frame.SavedFlags;
        var body = frame.Build();
        Push(frame.Capturing ? new GoCaptureNode(body) : body);
    }

    private int NextRune()
    {
        Rune.DecodeFromUtf16(_pattern.AsSpan(_pos), out var rune, out var consumed);
        _pos += consumed;
        return rune.Value;
    }

    private GoRegexSyntaxException Error(string code, int start, int end) =>
        new(code, _pattern[start..Math.Min(end, _pattern.Length)]);

    private sealed class Frame(bool capturing, ParseFlags savedFlags)
    {
        public bool Capturing { get; } = capturing;

        public ParseFlags SavedFlags { get; } = savedFlags;

        public List<GoRegexNode> Items { get; private set; } = [];

        public List<GoRegexNode> Branches { get; } = [];

        public void EndBranch()
        {
            Branches.Add(Sequence(Items));
            Items = [];
        }

        public GoRegexNode Build()
        {
            if (Branches.Count == 0)
            {
                return Sequence(Items);
            }

            return new GoAlternateNode([.. Branches, Sequence(Items)]);
        }

        private static GoRegexNode Sequence(List<GoRegexNode> items) =>
            items.Count == 1 ? items[0] : new GoConcatNode(items);
    }
}
