using System.Text.RegularExpressions;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Runs a <see cref="GoRegexProgram"/> over a string as a Pike VM: all threads advance together one rune at a time,
/// each instruction holds at most one thread per position, so the work is at most (input runes + 1) × (program size)
/// whatever the pattern. Threads are kept in priority order, which gives Go's leftmost-first match and submatches.
/// </summary>
/// <remarks>Stateless; every run allocates its own thread lists, so it is safe for concurrent use.</remarks>
internal static class GoRegexMachine
{
    private const int ClockCheckInterval = 1024;

    /// <summary>Whether the program matches anywhere in <paramref name="input"/>.</summary>
    public static bool IsMatch(GoRegexProgram program, string input, TimeSpan timeout) =>
        Run(program, input, captures: false, timeout) is not null;

    /// <summary>The capture slots (start, end per group; -1 when the group did not take part) of the leftmost-first match, or null.</summary>
    public static int[]? Find(GoRegexProgram program, string input, TimeSpan timeout) =>
        Run(program, input, captures: true, timeout);

    private static int[]? Run(GoRegexProgram program, string input, bool captures, TimeSpan timeout)
    {
        var code = program.Code;
        var current = new Threads(code.Count);
        var next = new Threads(code.Count);
        var start = new int[captures ? program.SlotCount : 0];
        Array.Fill(start, -1);
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        int[]? matched = null;
        var position = 0;
        for (var step = 0; ; step++)
        {
            if (step % ClockCheckInterval == ClockCheckInterval - 1 && Environment.TickCount64 > deadline)
            {
                throw new RegexMatchTimeoutException(string.Empty, string.Empty, timeout);
            }

            if (matched is null && (position == 0 || !program.AnchoredAtStart))
            {
                // A new attempt starting here ranks below every thread that started earlier.
                Add(code, current, 0, input, position, start, captures);
            }

            var (rune, width) = position < input.Length ? Decode(input, position) : (-1, 0);
            if (current.Count == 0)
            {
                // Nothing alive: done if a match was found, the input is used up or the pattern is anchored at the
                // start; else try from the next rune.
                if (matched is not null || position >= input.Length || program.AnchoredAtStart)
                {
                    return matched;
                }

                position += width;
                current.Clear();
                continue;
            }

            for (var i = 0; i < current.Count; i++)
            {
                var (pc, slots) = current[i];
                var instruction = code[pc];
                if (instruction.Code == GoRegexProgram.Op.Match)
                {
                    // Leftmost-first: threads after this one have lower priority and are dropped.
                    matched = slots;
                    if (!captures)
                    {
                        return matched;
                    }

                    break;
                }

                if (width > 0 && rune >= 0 && instruction.Accepts(rune))
                {
                    Add(code, next, pc + 1, input, position + width, slots, captures);
                }
            }

            if (position >= input.Length)
            {
                return matched;
            }

            position += width;
            (current, next) = (next, current);
            next.Clear();
        }
    }

    /// <summary>Adds the thread at <paramref name="pc"/> and follows its empty transitions, in priority order, without recursion.</summary>
    private static void Add(IReadOnlyList<GoRegexProgram.Instruction> code, Threads list, int pc, string input, int position, int[] slots, bool captures)
    {
        var pending = list.Pending;
        pending.Push((pc, slots));
        while (pending.Count > 0)
        {
            var (at, held) = pending.Pop();
            if (!list.Visit(at))
            {
                continue;
            }

            var instruction = code[at];
            switch (instruction.Code)
            {
                case GoRegexProgram.Op.Jump:
                    pending.Push((instruction.X, held));
                    break;
                case GoRegexProgram.Op.Split:
                    pending.Push((instruction.Y, held));
                    pending.Push((instruction.X, held));
                    break;
                case GoRegexProgram.Op.Save:
                    if (captures && instruction.X < held.Length)
                    {
                        held = (int[])held.Clone();
                        held[instruction.X] = position;
                    }

                    pending.Push((at + 1, held));
                    break;
                case GoRegexProgram.Op.Assert:
                    if (Holds(instruction.Assertion, input, position))
                    {
                        pending.Push((at + 1, held));
                    }

                    break;
                default:
                    list.Append(at, held);
                    break;
            }
        }
    }

    private static bool Holds(GoAssertKind kind, string input, int position) => kind switch
    {
        GoAssertKind.BeginText => position == 0,
        GoAssertKind.EndText => position == input.Length,
        GoAssertKind.BeginLine => position == 0 || input[position - 1] == '\n',
        GoAssertKind.EndLine => position == input.Length || input[position] == '\n',
        GoAssertKind.WordBoundary => IsWord(input, position - 1) != IsWord(input, position),
        _ => IsWord(input, position - 1) == IsWord(input, position),
    };

    // Go's \b and \B are ASCII-only.
    private static bool IsWord(string input, int index) =>
        index >= 0 && index < input.Length && (char.IsAsciiLetterOrDigit(input[index]) || input[index] == '_');

    // A lone surrogate is a rune no set holds, as in the .NET translation.
    private static (int Rune, int Width) Decode(string input, int position)
    {
        var c = input[position];
        if (!char.IsSurrogate(c))
        {
            return (c, 1);
        }

        return char.IsHighSurrogate(c) && position + 1 < input.Length && char.IsLowSurrogate(input[position + 1])
            ? (char.ConvertToUtf32(c, input[position + 1]), 2)
            : (-1, 1);
    }

    /// <summary>The runnable threads of one step, in priority order, with a visited mark per instruction.</summary>
    private sealed class Threads(int size)
    {
        private readonly int[] _stamp = new int[size];
        private readonly List<(int Pc, int[] Slots)> _threads = [];
        private int _generation = 1;

        public Stack<(int Pc, int[] Slots)> Pending { get; } = new();

        public int Count => _threads.Count;

        public (int Pc, int[] Slots) this[int index] => _threads[index];

        public bool Visit(int pc)
        {
            if (_stamp[pc] == _generation)
            {
                return false;
            }

            _stamp[pc] = _generation;
            return true;
        }

        public void Append(int pc, int[] slots) => _threads.Add((pc, slots));

        public void Clear()
        {
            _threads.Clear();
            _generation++;
        }
    }
}
