namespace ConfigResolver.Policy.Parsing;

/// <summary>
/// Parses matcher expressions with govaluate's precedence, lowest first: <c>?:</c>, <c>??</c>, <c>||</c>,
/// <c>&amp;&amp;</c>, comparisons (<c>== != &lt; &lt;= &gt; &gt;= =~ !~ in</c>), bitwise <c>&amp; | ^</c>, shifts,
/// <c>+ -</c>, <c>* / %</c>, <c>**</c>, prefix <c>! - ~</c>. Binary operators associate to the left.
/// </summary>
/// <remarks>
/// Bounded for hostile input: text longer than <see cref="MaxLength"/> is refused before it is tokenized, parentheses,
/// lists and prefix operators may nest at most <see cref="MaxDepth"/> deep (checked as the parser descends, so the
/// parser's own recursion is bounded), and the finished tree may be at most <see cref="MaxDepth"/> high (a chain of
/// 100,000 <c>||</c> is parsed by a loop but would be a tree that deep). Compilation and evaluation recurse over the tree,
/// so these two bounds are what keeps every later stage off the end of the stack.
/// </remarks>
internal sealed partial class MatcherParser
{
    /// <summary>The longest matcher or condition, in characters.</summary>
    public const int MaxLength = 65_536;

    /// <summary>The deepest nesting of the parsed tree (operators, parentheses, calls, lists).</summary>
    public const int MaxDepth = 256;

    private static readonly string[][] s_binaryLevels =
    [
        ["??"],
        ["||"],
        ["&&"],
        ["==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in"],
        ["&", "|", "^"],
        ["<<", ">>"],
        ["+", "-"],
        ["*", "/", "%"],
        ["**"],
    ];

    private readonly List<SyntaxToken> _tokens;
    private int _position;
    private int _depth;

    private MatcherParser(List<SyntaxToken> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and sets the error and its offset.</summary>
    public static SyntaxNode? Parse(string text, out int errorOffset, out string? error) => Parse(text, out errorOffset, out error, out _);

    /// <summary>Parses <paramref name="text"/>; <paramref name="overLimit"/> tells a limit hit from a syntax error.</summary>
    public static SyntaxNode? Parse(string text, out int errorOffset, out string? error, out bool overLimit)
    {
        overLimit = false;
        if (text.Length > MaxLength)
        {
            overLimit = true;
            errorOffset = 0;
            error = $"the expression is {text.Length:N0} characters long; the limit is {MaxLength:N0}.";
            return null;
        }

        var tokens = MatcherLexer.Tokenize(text, out errorOffset, out error);
        if (error is not null)
        {
            return null;
        }

        var parser = new MatcherParser(tokens);
        try
        {
            var node = parser.ParseTernary();
            var next = parser.Peek();
            if (next.Kind != TokenKind.End)
            {
                throw new SyntaxError(next.Offset, $"expected an operator or the end of the matcher; found {Describe(next)}.");
            }

            if (SyntaxDepth.FindTooDeep(node, MaxDepth) is { } deep)
            {
                throw new SyntaxError(deep, TooDeep, overLimit: true);
            }

            return node;
        }
        catch (SyntaxError e)
        {
            errorOffset = e.Offset;
            error = e.Message;
            overLimit = e.OverLimit;
            return null;
        }
    }

    private SyntaxToken Peek() => _tokens[_position];

    private SyntaxToken Next() => _tokens[_position++];

    private bool TryOperator(string[] ops, out SyntaxToken token)
    {
        token = Peek();
        if (token.Kind == TokenKind.Operator && Array.IndexOf(ops, token.Text) >= 0)
        {
            _position++;
            return true;
        }

        return false;
    }

    private static string TooDeep => $"the expression nests deeper than {MaxDepth} levels (operators, parentheses, calls); split it up.";

    private void Descend()
    {
        if (++_depth > MaxDepth)
        {
            throw new SyntaxError(Peek().Offset, TooDeep, overLimit: true);
        }
    }

    private SyntaxNode ParseTernary()
    {
        Descend();
        try
        {
            return ParseTernaryBody();
        }
        finally
        {
            _depth--;
        }
    }

    private SyntaxNode ParseTernaryBody()
    {
        var condition = ParseBinary(0);
        if (TryOperator(["?"], out var question))
        {
            var whenTrue = ParseTernary();
            if (!TryOperator([":"], out _))
            {
                throw new SyntaxError(Peek().Offset, $"expected ':' to complete the conditional started at '?'; found {Describe(Peek())}.");
            }

            var whenFalse = ParseTernary();
            return new TernarySyntax(question.Offset, condition, whenTrue, whenFalse);
        }

        return condition;
    }

    private SyntaxNode ParseBinary(int level)
    {
        if (level == s_binaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (TryOperator(s_binaryLevels[level], out var op))
        {
            var right = ParseBinary(level + 1);
            left = new BinarySyntax(op.Offset, op.Text, left, right);
        }

        return left;
    }

    private SyntaxNode ParseUnary()
    {
        if (TryOperator(["!", "-", "~"], out var op))
        {
            Descend();
            try
            {
                return new UnarySyntax(op.Offset, op.Text, ParseUnary());
            }
            finally
            {
                _depth--;
            }
        }

        return ParsePrimary();
    }

    private sealed class SyntaxError(int offset, string message, bool overLimit = false) : Exception(message)
    {
        public int Offset { get; } = offset;

        public bool OverLimit { get; } = overLimit;
    }
}
