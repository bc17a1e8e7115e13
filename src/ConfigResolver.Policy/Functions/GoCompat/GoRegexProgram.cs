namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// A parsed Go regexp compiled to the instruction list of a Thompson NFA (as RE2 and Go's regexp do): runes and
/// sets, splits with a preferred branch, jumps, empty-width assertions and capture marks. <see cref="GoRegexMachine"/>
/// runs it in time linear in the input whatever the pattern, which the .NET engines cannot promise for every pattern.
/// </summary>
internal sealed class GoRegexProgram
{
    private readonly List<Instruction> _code = [];
    private int _captures;

    private GoRegexProgram()
    {
    }

    public enum Op : byte
    {
        Rune,
        Split,
        Jump,
        Save,
        Assert,
        Match,
    }

    /// <summary>The instructions; execution starts at 0.</summary>
    public IReadOnlyList<Instruction> Code => _code;

    /// <summary>Number of capture slots (two per group, group 0 included).</summary>
    public int SlotCount => 2 * (_captures + 1);

    /// <summary>Whether every match must start at the beginning of the text (the pattern starts with <c>^</c> or <c>\A</c>).</summary>
    public bool AnchoredAtStart { get; private set; }

    public static GoRegexProgram Compile(GoRegexNode root)
    {
        var program = new GoRegexProgram();
        program.Emit(new Instruction(Op.Save, 0));
        program.Node(root);
        program.Emit(new Instruction(Op.Save, 1));
        program.Emit(new Instruction(Op.Match));
        program.AnchoredAtStart = program._code.Skip(1).SkipWhile(static i => i.Code == Op.Save).FirstOrDefault() is { Code: Op.Assert, Assertion: GoAssertKind.BeginText };
        return program;
    }

    private int Emit(Instruction instruction)
    {
        _code.Add(instruction);
        return _code.Count - 1;
    }

    private void Patch(int at, int x, int y) => _code[at] = _code[at] with { X = x, Y = y };

    private void Node(GoRegexNode node)
    {
        switch (node)
        {
            case GoLiteralNode literal:
                Emit(new Instruction(Op.Rune) { Ranges = [(literal.Rune, literal.Rune)] });
                break;
            case GoSetNode set:
                Emit(new Instruction(Op.Rune) { Ranges = [.. set.Set.Ranges] });
                break;
            case GoAssertNode assert:
                Emit(new Instruction(Op.Assert) { Assertion = assert.Kind });
                break;
            case GoCaptureNode capture:
                var group = ++_captures;
                Emit(new Instruction(Op.Save, 2 * group));
                Node(capture.Body);
                Emit(new Instruction(Op.Save, (2 * group) + 1));
                break;
            case GoConcatNode concat:
                foreach (var item in concat.Items)
                {
                    Node(item);
                }

                break;
            case GoAlternateNode alternate:
                Alternate(alternate.Branches);
                break;
            case GoRepeatNode repeat:
                Repeat(repeat);
                break;
        }
    }

    // split(b0, next); b0; jump end; next: split(b1, next2); b1; jump end; ...; bn; end:
    private void Alternate(IReadOnlyList<GoRegexNode> branches)
    {
        var jumps = new List<int>();
        for (var i = 0; i < branches.Count - 1; i++)
        {
            var split = Emit(new Instruction(Op.Split));
            Node(branches[i]);
            jumps.Add(Emit(new Instruction(Op.Jump)));
            Patch(split, split + 1, _code.Count);
        }

        Node(branches[^1]);
        foreach (var jump in jumps)
        {
            Patch(jump, _code.Count, 0);
        }
    }

    private void Repeat(GoRepeatNode repeat)
    {
        for (var i = 0; i < repeat.Min; i++)
        {
            Node(repeat.Body);
        }

        if (repeat.Max < 0)
        {
            // L: split(body, out); body; jump L
            var loop = Emit(new Instruction(Op.Split));
            Node(repeat.Body);
            Emit(new Instruction(Op.Jump, loop));
            Prefer(loop, loop + 1, _code.Count, repeat.Greedy);
            return;
        }

        // x{n,m}: m-n nested optional copies, each skipping to the end.
        var splits = new List<int>();
        for (var i = repeat.Min; i < repeat.Max; i++)
        {
            splits.Add(Emit(new Instruction(Op.Split)));
            Node(repeat.Body);
        }

        foreach (var split in splits)
        {
            Prefer(split, split + 1, _code.Count, repeat.Greedy);
        }
    }

    private void Prefer(int split, int body, int skip, bool greedy) =>
        Patch(split, greedy ? body : skip, greedy ? skip : body);

    /// <summary>One instruction; <see cref="X"/> and <see cref="Y"/> are targets (Split: preferred first) or a slot (Save).</summary>
    internal sealed record Instruction(Op Code, int X = 0, int Y = 0)
    {
        public (int Lo, int Hi)[] Ranges { get; init; } = [];

        public GoAssertKind Assertion { get; init; }

        public bool Accepts(int rune)
        {
            var ranges = Ranges;
            int lo = 0, hi = ranges.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (rune < ranges[mid].Lo)
                {
                    hi = mid - 1;
                }
                else if (rune > ranges[mid].Hi)
                {
                    lo = mid + 1;
                }
                else
                {
                    return true;
                }
            }

            return false;
        }
    }
}
